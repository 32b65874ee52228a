import { Field, ID, InputType, Int } from 'type-graphql';
import { StudentStatus } from '../people.enums.js';

@InputType({ description: '新增學生（註冊組）' })
export class CreateStudentInput {
  @Field({ description: '學號' })
  studentNumber!: string;

  @Field({ description: '姓名' })
  name!: string;

  @Field({ description: '身分證字號或居留證號' })
  nationalId!: string;

  @Field({ description: '出生日期（YYYY-MM-DD）' })
  birthDate!: string;

  @Field(() => Int, { description: '入學年度（民國）' })
  cohort!: number;

  @Field(() => ID, { nullable: true, description: '班級' })
  classId?: string | null;

  @Field(() => Int, { nullable: true, description: '座號' })
  seatNumber?: number | null;

  @Field(() => StudentStatus, { nullable: true, description: '學籍狀態，預設在學' })
  status?: StudentStatus | null;
}

@InputType({ description: '修改學生資料（註冊組）；未提供的欄位不變' })
export class UpdateStudentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nationalId?: string | null;

  @Field(() => String, { nullable: true })
  birthDate?: string | null;

  @Field(() => ID, { nullable: true })
  classId?: string | null;

  @Field(() => Int, { nullable: true })
  seatNumber?: number | null;

  @Field(() => StudentStatus, { nullable: true })
  status?: StudentStatus | null;
}

@InputType({ description: '復學：休學學生回到在學，編入本學年度的班級（註冊組）' })
export class ReadmitStudentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '本學年度的班級' })
  classId!: string;

  @Field(() => Int, { nullable: true })
  seatNumber?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '復學後的入學年度（編入的年級在本學年度的入學年度）；未提供時依班級年級推算，不會早於原入學年度',
  })
  cohort?: number | null;
}

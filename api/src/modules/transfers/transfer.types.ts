import { Extensions, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { toGlobalId } from '../../common/ids.js';
import { MULTILINE } from '../../common/input-text.js';
import { PayloadType, UserError } from '../../common/user-error.js';
import { ConnectionType } from '../../common/pagination.js';
import { School } from '../school/school.entity.js';
import { Student } from '../people/student.entity.js';

export enum TransferStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

/** How the receiving school reads its request. */
export const TRANSFER_IN_LABELS: Record<TransferStatus, string> = {
  [TransferStatus.PENDING]: '待原校同意',
  [TransferStatus.APPROVED]: '原校已同意（待接收）',
  [TransferStatus.COMPLETED]: '已完成',
  [TransferStatus.DECLINED]: '原校未同意',
  [TransferStatus.CANCELLED]: '已取消',
};

/** How the school of origin reads the same request. */
export const TRANSFER_OUT_LABELS: Record<TransferStatus, string> = {
  [TransferStatus.PENDING]: '待本校同意',
  [TransferStatus.APPROVED]: '本校已同意（待轉入學校接收）',
  [TransferStatus.COMPLETED]: '已完成',
  [TransferStatus.DECLINED]: '本校未同意',
  [TransferStatus.CANCELLED]: '轉入學校已取消',
};

registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description: '轉學（轉科、轉部）申請的狀態',
  valuesConfig: enumDescriptions(TRANSFER_IN_LABELS),
});

/** A transfer_in row: the receiving school's request. */
export interface TransferInRow {
  id: string;
  origin_school_id: string;
  national_id_encrypted: string;
  birth_date: string;
  student_id: string | null;
  creates_student: boolean;
  new_student_number: string | null;
  new_name: string | null;
  new_class_id: string | null;
  new_cohort: number | null;
  new_seat_number: number | null;
  new_gender: 'M' | 'F' | null;
  status: TransferStatus;
  requested_by: string;
  requested_at: Date;
  decided_at: Date | null;
  decline_reason: string | null;
  exchange_sha256: string | null;
  completed_at: Date | null;
  records_imported: number | null;
  cancelled_at: Date | null;
}

/** A transfer_out row: the same request as the school of origin holds it. */
export interface TransferOutRow {
  id: string;
  destination_school_id: string;
  student_id: string;
  requested_at: Date;
  requested_by_name: string;
  status: TransferStatus;
  decided_at: Date | null;
  decline_reason: string | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
}

@ObjectType({ description: '轉入時要建立的新學生（本校尚無這位學生時）' })
export class TransferNewStudent {
  @Field({ description: '學號' })
  studentNumber!: string;

  @Field({ description: '姓名' })
  name!: string;

  @Field(() => Int, { description: '入學年度' })
  cohort!: number;

  @Field(() => Int, { nullable: true, description: '座號' })
  seatNumber!: number | null;

  /** The class's id, resolved by the resolver through the class loader. */
  classId!: string | null;
}

@ObjectType({ description: '轉入申請（本校為轉入學校）' })
export class TransferIn {
  constructor(readonly row: TransferInRow) {}

  @Field(() => ID, { description: '全域識別碼' })
  get id(): string {
    return toGlobalId('TransferIn', this.row.id);
  }

  @Field(() => TransferStatus)
  get status(): TransferStatus {
    return this.row.status;
  }

  @Field({ description: '狀態名稱，例如「待原校同意」；原校未同意時附上理由' })
  get statusLabel(): string {
    const label = TRANSFER_IN_LABELS[this.row.status];
    return this.row.status === TransferStatus.DECLINED ? `${label}（${this.row.decline_reason}）` : label;
  }

  @Field({ description: '出生日期（YYYY-MM-DD）' })
  get birthDate(): string {
    return this.row.birth_date;
  }

  @Field({ description: '轉入時建立新學生（否則為本校已有的學生）' })
  get createsStudent(): boolean {
    return this.row.creates_student;
  }

  @Field(() => TransferNewStudent, { nullable: true, description: '轉入時要建立的學生資料' })
  get newStudent(): TransferNewStudent | null {
    if (!this.row.creates_student) return null;
    return Object.assign(new TransferNewStudent(), {
      studentNumber: this.row.new_student_number!,
      name: this.row.new_name!,
      cohort: this.row.new_cohort!,
      seatNumber: this.row.new_seat_number,
      classId: this.row.new_class_id,
    });
  }

  @Field({ description: '申請時間' })
  get requestedAt(): Date {
    return this.row.requested_at;
  }

  @Field(() => Date, { nullable: true, description: '原校同意或不同意的時間' })
  get decidedAt(): Date | null {
    return this.row.decided_at;
  }

  @Field(() => String, { nullable: true, description: '原校不同意的理由' })
  get declineReason(): string | null {
    return this.row.decline_reason;
  }

  @Field(() => Date, { nullable: true, description: '完成接收的時間' })
  get completedAt(): Date | null {
    return this.row.completed_at;
  }

  @Field(() => Int, { nullable: true, description: '接收時匯入的學習歷程筆數' })
  get recordsImported(): number | null {
    return this.row.records_imported;
  }

  @Field(() => Date, { nullable: true, description: '取消的時間' })
  get cancelledAt(): Date | null {
    return this.row.cancelled_at;
  }
}

@ObjectType({ description: '轉出申請（他校請求本校學生轉入該校，待本校註冊組同意）' })
export class TransferOut {
  constructor(readonly row: TransferOutRow) {}

  @Field(() => ID, { description: '全域識別碼' })
  get id(): string {
    return toGlobalId('TransferOut', this.row.id);
  }

  @Field(() => TransferStatus)
  get status(): TransferStatus {
    return this.row.status;
  }

  @Field({ description: '狀態名稱，例如「待本校同意」；未同意時附上理由' })
  get statusLabel(): string {
    const label = TRANSFER_OUT_LABELS[this.row.status];
    return this.row.status === TransferStatus.DECLINED ? `${label}（${this.row.decline_reason}）` : label;
  }

  @Field({ description: '轉入學校提出申請的時間' })
  get requestedAt(): Date {
    return this.row.requested_at;
  }

  @Field({ description: '轉入學校的申請人（顯示名稱）' })
  get requestedByName(): string {
    return this.row.requested_by_name;
  }

  @Field(() => Date, { nullable: true, description: '本校同意或不同意的時間' })
  get decidedAt(): Date | null {
    return this.row.decided_at;
  }

  @Field(() => String, { nullable: true, description: '本校不同意的理由' })
  get declineReason(): string | null {
    return this.row.decline_reason;
  }

  @Field(() => Date, { nullable: true, description: '轉入學校完成接收的時間' })
  get completedAt(): Date | null {
    return this.row.completed_at;
  }

  @Field(() => Date, { nullable: true, description: '轉入學校取消的時間' })
  get cancelledAt(): Date | null {
    return this.row.cancelled_at;
  }
}

export const TransferInConnection = ConnectionType(TransferIn, 'TransferIn');
export const TransferOutConnection = ConnectionType(TransferOut, 'TransferOut');

@ObjectType({ description: '以身分證字號與出生日期查詢轉入學生的結果' })
export class TransferLookup {
  @Field(() => [UserError], { description: '輸入的問題或查無此人；空陣列表示查到了' })
  userErrors: UserError[] = [];

  @Field(() => [School], { description: '本市其他學校中有這位學生學籍的學校（目前就讀的排在前面）' })
  originSchools: School[] = [];

  @Field(() => Student, { nullable: true, description: '本校已有的同一位學生（依身分證字號比對）' })
  existingStudent: Student | null = null;
}

@InputType({ description: '轉入時建立新學生所需的資料（同學生名冊匯入）' })
export class TransferNewStudentInput {
  @Field({ description: '學號' })
  studentNumber!: string;

  @Field({ description: '姓名' })
  name!: string;

  @Field(() => ID, { description: '班級（本校本學年的班級）' })
  classId!: string;

  @Field(() => Int, { nullable: true, description: '座號' })
  seatNumber?: number | null;

  @Field(() => Int, { nullable: true, description: '入學年度（民國）；空白時依班級的年級推算' })
  cohort?: number | null;

  @Field(() => String, { nullable: true, description: '性別：M 男、F 女' })
  gender?: string | null;
}

@InputType({ description: '提出轉入申請（轉入學校的註冊組）' })
export class RequestTransferInInput {
  @Field({ description: '學生的身分證字號或居留證號' })
  nationalId!: string;

  @Field({ description: '學生的出生日期（YYYY-MM-DD）' })
  birthDate!: string;

  @Field(() => ID, { nullable: true, description: '本校已有的學生（例如已由學生名冊匯入）；與 newStudent 擇一' })
  studentId?: string | null;

  @Field(() => TransferNewStudentInput, {
    nullable: true,
    description: '本校尚無此學生時，接收時建立；與 studentId 擇一',
  })
  newStudent?: TransferNewStudentInput | null;

  @Field(() => ID, { nullable: true, description: '原就讀學校；只有一所學校符合時可省略' })
  originSchoolId?: string | null;
}

@InputType({ description: '指定一筆轉入申請' })
export class TransferInIdInput {
  @Field(() => ID)
  transferId!: string;
}

@InputType({ description: '同意一筆轉出申請（原校的註冊組）' })
export class ApproveTransferOutInput {
  @Field(() => ID)
  transferId!: string;

  @Field({ nullable: true, description: '學生尚未設為「轉出」時，同時將學籍狀態設為轉出' })
  markTransferred?: boolean;
}

@InputType({ description: '不同意一筆轉出申請（原校的註冊組）' })
export class DeclineTransferOutInput {
  @Field(() => ID)
  transferId!: string;

  @Extensions(MULTILINE)
  @Field({ description: '不同意的理由（最多 200 字），轉入學校會看到' })
  reason!: string;
}

export const TransferInPayload = PayloadType('TransferInPayload', 'transfer', () => TransferIn);
export type TransferInPayload = InstanceType<typeof TransferInPayload>;
export const TransferOutPayload = PayloadType('TransferOutPayload', 'transfer', () => TransferOut);
export type TransferOutPayload = InstanceType<typeof TransferOutPayload>;

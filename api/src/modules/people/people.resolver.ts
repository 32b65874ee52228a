import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth-checker.js';
import { forbidden } from '../../common/errors.js';
import { maskNationalId } from '../../common/national-id.js';
import { ConnectionArgs, ConnectionType, paginate } from '../../common/pagination.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { SchoolClass } from './school-class.entity.js';
import { School } from '../school/school.entity.js';
import { CreateStudentInput, ReadmitStudentInput, UpdateStudentInput } from './dto/student.input.js';
import { Role } from '../../common/roles.js';
import { createStudent, readmitStudent, studentListFilter, updateStudent } from './student.service.js';
import { StudentStatus } from './people.enums.js';
import { mayListStudents, maySeeFullNationalId } from './people.permissions.js';
import { Student } from './student.entity.js';
import { UserAccount } from './user-account.entity.js';
import { recordNationalIdRead } from '../privacy/pii-access.js';

const StudentConnection = ConnectionType(Student, 'Student');

const StudentPayload = PayloadType('StudentPayload', 'student', () => Student);
type StudentPayload = InstanceType<typeof StudentPayload>;

@Resolver(() => Student)
export class StudentResolver {
  @Authorized()
  @Query(() => StudentConnection, {
    description: '學生名單：行政人員與課程諮詢教師看全校，導師只看自己帶的班級；依學號排序',
  })
  async students(
    @Args() args: ConnectionArgs,
    @Arg('classId', () => ID, { nullable: true, description: '只列出這個班級' }) classId: string | null,
    @Arg('studentNumber', () => String, { nullable: true, description: '只列出這個學號的學生（完全相符）' })
    studentNumber: string | null,
    @Arg('search', () => String, { nullable: true, description: '姓名包含或學號開頭為這段文字（最多 30 個字）' })
    search: string | null,
    @Arg('status', () => StudentStatus, { nullable: true, description: '只列出這個學籍狀態' })
    status: StudentStatus | null,
    @Ctx() ctx: AppContext,
  ) {
    const viewer = requireViewer(ctx);
    if (!mayListStudents(viewer)) throw forbidden('查看學生名單');
    const where = studentListFilter(viewer, { classId, studentNumber, search, status });
    return paginate(ctx.em, Student, where, args, 'studentNumber');
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => StudentPayload, { description: '新增學生（註冊組）' })
  async createStudent(@Arg('input') input: CreateStudentInput, @Ctx() ctx: AppContext): Promise<StudentPayload> {
    return payload(new StudentPayload(), 'student', await createStudent(ctx, input), null);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => StudentPayload, { description: '修改學生資料（註冊組）' })
  async updateStudent(@Arg('input') input: UpdateStudentInput, @Ctx() ctx: AppContext): Promise<StudentPayload> {
    return payload(new StudentPayload(), 'student', await updateStudent(ctx, input), null);
  }

  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => StudentPayload, {
    description: '復學：休學學生回到在學，編入本學年度的班級，入學年度隨編入的年級（註冊組）',
  })
  async readmitStudent(@Arg('input') input: ReadmitStudentInput, @Ctx() ctx: AppContext): Promise<StudentPayload> {
    return payload(new StudentPayload(), 'student', await readmitStudent(ctx, input), null);
  }

  @FieldResolver(() => String, {
    description: '身分證字號：註冊組看到完整號碼（每次都記入學生的個資存取紀錄），其他人看到遮罩（A12****789）',
  })
  async nationalId(@Root() student: Student, @Ctx() ctx: AppContext): Promise<string> {
    const plain = ctx.services.pii.decrypt(student.nationalIdEncrypted);
    if (!maySeeFullNationalId(ctx.viewer)) return maskNationalId(plain);
    await recordNationalIdRead(ctx, student.id);
    return plain;
  }

  @FieldResolver(() => Boolean, { description: '目前使用者是否看得到完整身分證字號' })
  viewerCanSeeFullNationalId(@Ctx() ctx: AppContext): boolean {
    return maySeeFullNationalId(ctx.viewer);
  }

  @FieldResolver(() => SchoolClass, { nullable: true, description: '班級' })
  schoolClass(@Root() student: Student, @Ctx() ctx: AppContext): Promise<SchoolClass | null> | null {
    return student.schoolClass ? ctx.loaders.classById.load(student.schoolClass.id) : null;
  }
}

@Resolver(() => UserAccount)
export class UserAccountResolver {
  @FieldResolver(() => School)
  school(@Root() account: UserAccount, @Ctx() ctx: AppContext): Promise<School | null> {
    return ctx.loaders.schoolById.load(account.school.id);
  }
}

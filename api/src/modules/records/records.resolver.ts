import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../common/auth-checker.js';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { ConnectionArgs, ConnectionType, paginate } from '../../common/pagination.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { hasRole } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';
import { mayViewStudent } from '../people/people.permissions.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { Term } from '../term/term.entity.js';
import { RecordCadreInput, RecordCounselingInput, UpdateCounselingInput } from './dto/records.input.js';
import { CadreRecord, CounselingParticipant, CounselingRecord } from './records.entity.js';
import { mayRecordCounseling } from './records.permissions.js';
import { recordCadre, recordCounseling, updateCounseling } from './records.service.js';

const CounselingRecordConnection = ConnectionType(CounselingRecord, 'CounselingRecord');

const CadreRecordPayload = PayloadType('CadreRecordPayload', 'record', () => CadreRecord);
type CadreRecordPayload = InstanceType<typeof CadreRecordPayload>;

const CounselingRecordPayload = PayloadType('CounselingRecordPayload', 'record', () => CounselingRecord);
type CounselingRecordPayload = InstanceType<typeof CounselingRecordPayload>;

@Resolver(() => CounselingRecord)
export class CounselingRecordResolver {
  @Authorized()
  @Query(() => CounselingRecordConnection, {
    description: '課程諮詢紀錄，新的在前：諮詢教師看自己的，行政人員看全校，學生看與自己有關的',
  })
  async counselingRecords(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    const viewer = requireViewer(ctx);
    let where: FilterQuery<CounselingRecord>;
    if (hasRole(viewer, Role.SCHOOL_ADMIN)) where = {};
    else if (hasRole(viewer, Role.COUNSELOR)) where = { counselor: viewer.accountId };
    else if (hasRole(viewer, Role.STUDENT)) {
      const student = await ctx.loaders.studentByAccountId.load(viewer.accountId);
      const mine = student ? await ctx.em.find(CounselingParticipant, { student }) : [];
      where = { id: { $in: mine.map((participant) => participant.record.id) } };
    } else throw forbidden('查看課程諮詢紀錄');
    return paginate(ctx.em, CounselingRecord, where, args, 'heldOn', 'desc');
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '課程諮詢教師' })
  counselor(@Root() record: CounselingRecord, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(record.counselor.id);
  }

  @FieldResolver(() => [Student], { description: '參與的學生（學生本人只看到自己）' })
  async students(@Root() record: CounselingRecord, @Ctx() ctx: AppContext): Promise<Student[]> {
    const participants = await ctx.loaders.participantsByRecord.load(record.id);
    const students = await ctx.loaders.studentById.loadMany(participants.map((p) => p.student.id));
    const visible: Student[] = [];
    for (const student of students) {
      if (student instanceof Student && (hasRole(ctx.viewer, Role.COUNSELOR) || (await mayViewStudent(ctx, student)))) {
        visible.push(student);
      }
    }
    return visible;
  }

  @Authorized(Role.COUNSELOR)
  @Mutation(() => CounselingRecordPayload, { description: '登錄課程諮詢紀錄（課程諮詢教師）' })
  async recordCounseling(
    @Arg('input') input: RecordCounselingInput,
    @Ctx() ctx: AppContext,
  ): Promise<CounselingRecordPayload> {
    return payload(new CounselingRecordPayload(), 'record', await recordCounseling(ctx, input), null);
  }

  @Authorized(Role.COUNSELOR)
  @Mutation(() => CounselingRecordPayload, { description: '修改自己登錄的課程諮詢紀錄（課程諮詢教師）' })
  async updateCounselingRecord(
    @Arg('input') input: UpdateCounselingInput,
    @Ctx() ctx: AppContext,
  ): Promise<CounselingRecordPayload> {
    return payload(new CounselingRecordPayload(), 'record', await updateCounseling(ctx, input), null);
  }

  @FieldResolver(() => Boolean, { description: '目前的帳號可以修改這筆紀錄（登錄它的諮詢教師）' })
  viewerCanEdit(@Root() record: CounselingRecord, @Ctx() ctx: AppContext): boolean {
    return mayRecordCounseling(ctx.viewer) && record.counselor.id === ctx.viewer?.accountId;
  }
}

@Resolver(() => CadreRecord)
export class CadreRecordResolver {
  @Authorized(Role.SCHOOL_ADMIN)
  @Mutation(() => CadreRecordPayload, { description: '登錄校內幹部經歷（訓育組）' })
  async recordCadre(@Arg('input') input: RecordCadreInput, @Ctx() ctx: AppContext): Promise<CadreRecordPayload> {
    return payload(new CadreRecordPayload(), 'record', await recordCadre(ctx, input), null);
  }

  @FieldResolver(() => Term, { description: '學期' })
  async term(@Root() record: CadreRecord, @Ctx() ctx: AppContext): Promise<Term | null> {
    return ctx.loaders.termById.load(record.term.id);
  }
}

@Resolver(() => Student)
export class StudentCadreResolver {
  @FieldResolver(() => [CadreRecord], { description: '校內幹部經歷' })
  async cadreRecords(@Root() student: Student, @Ctx() ctx: AppContext): Promise<CadreRecord[]> {
    if (!(await mayViewStudent(ctx, student))) return [];
    return ctx.loaders.cadresByStudent.load(student.id);
  }
}

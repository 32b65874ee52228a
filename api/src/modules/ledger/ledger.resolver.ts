import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { idOfType } from '../../common/ids.js';
import { Role } from '../../common/roles.js';
import { mayViewStudent } from '../people/people.permissions.js';
import { studentLedger } from './ledger.service.js';
import { StudentLedger } from './ledger.types.js';

@Resolver()
export class LedgerResolver {
  @Authorized(Role.STUDENT)
  @Query(() => StudentLedger, { description: '學生本人的學習歷程履歷：每個上傳項目從上傳到鎖定的流程與待辦' })
  async myLedger(@Ctx() ctx: AppContext): Promise<StudentLedger> {
    const student = ctx.viewer ? await ctx.loaders.studentByAccountId.load(ctx.viewer.accountId) : null;
    if (!student) throw forbidden('查看學習歷程履歷（限學生本人）');
    return studentLedger(ctx, student);
  }

  @Authorized()
  @Query(() => StudentLedger, {
    description: '一位學生的學習歷程履歷（學生本人、全校的處室人員、該班導師；與學生頁相同的權限）',
  })
  async studentLedger(@Arg('studentId', () => ID) studentId: string, @Ctx() ctx: AppContext): Promise<StudentLedger> {
    const id = idOfType(studentId, 'Student');
    // Another school's student is not there at all (row-level security): not found, like an unknown id.
    const student = id ? await ctx.loaders.studentById.load(id) : null;
    if (!student) throw notFound('學生');
    if (!(await mayViewStudent(ctx, student))) throw forbidden('查看這位學生的學習歷程履歷');
    return studentLedger(ctx, student);
  }
}

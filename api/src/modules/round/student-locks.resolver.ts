import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { Role } from '../../common/roles.js';
import { termArgumentOrCurrent } from '../term/term.service.js';
import { finalLocksOfStudent, StudentFinalLock } from './student-locks.js';

@Resolver()
export class StudentLocksResolver {
  @Authorized(Role.STUDENT)
  @Query(() => [StudentFinalLock], {
    description: '學生本人在這個學期（省略：目前學期）已完成最終提交的類別：頁面據此不再提供上傳、更換與勾選',
  })
  async myFinalLocks(
    @Arg('termId', () => ID, { nullable: true }) termId: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<StudentFinalLock[]> {
    const student = ctx.viewer ? await ctx.loaders.studentByAccountId.load(ctx.viewer.accountId) : null;
    const term = await termArgumentOrCurrent(ctx, termId);
    return student && term ? finalLocksOfStudent(ctx.em, student, term) : [];
  }
}

import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { mayViewStudent } from '../people/people.permissions.js';
import { Student } from '../people/student.entity.js';
import { DiversePerformance } from './diverse-performance.entity.js';
import { termArgumentOrCurrent } from '../term/term.service.js';
import { PortfolioProgress } from './portfolio.types.js';

@Resolver(() => Student)
export class StudentPortfolioResolver {
  @FieldResolver(() => [DiversePerformance], { description: '多元表現（預設為目前學年）' })
  async performances(
    @Root() student: Student,
    @Arg('termId', () => ID, { nullable: true, description: '以這個學期所屬的學年為準' }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<DiversePerformance[]> {
    if (!(await mayViewStudent(ctx, student))) return [];
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!term) return [];
    const all = await ctx.loaders.performancesByStudent.load(student.id);
    return all.filter((performance) => performance.academicYear.id === term.academicYear.id);
  }

  @FieldResolver(() => PortfolioProgress, { nullable: true, description: '學習歷程進度（導師、行政人員與學生本人）' })
  async portfolioProgress(
    @Root() student: Student,
    @Arg('termId', () => ID, { nullable: true }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<PortfolioProgress | null> {
    if (!(await mayViewStudent(ctx, student))) return null;
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!term) return null;
    return ctx.loaders.progressByStudent.load({
      studentId: student.id,
      termId: term.id,
      academicYearId: term.academicYear.id,
    });
  }
}

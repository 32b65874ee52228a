import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { findCurrentTerm } from '../term/term.service.js';
import type { AppContext } from '../../common/context.js';
import { ConnectionArgs, ConnectionType, paginate } from '../../common/pagination.js';
import { Role } from '../../common/roles.js';
import { UserAccount } from './user-account.entity.js';
import { AcademicYear } from '../term/term.entity.js';
import { SchoolClass } from './school-class.entity.js';

const SchoolClassConnection = ConnectionType(SchoolClass, 'SchoolClass');

@Resolver(() => SchoolClass)
export class SchoolClassResolver {
  @Authorized(Role.SCHOOL_ADMIN, Role.TEACHER, Role.HOMEROOM_TEACHER, Role.COUNSELOR)
  @Query(() => SchoolClassConnection, { description: '本校班級（教職員）' })
  async classes(
    @Args() args: ConnectionArgs,
    @Arg('academicYear', () => Int, {
      nullable: true,
      description: '只列出這個學年度的班級；未提供時為今天所在的學年度（不在任何學期內時列出全部）',
    })
    academicYear: number | null | undefined,
    @Arg('allYears', () => Boolean, {
      nullable: true,
      description: '列出每個學年度的班級（例如依學號找學生的名單，畢業生在舊學年度的班級）',
    })
    allYears: boolean | null | undefined,
    @Ctx() ctx: AppContext,
  ) {
    if (allYears) return paginate(ctx.em, SchoolClass, {}, args, 'name');
    // After a rollover a school has 101 in two years: pages list this year's unless they ask for another.
    const year =
      academicYear == null
        ? ((await findCurrentTerm(ctx.em, ctx.services.clock))?.academicYear ?? null)
        : await ctx.em.findOne(AcademicYear, { year: academicYear });
    if (academicYear != null && !year) return paginate(ctx.em, SchoolClass, { id: null }, args, 'name');
    return paginate(ctx.em, SchoolClass, year ? { academicYear: year.id } : {}, args, 'name');
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '導師' })
  homeroomTeacher(@Root() schoolClass: SchoolClass, @Ctx() ctx: AppContext): Promise<UserAccount | null> | null {
    return schoolClass.homeroomTeacher ? ctx.loaders.accountById.load(schoolClass.homeroomTeacher.id) : null;
  }

  @FieldResolver(() => AcademicYear)
  academicYear(@Root() schoolClass: SchoolClass, @Ctx() ctx: AppContext): Promise<AcademicYear | null> {
    return ctx.loaders.academicYearById.load(schoolClass.academicYear.id);
  }
}

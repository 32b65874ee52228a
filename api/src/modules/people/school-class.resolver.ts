import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
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
  classes(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    return paginate(ctx.em, SchoolClass, {}, args, 'name');
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

import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { requireViewer } from '../../common/auth-checker.js';
import { ConnectionArgs, ConnectionType, paginate } from '../../common/pagination.js';
import { Authority } from '../authority/authority.entity.js';
import { School } from './school.entity.js';

const SchoolConnection = ConnectionType(School, 'School');

@Resolver(() => School)
export class SchoolResolver {
  @Authorized()
  @Query(() => SchoolConnection, { description: '學校名錄：教育局看到所轄學校，學校使用者只看到自己的學校' })
  schools(@Args() args: ConnectionArgs, @Ctx() ctx: AppContext) {
    const viewer = requireViewer(ctx);
    const where = viewer.schoolId ? { id: viewer.schoolId } : { authority: viewer.authorityId };
    return paginate(ctx.em, School, where, args, 'code');
  }

  @FieldResolver(() => Authority, { description: '所屬教育局' })
  authority(@Root() school: School, @Ctx() ctx: AppContext): Promise<Authority | null> {
    return ctx.loaders.authorityById.load(school.authority.id);
  }
}

import { Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { Role } from '../../common/roles.js';
import { UserAccount } from '../people/user-account.entity.js';
import { CertificationProxy } from './course-outcome.entity.js';
import { mayAssignCertificationProxies } from './portfolio.permissions.js';

@Resolver(() => CertificationProxy)
export class CertificationProxyResolver {
  @Authorized()
  @Query(() => [CertificationProxy], { description: '本校的認證代理（教學組）' })
  certificationProxies(@Ctx() ctx: AppContext): Promise<CertificationProxy[]> {
    if (!mayAssignCertificationProxies(ctx.viewer)) throw forbidden('查看認證代理人（限教學組）');
    return ctx.em.find(CertificationProxy, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @Authorized()
  @Query(() => [UserAccount], { description: '本校的任課教師，依姓名（教學組指定代理人時挑選）' })
  async schoolTeachers(@Ctx() ctx: AppContext): Promise<UserAccount[]> {
    if (!mayAssignCertificationProxies(ctx.viewer)) throw forbidden('查看教師名單（限教學組）');
    const accounts = await ctx.em.find(UserAccount, { active: true }, { orderBy: { displayName: 'asc', id: 'asc' } });
    return accounts.filter((account) => account.roles.includes(Role.TEACHER));
  }

  @FieldResolver(() => ID)
  id(@Root() entry: CertificationProxy): string {
    return entry.id;
  }

  @FieldResolver(() => UserAccount, { description: '任課教師' })
  teacher(@Root() entry: CertificationProxy, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(entry.teacher.id);
  }

  @FieldResolver(() => UserAccount, { description: '代理人' })
  proxy(@Root() entry: CertificationProxy, @Ctx() ctx: AppContext): Promise<UserAccount | null> {
    return ctx.loaders.accountById.load(entry.proxy.id);
  }
}

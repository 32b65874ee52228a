import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { AuditLogEntry } from '../audit/audit-log.entity.js';
import { UserAccount } from './user-account.entity.js';

/** Accounts resolve the log's actor: the audit log sits below every module that writes to it, accounts included. */
@Resolver(() => AuditLogEntry)
export class AuditActorResolver {
  @FieldResolver(() => UserAccount, { nullable: true, description: '操作的帳號' })
  actor(@Root() entry: AuditLogEntry, @Ctx() ctx: AppContext): Promise<UserAccount | null> | null {
    return entry.actorAccountId ? ctx.loaders.accountById.load(entry.actorAccountId) : null;
  }
}

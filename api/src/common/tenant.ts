import { Filter } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

export const TENANT_FILTER = 'tenant';

interface TenantFilterArgs {
  schoolId: string | null;
}

/**
 * Layer two of tenancy: every school-owned entity is filtered on school_id by default. The request context sets
 * the school from the verified session; with no school (a bureau user, an anonymous request) nothing matches.
 */
export const TenantFilter = (): ClassDecorator =>
  Filter({
    name: TENANT_FILTER,
    default: true,
    cond: (args: TenantFilterArgs) => ({ school: args.schoolId }),
  });

export interface TenantScope {
  schoolId: string | null;
  authorityId: string | null;
}

export const NO_TENANT: TenantScope = { schoolId: null, authorityId: null };

/**
 * Points layers two and three at one tenant: the ORM filter, and PostgreSQL's transaction-local settings that the
 * row-level security policies read. Must run inside the transaction it is meant for.
 */
export async function applyTenantScope(em: EntityManager, scope: TenantScope): Promise<void> {
  await em.execute("select set_config('app.school_id', ?, true), set_config('app.authority_id', ?, true)", [
    scope.schoolId ?? '',
    scope.authorityId ?? '',
  ]);
  em.setFilterParams(TENANT_FILTER, { schoolId: scope.schoolId } satisfies TenantFilterArgs);
}

/** Runs fn in its own transaction scoped to one tenant: for work outside an HTTP request (subscription events, jobs, seeding). */
export async function inTenantTransaction<T>(
  em: EntityManager,
  scope: TenantScope,
  fn: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return em.fork().transactional(async (tx) => {
    await applyTenantScope(tx, scope);
    return fn(tx);
  });
}

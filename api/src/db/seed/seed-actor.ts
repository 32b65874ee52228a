import { IsolationLevel } from '@mikro-orm/core';
import { ManualClock } from '../../common/clock.js';
import { type AppContext, type AppServices, contextWith } from '../../common/context.js';
import type { AdminSection, Role } from '../../common/roles.js';
import { applyTenantScope } from '../../common/tenant.js';
import type { Result } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import { findCurrentTerm } from '../../modules/term/term.service.js';
import { WindowPolicy } from '../../modules/timeline/window-policy.service.js';

/** A person of a demo school, as the services see them once signed in. */
export interface SeedPerson {
  accountId: string;
  credentialId: string;
  username: string;
  displayName: string;
  roles: Role[];
  adminSections: AdminSection[];
}

export interface SeedActor {
  person: SeedPerson;
  schoolId: string;
  authorityId: string;
}

/** Hands out the context at a moment: the services' clock reads that moment until the next call. */
export type AtMoment = (moment: Date) => AppContext;

let requests = 0;

/**
 * Runs `act` as this person, the way a request of theirs runs: one transaction as the request login (row-level
 * security, triggers and audit apply) scoped to their school, with the services' window policy, loaders and every
 * `clock.now()` reading the moment `act` names. So the demo's history goes through the same rules as the platform's,
 * each step inside the window it needed at the time it is dated. Unlike a request, the viewer comes from the seed
 * rather than a session, so no session rows are left behind. The reference central repository answers the seed's
 * packages whatever gateway is configured: the demo's earlier round shows the receipts a central database sent.
 */
export async function actAs<T>(
  services: AppServices,
  actor: SeedActor,
  act: (at: AtMoment) => Promise<T>,
  options: { snapshot?: boolean } = {},
): Promise<T> {
  requests += 1;
  const base = await services.createContext({
    transport: 'http',
    requestId: `demo-seed-${requests}`,
    sessionToken: null,
    ip: '127.0.0.1',
    userAgent: 'demo seed',
    cookies: null,
  });
  const clock = new ManualClock(new Date(0));
  const { person } = actor;
  const viewer: Viewer = {
    sessionId: 'demo-seed',
    credentialId: person.credentialId,
    kind: 'SCHOOL',
    accountId: person.accountId,
    schoolId: actor.schoolId,
    authorityId: actor.authorityId,
    username: person.username,
    displayName: person.displayName,
    roles: person.roles,
    adminSections: person.adminSections,
    sessionExpiresAt: new Date(8_640_000_000_000_000),
    signInProvider: null,
    // The seed's rows are read afresh: no cached reference rows are used without a version.
    schoolReferenceVersion: null,
    restriction: null,
  };
  const ctx: AppContext = contextWith(base, {
    viewer,
    services: {
      ...services,
      clock,
      windows: new WindowPolicy(clock),
      config: { ...services.config, centralGateway: 'reference' },
    },
    // The only loader that reads the clock: built by the context factory with the process's clock, so it is
    // replaced by one that reads the seed's (and is not cached, as the moment moves within one transaction).
    // The context's loaders are built on first use (getters on their prototype), so they are inherited, not copied.
    loaders: Object.create(base.loaders, {
      currentTerm: { value: () => findCurrentTerm(base.em, clock) },
    }) as typeof base.loaders,
  });
  await ctx.em.begin(options.snapshot ? { isolationLevel: IsolationLevel.REPEATABLE_READ } : undefined);
  try {
    await applyTenantScope(ctx.em, { schoolId: actor.schoolId, authorityId: actor.authorityId });
    const result = await act((moment) => {
      clock.set(moment);
      return ctx;
    });
    await ctx.em.commit();
    return result;
  } catch (error) {
    await ctx.em.rollback();
    throw error;
  }
}

/** The value of a service's result; a refusal of the seed's own step is a bug in the seed, so it stops the start. */
export function must<T>(result: Result<T>, step: string): T {
  if (result.value === null) throw new Error(`demo ${step} refused: ${JSON.stringify(result.userErrors)}`);
  return result.value;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from './common/clock.js';
import type { AppContext, AppServices, Loaders, TransportInfo } from './common/context.js';
import { authorityLoaders } from './modules/authority/authority.loaders.js';
import { courseLoaders } from './modules/course/course.loaders.js';
import { filesLoaders } from './modules/files/files.loaders.js';
import { peopleLoaders } from './modules/people/people.loaders.js';
import { portfolioLoaders } from './modules/portfolio/portfolio.loaders.js';
import { roundLoaders } from './modules/round/round.loaders.js';
import { recordsLoaders } from './modules/records/records.loaders.js';
import { schoolLoaders } from './modules/school/school.loaders.js';
import { TENANT_FILTER } from './common/tenant.js';
import { termLoaders } from './modules/term/term.loaders.js';
import { timelineLoaders } from './modules/timeline/timeline.loaders.js';

/** Every module's loaders for one request; the `Loaders` type checks that none is left out. */
function createLoaders(em: EntityManager, clock: Clock): Loaders {
  return {
    ...authorityLoaders(em),
    ...schoolLoaders(em),
    ...termLoaders(em, clock),
    ...peopleLoaders(em),
    ...courseLoaders(em),
    ...filesLoaders(em),
    ...portfolioLoaders(em),
    ...recordsLoaders(em),
    ...timelineLoaders(em),
    ...roundLoaders(em),
  };
}

/** The one context factory, for HTTP requests, plain routes and WebSocket operations alike. */
export async function createContext(services: AppServices, info: TransportInfo): Promise<AppContext> {
  const em = services.orm.em.fork();
  const viewer = await services.auth.resolveSession(em, info.sessionToken);
  em.setFilterParams(TENANT_FILTER, { schoolId: viewer?.schoolId ?? null });
  return {
    requestId: info.requestId,
    transport: info.transport,
    viewer,
    sessionToken: viewer ? info.sessionToken : null,
    ip: info.ip,
    userAgent: info.userAgent,
    cookies: info.cookies,
    em,
    loaders: createLoaders(em, services.clock),
    services,
  };
}

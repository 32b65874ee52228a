import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from './common/clock.js';
import type { AppContext, AppServices, Loaders, TransportInfo } from './common/context.js';
import type { Viewer } from './common/viewer.js';
import { authorityLoaders } from './modules/authority/authority.loaders.js';
import { courseLoaders } from './modules/course/course.loaders.js';
import { filesLoaders } from './modules/files/files.loaders.js';
import { peopleLoaders } from './modules/people/people.loaders.js';
import { portfolioLoaders } from './modules/portfolio/portfolio.loaders.js';
import { roundLoaders } from './modules/round/round.loaders.js';
import { recordsLoaders } from './modules/records/records.loaders.js';
import { schoolLoaders } from './modules/school/school.loaders.js';
import type { SchoolReference } from './modules/school/school-reference.js';
import { TENANT_FILTER } from './common/tenant.js';
import { termLoaders } from './modules/term/term.loaders.js';
import { timelineLoaders } from './modules/timeline/timeline.loaders.js';

interface LoaderInputs {
  em: EntityManager;
  clock: Clock;
  reference: SchoolReference | null;
}

/** Every module's loaders (the check below keeps the list whole). */
const MODULE_LOADERS = [
  ({ em }: LoaderInputs) => authorityLoaders(em),
  ({ em, reference }: LoaderInputs) => schoolLoaders(em, reference),
  ({ em, clock, reference }: LoaderInputs) => termLoaders(em, clock, reference),
  ({ em }: LoaderInputs) => peopleLoaders(em),
  ({ em }: LoaderInputs) => courseLoaders(em),
  ({ em }: LoaderInputs) => filesLoaders(em),
  ({ em }: LoaderInputs) => portfolioLoaders(em),
  ({ em }: LoaderInputs) => recordsLoaders(em),
  ({ em }: LoaderInputs) => timelineLoaders(em),
  ({ em }: LoaderInputs) => roundLoaders(em),
] as const;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type MadeLoaders = Intersection<ReturnType<(typeof MODULE_LOADERS)[number]>>;
// Fails to compile when a module's `Loaders` augmentation has no factory in MODULE_LOADERS.
const everyLoaderMade = (made: MadeLoaders): Loaders => made;

interface LazyLoaders {
  inputs: LoaderInputs;
  made: (Record<string, unknown> | undefined)[];
}

/**
 * A request builds only the loaders it reads (most read two or three modules'; a subscription keeps its context
 * for hours). The getters live on one prototype per process, learnt from the first request, which builds them all.
 */
let lazyPrototype: object | null = null;

function createLoaders(inputs: LoaderInputs): Loaders {
  if (!lazyPrototype) {
    const made = MODULE_LOADERS.map((make) => make(inputs) as Record<string, unknown>);
    const prototype = {};
    made.forEach((loaders, index) => {
      for (const key of Object.keys(loaders)) {
        Object.defineProperty(prototype, key, {
          enumerable: true,
          get(this: LazyLoaders) {
            this.made[index] ??= MODULE_LOADERS[index]!(this.inputs) as Record<string, unknown>;
            return this.made[index][key];
          },
        });
      }
    });
    lazyPrototype = prototype;
    return everyLoaderMade(Object.assign({}, ...made) as MadeLoaders);
  }
  const loaders: LazyLoaders = Object.create(lazyPrototype) as LazyLoaders;
  loaders.inputs = inputs;
  loaders.made = [];
  return loaders as unknown as Loaders;
}

/**
 * A request's or subscription's context. Its EntityManager and loaders are made only if something reads them: a
 * request that reads no data (`{ __typename }`) makes neither, and a subscription keeps its context for hours (ten
 * thousand on an instance) while the deadline alerts' events read nothing through it. The getters live on the
 * prototype, which Apollo's per-operation copy of the context keeps (`Object.create(prototype)`), so copying does not
 * make them; a context with members replaced is made with `contextWith` (common/context.ts), never by spreading.
 */
class RequestContext implements AppContext {
  readonly transport: AppContext['transport'];
  readonly requestId: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly cookies: AppContext['cookies'];
  /**
   * One object, which a context made by contextWith reads through to: its loaders are this context's, on this
   * context's EntityManager, as a spread of a context with its members made would have copied them.
   */
  private readonly made: { em: EntityManager | null; loaders: Loaders | null } = { em: null, loaders: null };

  constructor(
    readonly services: AppServices,
    public viewer: Viewer | null,
    public sessionToken: string | null,
    info: TransportInfo,
    private readonly reference: SchoolReference | null,
  ) {
    this.transport = info.transport;
    this.requestId = info.requestId;
    this.ip = info.ip;
    this.userAgent = info.userAgent;
    this.cookies = info.cookies;
  }

  get em(): EntityManager {
    return this.ownEm();
  }

  get loaders(): Loaders {
    return (this.made.loaders ??= createLoaders({
      em: this.ownEm(),
      clock: this.services.clock,
      reference: this.reference,
    }));
  }

  private ownEm(): EntityManager {
    if (!this.made.em) {
      this.made.em = this.services.orm.em.fork();
      this.made.em.setFilterParams(TENANT_FILTER, { schoolId: this.viewer?.schoolId ?? null });
    }
    return this.made.em;
  }
}

/** The one context factory, for HTTP requests, plain routes and WebSocket operations alike. */
export async function createContext(services: AppServices, info: TransportInfo): Promise<AppContext> {
  if (info.admittedViewer) return new RequestContext(services, info.admittedViewer, info.sessionToken, info, null);
  const viewer = await services.auth.lookUpSession(info.sessionToken);
  const reference = await services.schoolReference.forViewer(() => services.orm.em.fork(), viewer);
  return new RequestContext(services, viewer, viewer ? info.sessionToken : null, info, reference);
}

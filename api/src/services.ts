import type { AppServices } from './common/context.js';
import type { StatementPool } from './common/sql.js';
import { createContext } from './context.js';
import { AlertHub } from './modules/alerts/alert-hub.js';
import { AuthService } from './modules/auth/auth.service.js';
import { SocketSessions } from './modules/auth/socket-sessions.js';
import { SingleSignOn } from './modules/auth/sso.service.js';
import { createFileStorage } from './modules/files/create-file-storage.js';
import { SchoolReferenceCache } from './modules/school/school-reference.js';
import { WindowPolicy } from './modules/timeline/window-policy.service.js';

/** What start-up has made before the modules' services: configuration, clock, log, PII cipher and the ORM. */
export type BaseServices = Pick<AppServices, 'config' | 'clock' | 'log' | 'pii' | 'orm'>;

/** Creates each module's process-wide service once; `AppServices` checks that every one a module declares is here. */
export function createServices(base: BaseServices, statements: StatementPool): AppServices {
  const auth = new AuthService(
    base.clock,
    base.config.login,
    base.config.sessionTtlHours,
    statements,
    base.config.accounts,
    new Set(base.config.sso.providers.map((provider) => provider.id)),
    base.config.sessionCacheSeconds,
  );
  const sockets = new SocketSessions(base.orm, auth, base.clock, base.log, base.config.websocket);
  const services: AppServices = {
    ...base,
    auth,
    windows: new WindowPolicy(base.clock),
    alerts: new AlertHub(
      base.orm,
      base.log,
      base.clock,
      (credentialId) => sockets.closeRevoked(credentialId),
      auth.sessionFacts,
    ),
    sockets,
    sso: new SingleSignOn(base.config.sso, base.clock, base.log, base.pii, auth, base.config.accounts),
    files: createFileStorage(base.config.files),
    schoolReference: new SchoolReferenceCache(),
    createContext: (info) => createContext(services, info),
  };
  return services;
}

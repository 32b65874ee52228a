import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import type { Clock } from './common/clock.js';
import type { Logger } from './common/logger.js';
import type { PiiCipher } from './common/pii-crypto.js';
import type { StatementPool } from './db/statement-pool.js';
import { AlertHub } from './modules/alerts/alert-hub.js';
import { AuthService } from './modules/auth/auth.service.js';
import { SocketSessions } from './modules/auth/socket-sessions.js';
import { createFileStorage } from './modules/files/create-file-storage.js';
import type { FileStorage } from './modules/files/file-storage.js';
import { WindowPolicy } from './modules/timeline/window-policy.service.js';

/** Process-wide collaborators, created once at start and reached by resolvers through the context. */
export interface AppServices {
  config: AppConfig;
  clock: Clock;
  log: Logger;
  pii: PiiCipher;
  /** Connections that run as portfolio_app: every request goes through these. */
  orm: MikroORM;
  auth: AuthService;
  /** The one window policy every guarded mutation asks. */
  windows: WindowPolicy;
  /** Deadline alerts reaching this instance's subscribers. */
  alerts: AlertHub;
  /** The signed-in WebSockets of this instance, capped per session across instances. */
  sockets: SocketSessions;
  /** Where uploaded file contents are kept. */
  files: FileStorage;
}

export function createServices(
  deps: Omit<AppServices, 'auth' | 'windows' | 'alerts' | 'sockets' | 'files'>,
  statements: StatementPool,
): AppServices {
  const auth = new AuthService(deps.clock, deps.config.login, deps.config.sessionTtlHours, statements);
  const sockets = new SocketSessions(deps.orm, auth, deps.clock, deps.log, deps.config.websocket);
  return {
    ...deps,
    auth,
    windows: new WindowPolicy(deps.clock),
    alerts: new AlertHub(deps.orm, deps.log, deps.clock, (credentialId) => sockets.closeRevoked(credentialId)),
    sockets,
    files: createFileStorage(deps.config.files),
  };
}

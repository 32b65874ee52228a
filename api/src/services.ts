import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import type { Clock } from './common/clock.js';
import type { Logger } from './common/logger.js';
import type { PiiCipher } from './common/pii-crypto.js';
import { AuthService } from './modules/auth/auth.service.js';

/** Process-wide collaborators, created once at start and reached by resolvers through the context. */
export interface AppServices {
  config: AppConfig;
  clock: Clock;
  log: Logger;
  pii: PiiCipher;
  /** Connections that run as portfolio_app: every request goes through these. */
  orm: MikroORM;
  auth: AuthService;
}

export function createServices(deps: Omit<AppServices, 'auth'>): AppServices {
  return {
    ...deps,
    auth: new AuthService(deps.clock, deps.config.login, deps.config.sessionTtlHours),
  };
}

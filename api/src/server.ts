import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Clock } from './common/clock.js';
import { createContext, type AppContext, type SessionCookies } from './common/context.js';
import { sessionTokenOf } from './common/http-session.js';
import { bodyErrors, securityHeaders } from './common/http-security.js';
import { SESSION_COOKIE } from './modules/auth/auth.service.js';
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable, formatError, loggableError } from './common/errors.js';
import { MAX_DOCUMENT_TOKENS } from './common/query-limits.js';
import { currentRequestId, requestIdMiddleware } from './common/request-id.js';
import { requestTransactionPlugin } from './common/request-transaction.plugin.js';
import { receiveUpload, UPLOAD_PATH } from './modules/files/upload.service.js';
import { sendImportTemplate, TEMPLATE_PATH } from './modules/imports/template.route.js';
import { FILE_PATH, serveFile } from './modules/portfolio/file.route.js';
import { servePackage, SUBMISSION_PATH } from './modules/submission/submission.route.js';
import { PRECHECK_PATH, servePrecheckRoster } from './modules/precheck/precheck.route.js';
import { CLASS_PATH, serveConfirmationSheet } from './modules/confirmation/confirmation-sheet.route.js';
import { serveStatisticsExport, STATISTICS_EXPORT_PATH } from './modules/statistics/statistics.route.js';
import { buildAppSchema } from './schema.js';
import type { AppServices } from './services.js';
import { startSubscriptionServer, VALIDATION_RULES } from './ws-server.js';

export const GRAPHQL_PATH = '/graphql';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

/**
 * The session cookie as the login and logout mutations ask for it, sent only once the request's transaction has
 * committed: a session rolled back with the rest of the request must never reach the browser.
 */
function sessionCookies(res: Response, secure: boolean, clock: Clock): SessionCookies {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  let pending: (() => void) | null = null;
  return {
    // Max-Age rather than Expires: a school PC with a wrong clock would otherwise drop the cookie at once.
    set: (token, expiresAt) => {
      pending = () =>
        res.cookie(SESSION_COOKIE, token, {
          ...base,
          maxAge: Math.max(0, expiresAt.getTime() - clock.now().getTime()),
        });
    },
    clear: () => {
      pending = () => res.clearCookie(SESSION_COOKIE, base);
    },
    committed: () => {
      pending?.();
      pending = null;
    },
  };
}

const READINESS_TIMEOUT_MS = 2000;

/** Why the database cannot serve a request now ('unreachable', 'timeout'), or null when it answers within 2 s. */
async function databaseProblem(services: AppServices): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READINESS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      services.orm.em
        .fork()
        .getConnection()
        .execute('select 1')
        // Whatever the driver says stays inside: the address of the database is nobody else's business.
        .then(
          () => null,
          () => 'unreachable',
        ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startServer(services: AppServices, schema?: GraphQLSchema): Promise<RunningServer> {
  const { config, log } = services;
  const appSchema = schema ?? (await buildAppSchema());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  const httpServer = createServer(app);
  const subscriptions = startSubscriptionServer(services, appSchema, httpServer, GRAPHQL_PATH);
  const production = config.nodeEnv === 'production';

  const apollo = new ApolloServer<AppContext>({
    schema: appSchema,
    introspection: config.introspection,
    csrfPrevention: true,
    // main.ts owns shutdown (server, then jobs and connections, then the database); Apollo must not race it.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // Far beyond any client document (the largest has about a hundred tokens): the parser stops instead of building on.
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    validationRules: VALIDATION_RULES,
    // No "Did you mean …?" in validation errors: with introspection off, they would describe the schema anyway.
    hideSchemaDetailsFromClientErrors: production,
    formatError: (formatted, error) =>
      formatError(formatted, error, (entry) => log.error('graphql error', { ...entry }), currentRequestId(), {
        hideSchema: production,
      }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestTransactionPlugin(config),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await subscriptions.dispose();
            },
          };
        },
      },
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(
    GRAPHQL_PATH,
    requestIdMiddleware,
    express.json({ limit: '1mb' }),
    bodyErrors,
    expressMiddleware(apollo, {
      context: async ({ req, res }: { req: Request; res: Response }) =>
        createContext(services, {
          transport: 'http',
          requestId: currentRequestId(),
          sessionToken: sessionTokenOf(req.headers),
          ip: req.ip ?? '',
          userAgent: req.headers['user-agent'] ?? '',
          cookies: sessionCookies(res, config.cookieSecure, services.clock),
        }),
    }),
  );

  // File bytes never travel through GraphQL. A cross-site page cannot PUT here: the method needs a CORS preflight.
  app.put(`${UPLOAD_PATH}/:id`, requestIdMiddleware, (req, res) => receiveUpload(services, req, res));

  app.get(`${TEMPLATE_PATH}/:file`, sendImportTemplate);
  app.get(`${STATISTICS_EXPORT_PATH}/:file`, requestIdMiddleware, (req, res) =>
    serveStatisticsExport(services, req, res),
  );
  app.get(`${FILE_PATH}/:id`, requestIdMiddleware, (req, res) => serveFile(services, req, res));
  app.get(`${SUBMISSION_PATH}/:id/package.zip`, requestIdMiddleware, (req, res) => servePackage(services, req, res));
  app.get(`${CLASS_PATH}/:id/confirmation-sheet.:format`, requestIdMiddleware, (req, res) =>
    serveConfirmationSheet(services, req, res),
  );
  app.get(`${PRECHECK_PATH}/:id/roster.xlsx`, requestIdMiddleware, (req, res) =>
    servePrecheckRoster(services, req, res),
  );

  // Liveness: the process answers. Readiness: it can also reach its database, so a load balancer (or an operator)
  // sends it nothing while PostgreSQL is down or restarting.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const problem = await databaseProblem(services);
    res.setHeader('Cache-Control', 'no-store');
    if (problem) res.status(503).json({ ok: false, database: problem });
    else res.json({ ok: true });
  });

  const indexHtml = path.join(config.clientDistDir, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(config.clientDistDir, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('前端尚未建置：請執行 npm run build（npm start 會自動建置），或用 npm run dev 開發。');
    });
  }

  // What the routes outside GraphQL did not answer themselves: a Chinese message with the request id, no stack trace.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const requestId = currentRequestId();
    log.error('http route error', { requestId, ...loggableError(error) });
    if (res.headersSent) {
      next(error);
      return;
    }
    if (databaseUnavailable(error)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(`${DATABASE_UNAVAILABLE_MESSAGE}（錯誤編號 ${requestId}）`);
      return;
    }
    res
      .status(500)
      .type('text/plain; charset=utf-8')
      .send(`系統發生錯誤，請稍後再試。若持續發生，請將錯誤編號 ${requestId} 告知學校資訊組。`);
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    httpServer,
    close: async () => {
      await apollo.stop();
    },
  };
}

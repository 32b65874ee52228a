import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { GraphQLSchema } from 'graphql';
import type { AppContext, AppServices } from './common/context.js';
import { sessionCookies, sessionTokenOf } from './common/http-session.js';
import { HttpDrain } from './common/http-drain.js';
import { bodyErrors, securityHeaders } from './common/http-security.js';
import { AppMetrics, metricsEndpoint } from './common/metrics.js';
import { graphqlObserver, labelRoute, observeRequests } from './common/request-observer.js';
import { DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable, formatError, loggableError } from './common/errors.js';
import { MAX_DOCUMENT_TOKENS } from './common/query-limits.js';
import { currentRequestId, requestIdMiddleware } from './common/request-id.js';
import { requestTransactionPlugin } from './common/request-transaction.plugin.js';
import { queuedRequests, WorkQueue } from './common/work-queue.js';
import { receiveUpload, UPLOAD_PATH } from './modules/files/upload.service.js';
import { finishSso, SSO_PATH, startSso } from './modules/auth/sso.route.js';
import { requestPoolStats } from './modules/ops/metric-sources.js';
import { sendImportTemplate, TEMPLATE_PATH } from './modules/imports/template.route.js';
import { FILE_PATH, serveFile } from './modules/portfolio/file.route.js';
import { servePackage, SUBMISSION_PATH } from './modules/round/submission/submission.route.js';
import { PRECHECK_PATH, servePrecheckRoster } from './modules/round/precheck/precheck.route.js';
import {
  CLASS_PATH,
  serveConfirmationSheet,
  serveStudentConfirmation,
  STUDENT_PATH,
} from './modules/round/confirmation/confirmation-sheet.route.js';
import { serveStatisticsExport, STATISTICS_EXPORT_PATH } from './modules/statistics/statistics.route.js';
import {
  EXCHANGE_EXPORT_PATH,
  EXCHANGED_FILE_PATH,
  PORTFOLIO_ZIP_FILE,
  serveExchangedFile,
  serveExchangeExport,
  servePortfolioZip,
} from './modules/exchange/exchange.routes.js';
import { buildAppSchema } from './schema.js';
import { pendingMigrations } from './db/schema-status.js';
import { SERVICE_RESTART_CLOSE_CODE, startSubscriptionServer, VALIDATION_RULES } from './ws-server.js';

export const GRAPHQL_PATH = '/graphql';

export interface ServerOptions {
  /** The job queue's lag for /metrics; main.ts reads it through the owner's connections (see modules/ops). */
  jobQueueLag?: () => Promise<number | null>;
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  /**
   * Stops in order: readiness answers 503 and the listener closes at once; running requests get up to
   * SHUTDOWN_GRACE_SECONDS to finish while every WebSocket is closed with 1012 (its client reconnects elsewhere and
   * subscribes again); then Apollo stops. Calling it again waits for the same stop.
   */
  close(): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2000;
const SOCKET_CLOSE_WAIT_MS = 5000;

type ReadinessProblem = { database: 'unreachable' | 'timeout' } | { migrationsPending: string[] };

/**
 * The built client: each file as the brotli or gzip copy the build made when the browser takes one. Vite names what
 * it puts under assets/ by its content, so those never change and are cached for a year; the page that names them is
 * revalidated every time, anything else kept for an hour.
 */
function clientAssets(root: string) {
  return expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      maxAge: '1h',
      setHeaders: (res, filePath) => {
        // The brotli or gzip copy of a file is the file, as far as caching goes.
        const file = path.relative(root, filePath).replace(/\.(br|gz)$/, '');
        if (file.startsWith(`assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        // The page names the assets of one build: it must never outlive a deploy.
        else if (file === 'index.html') res.setHeader('Cache-Control', 'no-cache');
      },
    },
  });
}

/**
 * Why this instance cannot serve requests now: its database does not answer within 2 s, or the schema lacks a
 * migration this build knows (a newer schema is fine). Null when it is ready.
 */
async function readinessProblem(services: AppServices): Promise<ReadinessProblem | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadinessProblem>((resolve) => {
    timer = setTimeout(() => resolve({ database: 'timeout' }), READINESS_TIMEOUT_MS);
  });
  const connection = services.orm.em.fork().getConnection();
  try {
    return await Promise.race([
      pendingMigrations((sql, params) => connection.execute(sql, params))
        // Whatever the driver says stays inside: the address of the database is nobody else's business.
        .then(
          (pending): ReadinessProblem | null => (pending.length > 0 ? { migrationsPending: pending } : null),
          (): ReadinessProblem => ({ database: 'unreachable' }),
        ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startServer(
  services: AppServices,
  schema?: GraphQLSchema,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const { config, log } = services;
  // A provider that answers as another issuer is a configuration error, found before anyone is let in.
  await services.sso.prepare();
  const appSchema = schema ?? (await buildAppSchema());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = createServer(app);
  const drain = new HttpDrain(httpServer);
  // Filled in below: the gauge reads the subscription server, which counts its events into these metrics.
  let openWebSockets = () => 0;
  const metrics = new AppMetrics({
    openWebSockets: () => openWebSockets(),
    activeSubscriptions: () => services.alerts.subscriberCount,
    requestPool: requestPoolStats(services.orm),
    jobQueueLag: options.jobQueueLag,
  });
  const subscriptions = startSubscriptionServer(services, appSchema, httpServer, GRAPHQL_PATH, metrics);
  openWebSockets = subscriptions.openSockets;
  const production = config.nodeEnv === 'production';
  app.use(requestIdMiddleware, observeRequests(metrics, log), drain.track, securityHeaders());

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
    // No drain plugin: close() below drains the HTTP server and the sockets before Apollo stops.
    plugins: [
      graphqlObserver(metrics),
      requestTransactionPlugin(config, () => services.alerts.settled()),
      // No cache hints are given (every answer is one viewer's), and the default plugin's per-field hook ran for each
      // of a page's thousands of fields.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  // One queue for GraphQL requests and upload PUTs (see config.requestConcurrency); downloads, health and metrics
  // do not wait in it.
  const inTurn = queuedRequests(new WorkQueue('requests', config.requestConcurrency, config.requestQueueMax), {
    retryAfterSeconds: 5,
    body: () => ({ code: 'SERVER_BUSY', message: '系統忙碌中，請過幾秒再試一次。', requestId: currentRequestId() }),
  });

  app.use(
    GRAPHQL_PATH,
    labelRoute(
      GRAPHQL_PATH,
      inTurn,
      express.json({ limit: '1mb' }),
      bodyErrors,
      expressMiddleware(apollo, {
        context: async ({ req, res }: { req: Request; res: Response }) =>
          services.createContext({
            transport: 'http',
            requestId: currentRequestId(),
            sessionToken: sessionTokenOf(req.headers),
            ip: req.ip ?? '',
            userAgent: req.headers['user-agent'] ?? '',
            cookies: sessionCookies(res, config.cookieSecure, services.clock),
          }),
      }),
    ),
  );

  // File bytes never travel through GraphQL. A cross-site page cannot PUT here: the method needs a CORS preflight.
  app.put(`${UPLOAD_PATH}/:id`, inTurn, (req, res) => receiveUpload(services, req, res));

  app.get(`${SSO_PATH}/:provider/start`, (req, res) => startSso(services, req, res));
  app.get(`${SSO_PATH}/:provider/callback`, (req, res) => finishSso(services, req, res));
  app.get(`${TEMPLATE_PATH}/:file`, sendImportTemplate);
  app.get(`${STATISTICS_EXPORT_PATH}/:file`, (req, res) => serveStatisticsExport(services, req, res));
  app.get(`${FILE_PATH}/:id`, (req, res) => serveFile(services, req, res));
  app.get(`${SUBMISSION_PATH}/:id/package.zip`, (req, res) => servePackage(services, req, res));
  app.get(`${CLASS_PATH}/:id/confirmation-sheet.:format`, (req, res) => serveConfirmationSheet(services, req, res));
  app.get(`${STUDENT_PATH}/:id/confirmation.pdf`, (req, res) => serveStudentConfirmation(services, req, res));
  app.get(`${STUDENT_PATH}/:id/${PORTFOLIO_ZIP_FILE}`, (req, res) => servePortfolioZip(services, req, res));
  app.get(`${EXCHANGE_EXPORT_PATH}/:id/exchange.zip`, (req, res) => serveExchangeExport(services, req, res));
  app.get(`${EXCHANGED_FILE_PATH}/:id`, (req, res) => serveExchangedFile(services, req, res));
  app.get(`${PRECHECK_PATH}/:id/roster.xlsx`, (req, res) => servePrecheckRoster(services, req, res));

  // Liveness: the process answers. Readiness: it can also reach its database, so a load balancer (or an operator)
  // sends it nothing while PostgreSQL is down or restarting, or once this instance has begun to stop.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (drain.isStopping) {
      res.status(503).json({ ok: false, stopping: true });
      return;
    }
    const problem = await readinessProblem(services);
    if (problem) res.status(503).json({ ok: false, ...problem });
    else res.json({ ok: true });
  });
  app.get('/metrics', metricsEndpoint(metrics, config.metricsToken));

  const indexHtml = path.join(config.clientDistDir, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(labelRoute('static', clientAssets(config.clientDistDir)));
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
    // What Express itself refuses (a path parameter that is no valid percent-encoding) is the request's fault: its
    // status, and only the kind of error logged, since the message quotes the request.
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500 && !res.headersSent) {
      log.info('http request refused', { requestId, status, error: (error as Error).name });
      res
        .status(status)
        .type('text/plain; charset=utf-8')
        .send(status === 413 ? '傳送的資料太大。' : '網址或要求的格式不正確。');
      return;
    }
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
  let stopped: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    const graceMs = config.shutdownGraceSeconds * 1000;
    const [answered] = await Promise.all([
      drain.stop(graceMs),
      // A client answers a close frame within a round trip; one that does not is gone and is cut much sooner.
      subscriptions.close(SERVICE_RESTART_CLOSE_CODE, 'Server restarting', Math.min(graceMs, SOCKET_CLOSE_WAIT_MS)),
    ]);
    if (!answered) log.warn('shutdown cut connections still open', { graceSeconds: config.shutdownGraceSeconds });
    await apollo.stop();
  };
  return {
    url: `http://${shownHost}:${port}`,
    port,
    httpServer,
    close: () => (stopped ??= stop()),
  };
}

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, OperationTypeNode, getOperationAST, parse, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Clock } from './common/clock.js';
import { createContext, type AppContext, type SessionCookies } from './common/context.js';
import { cookieToken, sessionTokenOf } from './common/http-session.js';
import { SESSION_COOKIE } from './modules/auth/auth.service.js';
import { type AppError, ErrorCode, formatError } from './common/errors.js';
import { assertWithinQueryLimits } from './common/query-limits.js';
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

export const GRAPHQL_PATH = '/graphql';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  close(): Promise<void>;
}

function sessionCookies(res: Response, secure: boolean, clock: Clock): SessionCookies {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    // Max-Age rather than Expires: a school PC with a wrong clock would otherwise drop the cookie at once.
    set: (token, expiresAt) =>
      res.cookie(SESSION_COOKIE, token, { ...base, maxAge: Math.max(0, expiresAt.getTime() - clock.now().getTime()) }),
    clear: () => res.clearCookie(SESSION_COOKIE, base),
  };
}

/** A cookie rides along on any WebSocket handshake, so a cookie-authenticated socket must come from our own page. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export async function startServer(services: AppServices, schema?: GraphQLSchema): Promise<RunningServer> {
  const { config, log } = services;
  const appSchema = schema ?? (await buildAppSchema());
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const wsCleanup = useServer<{ authToken?: string }, { request: IncomingMessage }>(
    {
      schema: appSchema,
      onConnect: (ctx) => {
        const fromParams = typeof ctx.connectionParams?.authToken === 'string';
        return fromParams || sameOrigin(ctx.extra.request);
      },
      context: (ctx) => {
        const request = ctx.extra.request;
        const token =
          (typeof ctx.connectionParams?.authToken === 'string' ? ctx.connectionParams.authToken : null) ??
          cookieToken(request.headers.cookie);
        return createContext(services, {
          transport: 'ws',
          requestId: randomUUID(),
          sessionToken: token,
          ip: request.socket.remoteAddress ?? '',
          userAgent: request.headers['user-agent'] ?? '',
          cookies: null,
        });
      },
      onSubscribe: (_ctx, _id, payload) => {
        const document = parse(payload.query);
        const errors = validate(appSchema, document);
        if (errors.length > 0) return errors;
        // Queries and mutations go over HTTP, where each runs in its tenant-scoped transaction.
        if (getOperationAST(document, payload.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [
            new GraphQLError('WebSocket 連線只接受訂閱（subscription）；查詢與異動請使用 HTTP。', {
              extensions: { code: ErrorCode.BAD_USER_INPUT },
            }),
          ];
        }
        try {
          assertWithinQueryLimits(document, payload.operationName, payload.variables, config.queryLimits);
        } catch (error) {
          return [error as AppError];
        }
        return undefined;
      },
      // Subscription events pass through the same error mapping as HTTP responses.
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!('errors' in result) || !result.errors?.length) return undefined;
        const requestId = (args.contextValue as AppContext).requestId;
        return {
          ...result,
          errors: result.errors.map((error) =>
            formatError(error.toJSON(), error, (entry) => log.error('subscription error', { ...entry }), requestId),
          ),
        };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<AppContext>({
    schema: appSchema,
    introspection: config.introspection,
    csrfPrevention: true,
    // main.ts owns shutdown (server, then jobs and connections, then the database); Apollo must not race it.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      formatError(formatted, error, (entry) => log.error('graphql error', { ...entry }), currentRequestId()),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestTransactionPlugin(config),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      ...(config.nodeEnv === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use(
    GRAPHQL_PATH,
    requestIdMiddleware,
    express.json({ limit: '1mb' }),
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

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
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
    log.error('http route error', { requestId, error: String(error) });
    if (res.headersSent) {
      next(error);
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

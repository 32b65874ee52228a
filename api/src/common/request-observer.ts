import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from '@apollo/server';
import {
  Router,
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { getOperationAST } from 'graphql';
import type { Logger } from './logger.js';
import { errorCodeLabel, graphqlOperationLabel, type AppMetrics } from './metrics.js';
import { currentRequestScope } from './request-id.js';

/** Where labelRoute leaves the label of a handler that is not an Express route (a mounted app, static files). */
const ROUTE_LABEL = 'routeLabel';

/**
 * Names what a chain of middleware answers for the access log and the metrics, where Express has no route template
 * to give (req.route is set for app.get/app.put routes only). If the chain passes the request on untouched, the label
 * goes too; a failure it passes on stays its own.
 */
export function labelRoute(label: string, ...handlers: (RequestHandler | ErrorRequestHandler)[]): RequestHandler {
  const chain = Router();
  chain.use(...handlers);
  return (req, res, next) => {
    res.locals[ROUTE_LABEL] = label;
    chain(req, res, (error?: unknown) => {
      if (!error) delete res.locals[ROUTE_LABEL];
      next(error);
    });
  };
}

/** The route template (`/uploads/:id`), never the URL: ids and file names stay out of labels and log lines. */
function routeOf(req: Request, res: Response): string {
  const template = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof template === 'string') return template;
  const label = res.locals[ROUTE_LABEL];
  return typeof label === 'string' ? label : 'unmatched';
}

/**
 * Health probes and scrapes come every few seconds from every balancer and Prometheus: they are measured, but an
 * access line for each would bury the lines worth reading.
 */
const UNLOGGED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** Status recorded for a request that ended before its response did (the client left, or shutdown cut it), as nginx does. */
const ENDED_EARLY = 499;

/**
 * One access line per request (`http request`: method, route template, status, duration, request id, the GraphQL
 * operation's name, bytes sent) and its latency in the metrics. Never the query string, body, variables, cookies or
 * headers. Goes after requestIdMiddleware, so the line carries the request's id.
 */
export function observeRequests(metrics: AppMetrics, log: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const scope = currentRequestScope();
    const socket = req.socket;
    const writtenBefore = socket.bytesWritten;
    let recorded = false;
    const record = (finished: boolean) => {
      if (recorded) return;
      recorded = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req, res);
      const status = finished ? res.statusCode : ENDED_EARLY;
      metrics.observeHttp(req.method, route, status, seconds);
      if (UNLOGGED_ROUTES.has(route)) return;
      log.info('http request', {
        method: req.method,
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        requestId: scope?.id,
        ...(scope?.operation ? { operation: scope.operation } : {}),
        // Headers included: the socket's count, since a streamed response declares no length.
        bytes: socket.bytesWritten - writtenBefore,
      });
    };
    res.once('finish', () => record(true));
    res.once('close', () => record(res.writableFinished));
    next();
  };
}

/** The outcome of a GraphQL response as a label: its first error's code, `user_error`, or `ok`. */
function outcomeOf(response: GraphQLResponse): string {
  if (response.body.kind !== 'single') return 'ok';
  const { errors, data } = response.body.singleResult;
  if (errors?.length) return errorCodeLabel(errors[0]?.extensions?.code);
  // A mutation's payload carries what the user can fix as userErrors: answered, but not done.
  const refused = Object.values(data ?? {}).some((payload) => {
    const userErrors = (payload as { userErrors?: unknown } | null)?.userErrors;
    return Array.isArray(userErrors) && userErrors.length > 0;
  });
  return refused ? 'user_error' : 'ok';
}

/**
 * Counts GraphQL requests by the operation's name as the parsed document has it (never the operationName a client
 * sends alongside, which may name nothing) and hands that name to the access line.
 */
export function graphqlObserver(metrics: AppMetrics): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ document, operation, request, response }) {
          const resolved =
            operation ?? (document ? getOperationAST(document, request.operationName ?? undefined) : null);
          const name = graphqlOperationLabel(resolved?.name?.value);
          const scope = currentRequestScope();
          if (scope) scope.operation = name;
          metrics.observeGraphql(name, outcomeOf(response), Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

import type { IncomingMessage, Server } from 'node:http';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  Kind,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { AppContext, AppServices } from './common/context.js';
import { ErrorCode, formatError, loggableError, withoutSuggestions } from './common/errors.js';
import { cookieToken } from './common/http-session.js';
import type { AppMetrics } from './common/metrics.js';
import { assertAcceptableOperation } from './common/operation-edge.js';
import { MAX_DOCUMENT_TOKENS } from './common/query-limits.js';
import { OneLoginPerRequest } from './modules/auth/one-login-per-request.rule.js';
import { lastingUuid } from './modules/auth/socket-sessions.js';
import type { Viewer } from './common/viewer.js';

export const VALIDATION_RULES = [OneLoginPerRequest];

type ConnectionParams = Record<string, unknown> & { authToken?: unknown };

type SocketContext = Context<ConnectionParams | undefined, { socket: WebSocket; request: IncomingMessage }>;

/**
 * What an admitted socket keeps for its lifetime (a subscriber idles for hours, ten thousand of them on an instance):
 * its row, the session it was admitted with, and the two request details its operations log, not the upgrade request.
 */
interface AdmittedSocket {
  socketId: string;
  viewer: Viewer;
  token: string;
  ip: string;
  userAgent: string;
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

function tokenOf(ctx: SocketContext): { token: string | null; fromParams: boolean } {
  const fromParams = ctx.connectionParams?.authToken;
  if (typeof fromParams === 'string') return { token: fromParams, fromParams: true };
  return { token: cookieToken(ctx.extra.request.headers.cookie), fromParams: false };
}

const refusal = (message: string, code: string = ErrorCode.BAD_USER_INPUT): GraphQLError[] => [
  new GraphQLError(message, { extensions: { code } }),
];

/**
 * The close code for sockets of an instance that is stopping: 1012 "Service Restart", which graphql-ws clients take
 * as a reason to reconnect (to another instance) and subscribe again, unlike 4401 or 4403.
 */
export const SERVICE_RESTART_CLOSE_CODE = 1012;

export interface SubscriptionServer {
  openSockets(): number;
  /**
   * Closes every socket with `code`, and any that opens from now on; resolves once each has closed and released its
   * session row, forcing sockets whose client does not answer after `waitMs`.
   */
  close(code: number, reason: string, waitMs: number): Promise<void>;
}

/** The root field a subscription event answers, named by the schema (so a bounded label), not by the client. */
const rootFields = new WeakMap<DocumentNode, Map<string, string>>();
function rootFieldOf(args: ExecutionArgs): string {
  let byOperation = rootFields.get(args.document);
  if (!byOperation) {
    byOperation = new Map();
    rootFields.set(args.document, byOperation);
  }
  const operation = args.operationName ?? '';
  let field = byOperation.get(operation);
  if (!field) {
    const first = getOperationAST(args.document, args.operationName)?.selectionSet.selections[0];
    field = first?.kind === Kind.FIELD ? first.name.value : 'other';
    byOperation.set(operation, field);
  }
  return field;
}

/**
 * The extension a subscription field declares (type-graphql `@Extensions({ [SHARED_EVENTS]: true })`) when one event
 * object reaches everyone it concerns alike and none of its fields reads the operation's context: then an event
 * is executed once per document and variables, and the subscribers it reaches share the result.
 */
const SHARED_EVENTS = 'sharedEvents';

type EventResult = ExecutionResult | Promise<ExecutionResult>;

/** Results of shared events, by event, document and operation with its variables; gone with the event. */
const sharedResults = new WeakMap<object, WeakMap<DocumentNode, Map<string, EventResult>>>();

function executeShared(args: ExecutionArgs, event: object): EventResult {
  let byDocument = sharedResults.get(event);
  if (!byDocument) {
    byDocument = new WeakMap();
    sharedResults.set(event, byDocument);
  }
  let byOperation = byDocument.get(args.document);
  if (!byOperation) {
    byOperation = new Map();
    byDocument.set(args.document, byOperation);
  }
  const key = `${args.operationName ?? ''}\n${args.variableValues ? JSON.stringify(args.variableValues) : ''}`;
  let result = byOperation.get(key);
  if (!result) {
    result = execute({ ...args, rootValue: event });
    byOperation.set(key, result);
  }
  return result;
}

/**
 * graphql-js `subscribe` (the source stream, each event executed against the operation), except that the events of
 * a field declaring SHARED_EVENTS are executed once for all the subscribers they reach: ten thousand subscribers of
 * one alert cost one execution, not ten thousand. Like graphql-js, ending the subscription ends the source stream
 * at once, even while it waits for an event.
 */
async function subscribeSharingEvents(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const source = stream[Symbol.asyncIterator]();
  const field = args.schema.getSubscriptionType()?.getFields()[rootFieldOf(args)];
  const shared = field?.extensions?.[SHARED_EVENTS] === true;
  const map = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => {
    if (step.done) return step;
    try {
      const event = step.value;
      return {
        value: await (shared && typeof event === 'object' && event !== null
          ? executeShared(args, event)
          : execute({ ...args, rootValue: event })),
        done: false,
      };
    } catch (error) {
      await source.return?.().catch(() => undefined);
      throw error;
    }
  };
  return {
    next: async () => map(await source.next()),
    return: async () => (source.return ? map(await source.return()) : { value: undefined, done: true }),
    throw: async (error: unknown) => {
      if (source.throw) return map(await source.throw(error));
      await source.return?.().catch(() => undefined);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  } as AsyncGenerator<ExecutionResult>;
}

/** Distinct subscription documents kept parsed and validated: every tab of the client sends the same few. */
const CACHED_DOCUMENTS = 64;
/** A longer document is parsed for its subscription alone rather than kept. */
const CACHED_DOCUMENT_CHARS = 8 * 1024;

/**
 * Parsed and validated documents by their text, the most recently used last. Ten thousand subscribers of one
 * document share one syntax tree (parsing and validating it once), instead of holding a tree each for hours.
 */
function documentCache(schema: GraphQLSchema) {
  const valid = new Map<string, DocumentNode>();
  return (query: string): DocumentNode | readonly GraphQLError[] => {
    const cached = valid.get(query);
    if (cached) {
      valid.delete(query);
      valid.set(query, cached);
      return cached;
    }
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: MAX_DOCUMENT_TOKENS });
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('無法解析這個查詢。')];
    }
    const errors = validate(schema, document, [...specifiedRules, ...VALIDATION_RULES]);
    if (errors.length > 0) return errors;
    if (query.length <= CACHED_DOCUMENT_CHARS) {
      valid.set(query, document);
      if (valid.size > CACHED_DOCUMENTS) valid.delete(valid.keys().next().value!);
    }
    return document;
  };
}

function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * GraphQL subscriptions over graphql-ws on the GraphQL path. A socket opens only for a live session (token in
 * connectionParams, or the session cookie from our own origin), within the cap on sockets per session, and closes
 * when that session ends; it carries subscriptions only, each parsed, validated and checked at the same edge as HTTP
 * requests, up to a cap per socket.
 */
export function startSubscriptionServer(
  services: AppServices,
  schema: GraphQLSchema,
  httpServer: Server,
  path: string,
  metrics: AppMetrics,
): SubscriptionServer {
  const { config, log, sockets } = services;
  const production = config.nodeEnv === 'production';
  const admitted = new WeakMap<SocketContext, AdmittedSocket>();
  const validDocument = documentCache(schema);
  /** Sockets graphql-ws has not yet run onClose for (their session row not yet released). */
  const unsettled = new Set<WebSocket>();
  /** Called each time one of them settles while the server is closing. */
  let onSettled: (() => void) | null = null;
  /** Admissions still talking to the database: one may release its row after its socket has gone. */
  const admissions = new Set<Promise<boolean>>();
  let closing: { code: number; reason: string } | null = null;
  /** A refusal as the client sees it: no HTTP status (it travels over HTTP only), no schema hints in production. */
  const shown = (error: GraphQLError): GraphQLError => {
    const { http: _status, ...extensions } = error.extensions;
    return new GraphQLError(production ? withoutSuggestions(error.message) : error.message, {
      nodes: error.nodes,
      extensions,
    });
  };
  const admit = async (ctx: SocketContext): Promise<boolean> => {
    const { token, fromParams } = tokenOf(ctx);
    const request = ctx.extra.request;
    if (!fromParams && !sameOrigin(request)) return false;
    try {
      const socket = ctx.extra.socket;
      const admission = await sockets.admit(token, (code, reason) => socket.close(code, reason));
      if (!admission.admitted) return false;
      // The socket may have closed while it was being admitted: onClose has run already and released nothing.
      if (socket.readyState !== WebSocket.OPEN) {
        await sockets.release(admission.socketId);
        return false;
      }
      admitted.set(ctx, {
        socketId: admission.socketId,
        viewer: admission.viewer,
        token: token!,
        ip: request.socket.remoteAddress ?? '',
        userAgent: request.headers['user-agent'] ?? '',
      });
      // The upgrade request (its headers, its parser's leftovers) is not kept for the socket's lifetime.
      delete (ctx.extra as { request?: IncomingMessage }).request;
      return true;
    } catch (error) {
      log.error('websocket admission failed', loggableError(error));
      return false;
    }
  };
  // A subscription is a short document: a frame of 64 KiB is far beyond one, and what JSON.parse may be handed.
  const wsServer = new WebSocketServer({ server: httpServer, path, maxPayload: 64 * 1024 });
  useServer<ConnectionParams | undefined, { request: IncomingMessage }>(
    {
      schema,
      subscribe: subscribeSharingEvents,
      onConnect: (ctx) => {
        const admission = admit(ctx);
        admissions.add(admission);
        void admission.finally(() => admissions.delete(admission));
        return admission;
      },
      onClose: async (ctx) => {
        try {
          const socketId = admitted.get(ctx)?.socketId;
          if (socketId) await sockets.release(socketId);
        } finally {
          unsettled.delete(ctx.extra.socket);
          onSettled?.();
        }
      },
      // Operations are carried only once the socket is acknowledged, that is admitted.
      context: (ctx) => {
        const socket = admitted.get(ctx)!;
        return services.createContext({
          transport: 'ws',
          requestId: lastingUuid(),
          sessionToken: socket.token,
          ip: socket.ip,
          userAgent: socket.userAgent,
          cookies: null,
          admittedViewer: socket.viewer,
        });
      },
      onSubscribe: (ctx, _id, payload) => {
        // The subscription being opened is already counted among the socket's.
        if (Object.keys(ctx.subscriptions).length > sockets.limits.maxSubscriptionsPerSocket) {
          return refusal(
            `這個連線同時最多只能有 ${sockets.limits.maxSubscriptionsPerSocket} 個訂閱，請先取消不再需要的訂閱。`,
            ErrorCode.TOO_MANY_SUBSCRIPTIONS,
          );
        }
        const document = validDocument(payload.query);
        if (!('kind' in document)) return document.map(shown);
        // Queries and mutations go over HTTP, where each runs in its tenant-scoped transaction.
        if (getOperationAST(document, payload.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return refusal('WebSocket 連線只接受訂閱（subscription）；查詢與異動請使用 HTTP。');
        }
        try {
          assertAcceptableOperation(schema, document, payload.operationName, payload.variables, config.queryLimits);
        } catch (error) {
          return [shown(error as GraphQLError)];
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      // Subscription events pass through the same error mapping as HTTP responses.
      onNext: (_ctx, _id, _payload, args, result) => {
        metrics.subscriptionEventSent(rootFieldOf(args));
        if (!('errors' in result) || !result.errors?.length) return undefined;
        const requestId = (args.contextValue as AppContext).requestId;
        return {
          ...result,
          errors: result.errors.map((error) =>
            formatError(error.toJSON(), error, (entry) => log.error('subscription error', { ...entry }), requestId, {
              hideSchema: production,
            }),
          ),
        };
      },
    },
    wsServer,
  );
  // A socket's errors are what its client sent (a frame over maxPayload, a broken frame); ws closes it with the
  // matching code. graphql-ws would print them to the console as its own faults: they go to the log as warnings.
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) => {
      log.warn('websocket refused a frame', { error: error.message });
      if (socket.readyState === WebSocket.OPEN) socket.close(1011);
    });
    unsettled.add(socket);
    // The listener has stopped, but a socket can still open on a kept-alive connection (a balancer's).
    if (closing) socket.close(closing.code, closing.reason);
  });
  return {
    openSockets: () => wsServer.clients.size,
    close: async (code, reason, waitMs) => {
      closing = { code, reason };
      for (const socket of wsServer.clients) socket.close(code, reason);
      const allSettled = new Promise<void>((resolve) => {
        onSettled = () => {
          if (unsettled.size === 0) resolve();
        };
        onSettled();
      });
      const closed = () => Promise.all([allSettled, ...admissions]);
      if (!(await settledWithin(closed(), waitMs))) {
        for (const socket of wsServer.clients) socket.terminate();
        // A release still waiting for the database settles when the platform closes its pool.
        await settledWithin(closed(), 1000);
      }
      for (const socket of wsServer.clients) socket.terminate();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

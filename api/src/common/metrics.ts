import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics (GET /metrics). Every label value is bounded: operation names pass through
 * graphqlOperationLabel and a cap, routes are templates, never a URL, and nothing a request carries (variables,
 * ids, file names) becomes a label.
 */

/** The connections of the request pool, as its pool counts them. */
export interface PoolStats {
  inUse: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
  /** Connections being opened. */
  opening: number;
}

/** What the metrics read at scrape time from the parts of the app that own the numbers. */
export interface MetricSources {
  openWebSockets(): number;
  activeSubscriptions(): number;
  /** null once the pool is closed. */
  requestPool(): PoolStats | null;
  /** Age in seconds of the oldest job that could run now (0: none waits); null when it cannot be read. */
  jobQueueLag?: () => Promise<number | null>;
}

// Wide enough for an upload on a slow school line; the low buckets are where GraphQL requests sit.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** A scrape must not hang on a slow database: the lag is reported as unknown (NaN) after this long. */
const LAG_TIMEOUT_MS = 2000;

/** Distinct operation names one instance keeps series for; a client inventing names gets "other" after that. */
export const MAX_OPERATION_NAMES = 300;

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The operation name as the parsed document spells it, or "anonymous"; a name that is not a GraphQL name or is
 * longer than 64 characters is "invalid". Only this ever reaches a label or a log line.
 */
export function graphqlOperationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  return name.length <= 64 && OPERATION_NAME.test(name) ? name : 'invalid';
}

/** An error code as a label: the codes formatError lets through, never free text. */
export function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'error';
}

export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'other';
}

/*
 * What belongs to the process rather than to one app (tests run several apps in one process): Node's own metrics,
 * collected once, and the alerts this process's job runner fired. Each app's registry is merged with it for a scrape.
 */
let processRegistry: Registry | null = null;
const alertsFired = new Counter({
  name: 'portfolio_alerts_fired_total',
  help: 'Deadline alerts this process fired (marked fired and announced), counted once across instances',
  registers: [],
});

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
    processRegistry.registerMetric(alertsFired);
  }
  return processRegistry;
}

/** An alert job flipped an alert to fired and sent its NOTIFY (once per alert, whichever instance ran it). */
export function recordAlertFired(): void {
  alertsFired.inc();
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One app instance's metrics. */
export class AppMetrics {
  private readonly registry = new Registry();
  private readonly scrape: Registry;
  private readonly operations = new Set<string>();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly graphqlRequests: Counter<'operation' | 'outcome'>;
  private readonly graphqlDuration: Histogram<'operation'>;
  private readonly subscriptionEvents: Counter<'field'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'portfolio_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status (499: the client or the shutdown ended it first)',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.graphqlRequests = new Counter({
      name: 'portfolio_graphql_requests_total',
      help: 'GraphQL requests over HTTP by operation name and outcome (ok, user_error, or the error code)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'portfolio_graphql_request_duration_seconds',
      help: 'GraphQL requests over HTTP by operation name, from the request to its response',
      labelNames: ['operation'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.subscriptionEvents = new Counter({
      name: 'portfolio_subscription_events_total',
      help: 'Events sent to subscribers by subscription field (deadlineAlerts: alerts delivered to a socket)',
      labelNames: ['field'],
      registers,
    });
    const gauge = (name: string, help: string, read: () => number): void => {
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    };
    gauge('portfolio_websockets_open', 'WebSockets open on this instance', sources.openWebSockets);
    gauge('portfolio_subscriptions_active', 'Alert subscriptions open on this instance', sources.activeSubscriptions);
    gauge(
      'portfolio_db_pool_connections_in_use',
      'Request pool: connections lent to a request',
      () => sources.requestPool()?.inUse ?? 0,
    );
    gauge(
      'portfolio_db_pool_connections_idle',
      'Request pool: open connections nobody uses',
      () => sources.requestPool()?.idle ?? 0,
    );
    gauge(
      'portfolio_db_pool_waiting',
      'Request pool: requests waiting for a connection',
      () => sources.requestPool()?.waiting ?? 0,
    );
    gauge(
      'portfolio_db_pool_connections_opening',
      'Request pool: connections being opened',
      () => sources.requestPool()?.opening ?? 0,
    );
    const lag = sources.jobQueueLag;
    if (lag) {
      new Gauge({
        name: 'portfolio_job_queue_lag_seconds',
        help: 'Age of the oldest job that could run now (0: none waits; NaN: the queue could not be read)',
        registers,
        async collect() {
          const seconds = await withTimeout(
            lag().catch(() => null),
            LAG_TIMEOUT_MS,
          );
          this.set(seconds ?? Number.NaN);
        },
      });
    }
    this.scrape = Registry.merge([processMetrics(), this.registry]);
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method: methodLabel(method), route, status: String(status) }, seconds);
  }

  /** `operation` as graphqlOperationLabel gave it; a name beyond the cap is counted as "other". */
  observeGraphql(operation: string, outcome: string, seconds: number): void {
    let label = operation;
    if (!this.operations.has(operation)) {
      if (this.operations.size < MAX_OPERATION_NAMES) this.operations.add(operation);
      else label = 'other';
    }
    this.graphqlRequests.inc({ operation: label, outcome });
    this.graphqlDuration.observe({ operation: label }, seconds);
  }

  /** `field` is a root field of the schema's Subscription type, so the label is bounded by the schema. */
  subscriptionEventSent(field: string): void {
    this.subscriptionEvents.inc({ field });
  }

  get contentType(): string {
    return this.scrape.contentType;
  }

  render(): Promise<string> {
    return this.scrape.metrics();
  }
}

/** Compares without leaking through timing how much of the token matched (hashes have one length). */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /metrics. With a token configured it asks for `Authorization: Bearer <token>`; without one it is open, and the
 * reference nginx keeps it from the outside.
 */
export function metricsEndpoint(metrics: AppMetrics, token: string | undefined) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    if (token) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameToken(given, token)) {
        res
          .status(401)
          .setHeader('WWW-Authenticate', 'Bearer realm="metrics"')
          .type('text/plain; charset=utf-8')
          .send('需要有效的監控權杖（METRICS_TOKEN）。');
        return;
      }
    }
    res.setHeader('Content-Type', metrics.contentType);
    res.send(await metrics.render());
  };
}

import { createPublicKey } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_PERFORMANCE_CATEGORIES, type PerformanceCategory } from './performance-category.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface AppConfig {
  nodeEnv: string;
  host: string;
  port: number;
  /** The schema owner's URL (may go through PgBouncer). Unset: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  /**
   * The schema owner's URL straight to PostgreSQL, for what needs a session: migrations, LISTEN, the job queue.
   * Unset: databaseUrl.
   */
  databaseDirectUrl: string | undefined;
  /**
   * portfolio_app's own login, for every request (may go through PgBouncer). Unset: the platform gives
   * portfolio_app a password derived from the PII key and logs in with it where databaseUrl points.
   */
  databaseAppUrl: string | undefined;
  /**
   * Request transactions one instance holds open at most (its request pool). Behind PgBouncer, the pool of
   * portfolio_app there must hold instances × (this + 4, the login-throttling statements) server connections, or
   * sign-ins waiting for a throttling statement can hold every connection that statement needs.
   */
  databasePoolSize: number;
  /**
   * GraphQL requests and upload PUTs one instance works on at once; the rest wait their turn in order, and past
   * requestQueueMax waiting the answer is 503 with Retry-After. A burst run all at once only grows the heap (see
   * common/work-queue.ts) and cannot go faster than the database pool.
   */
  requestConcurrency: number;
  requestQueueMax: number;
  /** When set, GET /metrics asks for `Authorization: Bearer <token>`; unset, it is open (keep it off the internet). */
  metricsToken: string | undefined;
  /** How long a stopping instance lets running requests finish before it closes what is left. */
  shutdownGraceSeconds: number;
  dataDir: string;
  embeddedPgPort: number;
  /** base64 of 32 bytes; unset with the embedded database: generated under dataDir. */
  piiEncryptionKey: string | undefined;
  seedDemo: boolean;
  clientDistDir: string;
  cookieSecure: boolean;
  /** Express 'trust proxy': behind a load balancer, which forwarded address is the client's. */
  trustProxy: boolean | number | string;
  sessionTtlHours: number;
  /**
   * How long an instance keeps a session it resolved before looking it up again. Any change to a session, account,
   * student status or school forgets them at once on every instance (NOTIFY); 0 looks every request's session up.
   */
  sessionCacheSeconds: number;
  login: LoginThrottlePolicy;
  accounts: AccountStatusPolicy;
  queryLimits: QueryLimits;
  websocket: SocketLimits;
  introspection: boolean;
  timeline: TimelinePolicy;
  worker: WorkerConfig;
  files: FilesConfig;
  imports: ImportPolicy;
  portfolio: PortfolioPolicy;
  statistics: StatisticsPolicy;
  privacy: PrivacyPolicy;
  retention: RetentionPolicy;
  exchange: ExchangeConfig;
  sso: SsoConfig;
  /** How packages reach the central database: the built-in reference repository (demo, tests) or file exchange. */
  centralGateway: 'reference' | 'file';
  logLevel: 'silent' | 'info' | 'debug';
}

/** Single sign-on through OpenID Connect identity providers, beside local passwords. */
export interface SsoConfig {
  /**
   * The address users reach the platform at (scheme, host, optional path), as the providers know it: redirect URIs
   * are built from it. Set whenever a provider is.
   */
  publicUrl: string | null;
  providers: SsoProviderConfig[];
}

/**
 * How a person signed in at a provider becomes a platform login. LOGIN_NAME: the claim holds the platform login name.
 * NATIONAL_ID: the claim holds a national ID, matched against students' keyed digests (never stored in clear).
 */
export type SsoMatch = 'LOGIN_NAME' | 'NATIONAL_ID';

/** Which kinds of platform login a provider may sign in. */
export type SsoAccountKind = 'STUDENT' | 'STAFF' | 'BUREAU';

export interface SsoProviderConfig {
  /** Lowercase, in URLs and settings: /auth/sso/<id>/callback, OIDC_<ID>_…. */
  id: string;
  /** What the sign-in button says, e.g. 臺北市校園單一身分驗證. */
  label: string;
  issuer: string;
  clientId: string;
  /** Unset: a public client, proven by PKCE alone. */
  clientSecret: string | null;
  scope: string;
  /** The ID token (or userinfo) claim that names the person: one the provider keeps unique and users cannot change. */
  claim: string;
  match: SsoMatch;
  accounts: SsoAccountKind[];
}

export interface LoginThrottlePolicy {
  /** Failures of one login name from one address: the owner on their usual network is not locked out by these. */
  pairMaxFailures: number;
  /** Failures of one login name from anywhere: far higher, so guessing one student from many places still stops. */
  accountMaxFailures: number;
  addressMaxFailures: number;
  failureWindowSeconds: number;
  lockBaseSeconds: number;
  lockMaxSeconds: number;
}

/**
 * What a student's status does to their account (issue 18 owns these rules; later work only uses them). A 臨時帳號
 * (temporary access until a date) lifts them until it ends.
 */
export interface AccountStatusPolicy {
  /** 休學: the student may still sign in and read, or may not sign in at all. */
  suspendedAccess: 'READ_ONLY' | 'NONE';
  /** 轉出: days after the status changed during which the student may still sign in, read-only; then none. */
  transferredReadOnlyDays: number;
  /** 畢業: the same for graduates (a year by default: the next application season reads the portfolio). */
  graduatedReadOnlyDays: number;
  /** The longest a temporary account may be given for, in days. */
  temporaryAccessMaxDays: number;
}

export interface TimelinePolicy {
  /** The receipt confirmation window must last at least this many days (the slides: 3日以上). */
  confirmReceiptsMinDays: number;
  /** A window is "closing soon" this many hours before its end. */
  closingSoonHours: number;
  /** How long a closed window still shows among "my deadlines". */
  recentlyClosedDays: number;
  /** A dispute is overdue after this many days when the term has no 疑義處理 window to take its end from. */
  disputeAnswerDays: number;
  /**
   * The 高三 round's upload windows must close after this day of the spring (MM-DD, Taipei), aligned with the first
   * stage of university screening (the slides: 4/1 之後).
   */
  grade12UploadEndsAfter: string;
  /**
   * The first day of the summer (MM-DD, Taipei) a school may roll over into the next academic year: after graduation,
   * so grade-12 students are not made 畢業 (read-only) before their 高三 round and ceremony.
   */
  rolloverOpensOn: string;
  /** Days the 高三 round's selection stays open after its uploads close (the slides: 至少保留 3 日勾選). */
  grade12SelectMinDays: number;
}

export interface WorkerConfig {
  /** Run the alert job worker in this process. Several instances may all run it: jobs are taken once. */
  enabled: boolean;
  concurrency: number;
  pollIntervalMs: number;
}

export interface FilesConfig {
  /** Where the local storage adapter keeps files, content-addressed by SHA-256 (with S3: only the temporary files). */
  dir: string;
  /** Which adapter keeps the files: a local folder (default) or an S3-compatible bucket. */
  storage: 'local' | 's3';
  /** Set when storage is 's3'. */
  s3: S3Config | null;
  /** Largest import file accepted (bytes). */
  importMaxBytes: number;
  /** Largest evidence document (PDF/JPG/PNG) and audio or video file (MP3/MP4) accepted: policy, bytes. */
  documentMaxBytes: number;
  mediaMaxBytes: number;
  /** How long an upload slot waits for its bytes. */
  slotMinutes: number;
  /** How old an unreferenced stored file or an unattached stored upload must be before the collection removes it. */
  leftoverGraceHours: number;
}

export interface S3Config {
  /** Unset: AWS itself; set for an S3-compatible service (MinIO, Ceph, a cloud's object storage). */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Both or neither: neither uses the SDK's default credential chain (environment, instance role). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** `bucket` in the path rather than the host name, as most S3-compatible services need. */
  forcePathStyle: boolean;
}

export interface PortfolioPolicy {
  /** Course outcomes a student may select (勾選) per academic year. */
  maxSelectedOutcomes: number;
  /** Diverse performances a student may select per academic year. */
  maxSelectedPerformances: number;
  /**
   * 補件: a student may replace an outcome that was not certified while certification is still open, after the
   * upload window has closed (schools allow it; otherwise such an outcome could never be fixed).
   */
  replaceRejectedDuringCertification: boolean;
  /**
   * The 多元表現 categories students may record, in the order they are offered and packaged (DOMAIN.md §3: the list
   * is policy; 職場學習 came later). A category left out is no longer offered and cannot be recorded anew; what was
   * recorded of it stays, can still be selected and still goes into the package (its roster is written when it has
   * rows), so leaving a category out loses nothing.
   */
  performanceCategories: PerformanceCategory[];
}

export interface StatisticsPolicy {
  /** Rows of a statistics table with fewer students than this show no figures (privacy); 0: nothing is suppressed. */
  suppressBelow: number;
}

/** The portfolio exchange file (學習歷程交換檔, modules/exchange): who signs it here and whose signatures are trusted. */
export interface ExchangeConfig {
  /**
   * This installation's Ed25519 signing key (PKCS8 PEM, or its DER in base64). Unset: generated once under dataDir
   * with the embedded database, derived from the PII key with DATABASE_URL (modules/exchange/exchange-keys.ts);
   * production should set its own.
   */
  signingKey: string | undefined;
  /** Public keys of other installations, by the authority code they sign for (SPKI PEM or DER in base64). */
  trustedKeys: Record<string, string>;
}

/**
 * EXCHANGE_TRUSTED_KEYS: `CODE=key` pairs separated by commas or new lines (a key as the base64 of its DER), or a JSON
 * object `{"CODE": "key"}` (a key may then be PEM). Each key is checked now, so a pasted-in typo stops the start.
 */
function exchangeTrustedKeysFromEnv(env: NodeJS.ProcessEnv, name: string): Record<string, string> {
  const raw = env[name]?.trim();
  if (!raw) return {};
  let pairs: [string, string][];
  if (raw.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error(`環境變數 ${name} 不是有效的 JSON 物件（{"教育局代碼": "公鑰"}）`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`環境變數 ${name} 必須是 JSON 物件（{"教育局代碼": "公鑰"}）`);
    }
    pairs = Object.entries(parsed as Record<string, unknown>).map(([code, key]) => [code.trim(), String(key).trim()]);
  } else {
    pairs = raw
      .split(/[,\n]/)
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '')
      .map((pair) => {
        const at = pair.indexOf('=');
        return at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      });
  }
  const keys: Record<string, string> = {};
  for (const [code, key] of pairs) {
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(code) || !key) {
      throw new Error(`環境變數 ${name} 的每一項必須是「教育局代碼=公鑰」，有一項是 "${code}"`);
    }
    if (keys[code]) throw new Error(`環境變數 ${name} 重複列出教育局代碼「${code}」`);
    try {
      const parsed = createPublicKey(
        key.includes('-----BEGIN') ? key : { key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' },
      );
      if (parsed.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    } catch {
      throw new Error(`環境變數 ${name} 中「${code}」的公鑰不是有效的 Ed25519 公鑰（SPKI 的 PEM 或 base64）`);
    }
    keys[code] = key;
  }
  return keys;
}

export interface PrivacyPolicy {
  /**
   * Days a row of the personal-data access log (who looked at a student's data) is kept before the daily job deletes
   * it. Policy: 5 years by default, for which no primary source was found; never fewer than 365 (the database's
   * pruning function refuses less, so a short figure cannot empty the log).
   */
  accessLogRetentionDays: number;
}

/**
 * How long each kind of a student's data is kept after the student graduated (畢業) or left (轉出), counted from the
 * status change (student.status_changed_at), in days; 0: that kind is never deleted. Policy, with no primary source
 * found (README 「資料保存期限與刪除」): 課程諮詢紀錄 a year (never sent to the central database, the most sensitive),
 * the rest 5 years. Never fewer than 365 when set, like the access log (the database's functions refuse less), and
 * data of a term or academic year that is not finally submitted is kept whatever the period.
 */
export interface RetentionPolicy {
  courseOutcomesDays: number;
  performancesDays: number;
  courseRecordsDays: number;
  cadreRecordsDays: number;
  receiptsDays: number;
  submissionPackagesDays: number;
  counselingDays: number;
}

export interface ImportPolicy {
  /** Data rows accepted in one import file. */
  maxRows: number;
  /** What an XLSX file may unpack to (bytes of all its parts read): a small zip can inflate to gigabytes. */
  maxUncompressedBytes: number;
}

export interface SocketLimits {
  /** WebSockets one session may have open at once, on all instances together (a tab is one). */
  maxSocketsPerSession: number;
  /** Subscriptions one WebSocket may carry at once. */
  maxSubscriptionsPerSocket: number;
}

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxPageSize: number;
}

function monthDayFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) {
    throw new Error(`環境變數 ${name} 必須是月-日（MM-DD），例如 04-01，目前是 "${value}"`);
  }
  return value;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`環境變數 ${name} 必須是非負整數，目前是 "${raw}"`);
  }
  return value;
}

/** A retention period in days: a year at least, so that a typo cannot make the daily job delete a log nearly whole. */
function retentionDaysFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = intFromEnv(env, name, fallback);
  if (value < 365) throw new Error(`環境變數 ${name} 至少須為 365（天），目前是 "${env[name]}"`);
  return value;
}

/** A retention period after graduation or leaving: 0 or off (never deleted), else at least 365 days. */
function retentionPeriodFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (['off', 'OFF', '0'].includes(raw)) return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 365 || value > 36_500) {
    throw new Error(`環境變數 ${name} 必須是 365 到 36500 之間的天數，或 0／off（不刪除），目前是 "${raw}"`);
  }
  return value;
}

function boolFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`環境變數 ${name} 必須是 true 或 false，目前是 "${raw}"`);
}

/** A setting with a fixed set of values: an unknown one stops the start instead of quietly meaning something else. */
function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new Error(`環境變數 ${name} 必須是 ${values.join('、')} 其中之一，目前是 "${raw}"`);
}

/** A list of 多元表現 categories (comma-separated codes, in order); unset or empty: all, in the central order. */
function performanceCategoriesFromEnv(env: NodeJS.ProcessEnv, name: string): PerformanceCategory[] {
  const raw = env[name]?.trim();
  if (!raw) return [...ALL_PERFORMANCE_CATEGORIES];
  const given = raw
    .split(',')
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  if (given.length === 0) throw new Error(`環境變數 ${name} 至少要列出一個多元表現類別，目前是 "${raw}"`);
  const known = (code: string): code is PerformanceCategory =>
    (ALL_PERFORMANCE_CATEGORIES as readonly string[]).includes(code);
  const unknown = given.filter((code) => !known(code));
  if (unknown.length > 0) {
    throw new Error(
      `環境變數 ${name} 有不存在的多元表現類別「${unknown.join('、')}」；可用的類別：${ALL_PERFORMANCE_CATEGORIES.join('、')}`,
    );
  }
  const twice = given.filter((code, index) => given.indexOf(code) !== index);
  if (twice.length > 0) throw new Error(`環境變數 ${name} 重複列出類別「${[...new Set(twice)].join('、')}」`);
  return given.filter(known);
}

function trustProxyFromEnv(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** The S3 settings, checked together so that a half-configured bucket fails at start with every missing name. */
function s3FromEnv(env: NodeJS.ProcessEnv, storage: FilesConfig['storage']): S3Config | null {
  if (storage !== 's3') return null;
  const value = (name: string): string | undefined => env[name]?.trim() || undefined;
  const missing = ['S3_BUCKET', 'S3_REGION'].filter((name) => !value(name));
  if (missing.length > 0) {
    throw new Error(`FILE_STORAGE=s3 時必須設定 ${missing.join('、')}（S3 相容儲存空間的 bucket 名稱與區域）`);
  }
  const accessKeyId = value('S3_ACCESS_KEY_ID');
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      'S3_ACCESS_KEY_ID 與 S3_SECRET_ACCESS_KEY 必須同時設定（或同時不設定，改用 AWS 預設的憑證來源），目前只設定了其中一個',
    );
  }
  const endpoint = value('S3_ENDPOINT');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new Error(`環境變數 S3_ENDPOINT 必須是 http:// 或 https:// 開頭的網址，目前是 "${endpoint}"`);
  }
  return {
    endpoint,
    bucket: value('S3_BUCKET')!,
    region: value('S3_REGION')!,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: boolFromEnv(env, 'S3_FORCE_PATH_STYLE', endpoint !== undefined),
  };
}

const SSO_PROVIDER_ID = /^[a-z][a-z0-9]{0,15}$/;
const SSO_ACCOUNT_KINDS: readonly SsoAccountKind[] = ['STUDENT', 'STAFF', 'BUREAU'];

function urlOrNull(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function httpUrlFromEnv(env: NodeJS.ProcessEnv, name: string, production: boolean): string {
  const raw = env[name]?.trim() ?? '';
  const url = urlOrNull(raw);
  if (!url || !['https:', 'http:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    // It may hold a password: not repeated.
    throw new Error(`環境變數 ${name} 必須是 https:// 開頭、不含帳號密碼與查詢字串的網址`);
  }
  // Tokens and codes cross this address: in production only over TLS.
  if (production && url.protocol !== 'https:') {
    throw new Error(`正式環境（NODE_ENV=production）的 ${name} 必須使用 https://，目前是 "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The identity providers named in SSO_PROVIDERS (comma-separated ids), each from its OIDC_<ID>_… settings, checked
 * together so that a start with a half-configured provider stops with every problem named.
 */
function ssoFromEnv(env: NodeJS.ProcessEnv, production: boolean): SsoConfig {
  const ids = (env.SSO_PROVIDERS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) return { publicUrl: null, providers: [] };
  const problems: string[] = [];
  const providers: SsoProviderConfig[] = [];
  for (const id of ids) {
    if (!SSO_PROVIDER_ID.test(id) || ids.indexOf(id) !== ids.lastIndexOf(id)) {
      problems.push(`SSO_PROVIDERS 的「${id}」必須是小寫英文字母開頭、最多 16 個小寫英數字，且不可重複`);
      continue;
    }
    const prefix = `OIDC_${id.toUpperCase()}_`;
    const value = (name: string): string | undefined => env[prefix + name]?.trim() || undefined;
    // No claim is assumed: OIDC leaves preferred_username to the person at many providers, so the bureau names one
    // its provider keeps unique and out of its users' hands.
    const missing = ['ISSUER', 'CLIENT_ID', 'LABEL', 'CLAIM']
      .filter((name) => !value(name))
      .map((name) => prefix + name);
    const match = value('MATCH') ?? 'LOGIN_NAME';
    if (match !== 'LOGIN_NAME' && match !== 'NATIONAL_ID') {
      problems.push(`${prefix}MATCH 必須是 LOGIN_NAME 或 NATIONAL_ID，目前是 "${match}"`);
    }
    if (missing.length > 0) {
      problems.push(`識別服務「${id}」缺少 ${missing.join('、')}`);
      continue;
    }
    const accounts = (value('ACCOUNTS') ?? (match === 'NATIONAL_ID' ? 'STUDENT' : 'STUDENT,STAFF'))
      .split(',')
      .map((kind) => kind.trim().toUpperCase());
    const unknownKinds = accounts.filter((kind) => !(SSO_ACCOUNT_KINDS as readonly string[]).includes(kind));
    if (unknownKinds.length > 0 || accounts.length === 0) {
      problems.push(`${prefix}ACCOUNTS 只能列 STUDENT、STAFF、BUREAU，目前是 "${value('ACCOUNTS')}"`);
    }
    // Only students have a national ID on record.
    if (match === 'NATIONAL_ID' && accounts.some((kind) => kind !== 'STUDENT')) {
      problems.push(
        `${prefix}MATCH=NATIONAL_ID 只能用於學生帳號（${prefix}ACCOUNTS=STUDENT）：平臺只存有學生的身分證統一編號摘要`,
      );
    }
    const claim = value('CLAIM')!;
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(claim)) problems.push(`${prefix}CLAIM 不是有效的 claim 名稱："${claim}"`);
    let issuer = '';
    try {
      issuer = httpUrlFromEnv(env, `${prefix}ISSUER`, production);
    } catch (error) {
      problems.push((error as Error).message);
    }
    providers.push({
      id,
      label: value('LABEL')!,
      issuer,
      clientId: value('CLIENT_ID')!,
      clientSecret: value('CLIENT_SECRET') ?? null,
      scope: value('SCOPE') ?? 'openid',
      claim,
      match: match as SsoMatch,
      accounts: accounts as SsoAccountKind[],
    });
  }
  let publicUrl: string | null = null;
  if (!env.PUBLIC_URL?.trim()) {
    problems.push('設定 SSO_PROVIDERS 時必須設定 PUBLIC_URL（使用者連到本平臺的網址，用來組成回呼網址）');
  } else {
    try {
      publicUrl = httpUrlFromEnv(env, 'PUBLIC_URL', production);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  for (const provider of providers) {
    if (!provider.scope.split(/\s+/).includes('openid')) {
      problems.push(`OIDC_${provider.id.toUpperCase()}_SCOPE 必須包含 openid，目前是 "${provider.scope}"`);
    }
  }
  if (problems.length > 0) throw new Error(`單一登入設定有誤：${problems.join('；')}`);
  return { publicUrl, providers };
}

function postgresUrlFromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const url = urlOrNull(raw);
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
    // The value may hold a password: it is not repeated.
    throw new Error(`環境變數 ${name} 必須是 postgres://使用者:密碼@主機:連接埠/資料庫 形式的網址`);
  }
  return raw;
}

function databaseUrls(env: NodeJS.ProcessEnv) {
  const databaseUrl = postgresUrlFromEnv(env, 'DATABASE_URL');
  const databaseDirectUrl = postgresUrlFromEnv(env, 'DATABASE_DIRECT_URL');
  const databaseAppUrl = postgresUrlFromEnv(env, 'DATABASE_APP_URL');
  if (!databaseUrl && (databaseDirectUrl || databaseAppUrl)) {
    throw new Error('設定 DATABASE_DIRECT_URL 或 DATABASE_APP_URL 時也必須設定 DATABASE_URL（資料庫擁有者的連線）');
  }
  return { databaseUrl, databaseDirectUrl, databaseAppUrl };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const production = nodeEnv === 'production';
  const storage = oneOf(env, 'FILE_STORAGE', ['local', 's3'], 'local');
  const config: AppConfig = {
    nodeEnv,
    host: env.HOST ?? '0.0.0.0',
    port: intFromEnv(env, 'PORT', 4000),
    ...databaseUrls(env),
    databasePoolSize: Math.max(1, intFromEnv(env, 'DATABASE_POOL_SIZE', 20)),
    requestConcurrency: Math.max(1, intFromEnv(env, 'REQUEST_CONCURRENCY', 32)),
    requestQueueMax: Math.max(0, intFromEnv(env, 'REQUEST_QUEUE_MAX', 5000)),
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownGraceSeconds: intFromEnv(env, 'SHUTDOWN_GRACE_SECONDS', 25),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data')),
    embeddedPgPort: intFromEnv(env, 'EMBEDDED_PG_PORT', 54329),
    piiEncryptionKey: env.PII_ENCRYPTION_KEY || undefined,
    // Demo accounts share one known password: never added to a production database unless asked for.
    seedDemo: boolFromEnv(env, 'SEED_DEMO', !production),
    clientDistDir: path.resolve(env.CLIENT_DIST_DIR ?? path.join(repoRoot, 'client', 'dist')),
    cookieSecure: boolFromEnv(env, 'COOKIE_SECURE', production),
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    sessionTtlHours: intFromEnv(env, 'SESSION_TTL_HOURS', 12),
    sessionCacheSeconds: intFromEnv(env, 'SESSION_CACHE_SECONDS', 30),
    login: {
      pairMaxFailures: intFromEnv(env, 'LOGIN_PAIR_MAX_FAILURES', 5),
      accountMaxFailures: intFromEnv(env, 'LOGIN_ACCOUNT_MAX_FAILURES', 50),
      // A whole school often shares one public address, so the address limit is far above the account limit.
      addressMaxFailures: intFromEnv(env, 'LOGIN_ADDRESS_MAX_FAILURES', 100),
      failureWindowSeconds: intFromEnv(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 15 * 60),
      lockBaseSeconds: intFromEnv(env, 'LOGIN_LOCK_BASE_SECONDS', 30),
      lockMaxSeconds: intFromEnv(env, 'LOGIN_LOCK_MAX_SECONDS', 15 * 60),
    },
    accounts: {
      suspendedAccess: oneOf(env, 'ACCOUNT_SUSPENDED_ACCESS', ['READ_ONLY', 'NONE'], 'READ_ONLY'),
      transferredReadOnlyDays: intFromEnv(env, 'ACCOUNT_TRANSFERRED_READ_ONLY_DAYS', 30),
      graduatedReadOnlyDays: intFromEnv(env, 'ACCOUNT_GRADUATED_READ_ONLY_DAYS', 365),
      temporaryAccessMaxDays: Math.max(1, intFromEnv(env, 'ACCOUNT_TEMPORARY_MAX_DAYS', 90)),
    },
    queryLimits: {
      maxDepth: intFromEnv(env, 'GRAPHQL_MAX_DEPTH', 10),
      maxCost: intFromEnv(env, 'GRAPHQL_MAX_COST', 20000),
      maxPageSize: 100,
    },
    websocket: {
      maxSocketsPerSession: intFromEnv(env, 'WS_MAX_SOCKETS_PER_SESSION', 10),
      maxSubscriptionsPerSocket: intFromEnv(env, 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 20),
    },
    introspection: !production,
    timeline: {
      confirmReceiptsMinDays: intFromEnv(env, 'TIMELINE_CONFIRM_MIN_DAYS', 3),
      closingSoonHours: intFromEnv(env, 'TIMELINE_CLOSING_SOON_HOURS', 72),
      recentlyClosedDays: intFromEnv(env, 'TIMELINE_RECENTLY_CLOSED_DAYS', 14),
      disputeAnswerDays: intFromEnv(env, 'DISPUTE_ANSWER_DAYS', 7),
      grade12UploadEndsAfter: monthDayFromEnv(env, 'GRADE12_UPLOAD_ENDS_AFTER', '04-01'),
      grade12SelectMinDays: intFromEnv(env, 'GRADE12_SELECT_MIN_DAYS', 3),
      rolloverOpensOn: monthDayFromEnv(env, 'ROLLOVER_OPENS_ON', '07-01'),
    },
    worker: {
      enabled: boolFromEnv(env, 'RUN_WORKER', true),
      concurrency: intFromEnv(env, 'WORKER_CONCURRENCY', 4),
      pollIntervalMs: intFromEnv(env, 'WORKER_POLL_INTERVAL_MS', 1000),
    },
    files: {
      dir: path.resolve(env.FILES_DIR ?? path.join(env.DATA_DIR ?? path.join(repoRoot, '.data'), 'files')),
      storage,
      s3: s3FromEnv(env, storage),
      importMaxBytes: intFromEnv(env, 'IMPORT_MAX_BYTES', 20 * 1024 * 1024),
      documentMaxBytes: intFromEnv(env, 'UPLOAD_DOCUMENT_MAX_BYTES', 4 * 1024 * 1024),
      mediaMaxBytes: intFromEnv(env, 'UPLOAD_MEDIA_MAX_BYTES', 10 * 1024 * 1024),
      slotMinutes: intFromEnv(env, 'UPLOAD_SLOT_MINUTES', 30),
      leftoverGraceHours: intFromEnv(env, 'LEFTOVER_GRACE_HOURS', 24),
    },
    imports: {
      maxRows: intFromEnv(env, 'IMPORT_MAX_ROWS', 50_000),
      maxUncompressedBytes: intFromEnv(env, 'IMPORT_MAX_UNCOMPRESSED_BYTES', 100 * 1024 * 1024),
    },
    portfolio: {
      maxSelectedOutcomes: intFromEnv(env, 'SELECT_MAX_OUTCOMES', 6),
      maxSelectedPerformances: intFromEnv(env, 'SELECT_MAX_PERFORMANCES', 10),
      replaceRejectedDuringCertification: boolFromEnv(env, 'REPLACE_REJECTED_DURING_CERTIFICATION', true),
      performanceCategories: performanceCategoriesFromEnv(env, 'PERFORMANCE_CATEGORIES'),
    },
    statistics: {
      suppressBelow: intFromEnv(env, 'STATS_SUPPRESS_BELOW', 0),
    },
    retention: {
      courseOutcomesDays: retentionPeriodFromEnv(env, 'RETENTION_COURSE_OUTCOMES_DAYS', 5 * 365 + 1),
      performancesDays: retentionPeriodFromEnv(env, 'RETENTION_PERFORMANCES_DAYS', 5 * 365 + 1),
      courseRecordsDays: retentionPeriodFromEnv(env, 'RETENTION_COURSE_RECORDS_DAYS', 5 * 365 + 1),
      cadreRecordsDays: retentionPeriodFromEnv(env, 'RETENTION_CADRE_RECORDS_DAYS', 5 * 365 + 1),
      receiptsDays: retentionPeriodFromEnv(env, 'RETENTION_RECEIPTS_DAYS', 5 * 365 + 1),
      submissionPackagesDays: retentionPeriodFromEnv(env, 'RETENTION_SUBMISSION_PACKAGES_DAYS', 5 * 365 + 1),
      counselingDays: retentionPeriodFromEnv(env, 'RETENTION_COUNSELING_DAYS', 365),
    },
    privacy: {
      accessLogRetentionDays: retentionDaysFromEnv(env, 'PII_ACCESS_LOG_RETENTION_DAYS', 5 * 365 + 1),
    },
    exchange: {
      signingKey: env.EXCHANGE_SIGNING_KEY?.trim() || undefined,
      trustedKeys: exchangeTrustedKeysFromEnv(env, 'EXCHANGE_TRUSTED_KEYS'),
    },
    sso: ssoFromEnv(env, production),
    centralGateway: oneOf(env, 'CENTRAL_GATEWAY', ['reference', 'file'], 'reference'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['silent', 'info', 'debug'], 'info'),
  };
  retentionOutlastsGraduates(config);
  return config;
}

/**
 * A graduate may sign in and download their whole portfolio for ACCOUNT_GRADUATED_READ_ONLY_DAYS: what the ZIP carries
 * must not be deleted before that (counseling records are not in it and may go sooner).
 */
function retentionOutlastsGraduates(config: AppConfig): void {
  const access = config.accounts.graduatedReadOnlyDays;
  const carried: [string, number][] = [
    ['RETENTION_COURSE_OUTCOMES_DAYS', config.retention.courseOutcomesDays],
    ['RETENTION_PERFORMANCES_DAYS', config.retention.performancesDays],
    ['RETENTION_COURSE_RECORDS_DAYS', config.retention.courseRecordsDays],
    ['RETENTION_CADRE_RECORDS_DAYS', config.retention.cadreRecordsDays],
    ['RETENTION_RECEIPTS_DAYS', config.retention.receiptsDays],
  ];
  for (const [name, days] of carried) {
    if (days !== 0 && days < access) {
      throw new Error(
        `環境變數 ${name}（${days} 天）不能短於 ACCOUNT_GRADUATED_READ_ONLY_DAYS（${access} 天）：畢業生在這段期間仍可下載完整學習歷程。`,
      );
    }
  }
}

export { repoRoot };

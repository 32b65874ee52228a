import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Cookie, Page, Request, Response } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { buildClient } from '../support/client-build.js';
import { SESSION_COOKIE } from '../../api/src/common/http-session.js';
import { login } from './graphql-http.js';
import type { ServerProcess } from './server-process.js';

/**
 * DevTools' "Fast 3G" as issue 17 gives it (150 ms of latency per request, 1.6 Mbps down, 750 kbps up) and a CPU four
 * times slower than this machine's: a mid-range phone on a poor school-yard connection, not a developer's laptop.
 */
export const THROTTLING = { latencyMs: 150, downloadKbps: 1600, uploadKbps: 750, cpuSlowdown: 4 };

/** The smallest width the client is laid out for (360–414 px): what a student's phone shows. */
const PHONE = { width: 360, height: 740 };

const PASSWORD = 'demo1234';
const STUDENT = 'sf.s101001';

/**
 * Whose menus are walked for the JavaScript of each page: the student, then staff until every page of the menu has
 * been opened by someone (each page is weighed once, by the first role here that has it).
 */
const ROLES = [
  { role: '學生', username: STUDENT },
  { role: '註冊組', username: 'sf.registration' },
  { role: '教學組', username: 'sf.teaching' },
  { role: '訓育組', username: 'sf.affairs' },
  { role: '導師', username: 'sf.homeroom' },
  { role: '課程諮詢教師', username: 'sf.counselor' },
  { role: '教育局', username: 'bureau.admin' },
];

const BASELINE_PAGE = 'bench-baseline.html';

/**
 * The floor the throttled network sets: one small page from the same server with the login form's field and nothing
 * else (no script, no style sheet, no request to the API). Anything the client takes beyond it is its own weight.
 */
const BASELINE_HTML = `<!doctype html>
<html lang="zh-Hant-TW">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>學生學習歷程檔案平臺</title>
  </head>
  <body>
    <form aria-label="登入"><label>帳號 <input name="username" autocomplete="username" required /></label></form>
  </body>
</html>
`;

export interface BenchClientBuild {
  dir: string;
  remove(): Promise<void>;
}

/**
 * Builds the client from the working tree, for production, into a folder of its own with the baseline page beside it:
 * client/dist may be an older build, or someone else's `npm start` may be serving it.
 */
export async function buildBenchClient(): Promise<BenchClientBuild> {
  const dir = await mkdtemp(path.join(tmpdir(), 'portfolio-bench-client-'));
  try {
    // vite.config.ts builds for production whatever NODE_ENV says; said here too, since a development React would
    // weigh half as much again and make every figure below meaningless.
    await buildClient(dir, { ...process.env, NODE_ENV: 'production' });
    await writeFile(path.join(dir, BASELINE_PAGE), BASELINE_HTML);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

type Marks = Partial<Record<'loginForm' | 'submit' | 'home', number>>;

/**
 * Runs in the page before its own code, so the moments are the page's own clock (milliseconds since the navigation
 * began), not when a poll from here happened to look. A moment is taken at the first frame after the DOM shows the
 * thing, since before that frame it is not on the screen. 首頁 counts as shown with the greeting, the student's
 * record and both of its lists answered (to-do and deadlines). Plain JavaScript in a string: the TypeScript loader
 * wraps named functions in a helper of its own that the page does not have.
 */
const PROBE = `(() => {
  const marks = {};
  window.benchMarks = marks;
  const atNextFrame = (name) => {
    if (name in marks) return;
    marks[name] = Number.NaN;
    requestAnimationFrame(() => { marks[name] = performance.now(); });
  };
  const usable = (element) =>
    element instanceof HTMLInputElement &&
    element.matches(':enabled') &&
    element.getClientRects().length > 0 &&
    getComputedStyle(element).visibility !== 'hidden';
  const homeShown = () =>
    Array.from(document.querySelectorAll('main h1, main h2')).some((h) => h.textContent.startsWith('歡迎')) &&
    document.querySelector('[aria-label="我的學籍資料"]') !== null &&
    document.querySelector('[data-testid="student-todo"] :is(ul, p)') !== null &&
    document.querySelector('[aria-label="我的期限"]') !== null;
  const check = () => {
    if (!('loginForm' in marks) && usable(document.querySelector('input[name="username"]'))) atNextFrame('loginForm');
    if (!('home' in marks) && homeShown()) atNextFrame('home');
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('submit', () => { marks.submit ??= performance.now(); }, true);
})();`;

async function markOf(page: Page, name: keyof Marks): Promise<number> {
  // Polled every 100 ms rather than every frame: the poll must not take the throttled CPU from the page it times.
  const handle = await page
    .waitForFunction(
      (mark) => {
        const value = (window as unknown as { benchMarks?: Marks }).benchMarks?.[mark as keyof Marks];
        return value !== undefined && !Number.isNaN(value) ? value : false;
      },
      name,
      { polling: 100, timeout: 120_000 },
    )
    .catch(async (error: unknown) => {
      // What the page shows instead (a refused sign-in, a page that changed what it shows) says more than a timeout.
      const shown = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      throw new Error(`${name} never showed; the page shows: ${shown.slice(0, 500)}`, { cause: error });
    });
  return (await handle.jsonValue()) as number;
}

interface Transfers {
  requests: number;
  /** Response headers and bodies as they came over the wire (compressed where the server compressed). */
  wireBytes: number;
}

/** What a page downloads, request by request; WebSockets are not requests here. */
function watchTransfers(page: Page): { since(mark: number): Promise<Transfers>; count(): number } {
  const finished: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    finished.push(
      request.sizes().then(
        (sizes) => sizes.responseBodySize + sizes.responseHeadersSize,
        () => 0,
      ),
    );
  });
  return {
    count: () => finished.length,
    since: async (mark) => {
      const sizes = await Promise.all(finished.slice(mark));
      return { requests: sizes.length, wireBytes: sizes.reduce((sum, size) => sum + size, 0) };
    },
  };
}

async function throttledPage(
  browser: Browser,
  cookies: Cookie[] = [],
): Promise<{ context: BrowserContext; page: Page }> {
  // A new context is a new cache and new connections: every load is a first visit.
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-TW', timezoneId: 'Asia/Taipei' });
  await context.addCookies(cookies);
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLING.latencyMs,
    downloadThroughput: (THROTTLING.downloadKbps * 1000) / 8,
    uploadThroughput: (THROTTLING.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
  return { context, page };
}

interface Run {
  baselineMs: number;
  loginFormMs: number;
  signInToHomeMs: number;
  homeColdMs: number;
  loginRequestMs: number;
  loginPage: Transfers;
  signIn: Transfers;
  homeCold: Transfers;
}

function operationOf(request: Request): string | undefined {
  try {
    return (request.postDataJSON() as { operationName?: string } | null)?.operationName;
  } catch {
    return undefined;
  }
}

async function baselineRun(browser: Browser, url: string): Promise<number> {
  const { context, page } = await throttledPage(browser);
  try {
    await page.goto(`${url}/${BASELINE_PAGE}`);
    return await markOf(page, 'loginForm');
  } finally {
    await context.close();
  }
}

/** A first visit to the login page, then signing in as the student until 首頁 shows its content. */
async function signInRun(
  browser: Browser,
  url: string,
): Promise<
  Pick<Run, 'loginFormMs' | 'signInToHomeMs' | 'loginRequestMs' | 'loginPage' | 'signIn'> & { cookies: Cookie[] }
> {
  const { context, page } = await throttledPage(browser);
  try {
    const transfers = watchTransfers(page);
    let loginRequestMs = Number.NaN;
    page.on('requestfinished', (request) => {
      if (operationOf(request) === 'Login') loginRequestMs = request.timing().responseEnd;
    });
    await page.goto(url);
    const loginFormMs = await markOf(page, 'loginForm');
    const loginPage = await transfers.since(0);
    const beforeSignIn = transfers.count();
    await page.locator('input[name="username"]').fill(STUDENT);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '登入' }).click();
    const homeAt = await markOf(page, 'home');
    const submitAt = await markOf(page, 'submit');
    await refuseProblem(page);
    return {
      loginFormMs,
      signInToHomeMs: homeAt - submitAt,
      loginRequestMs,
      loginPage,
      signIn: await transfers.since(beforeSignIn),
      cookies: await context.cookies(),
    };
  } finally {
    await context.close();
  }
}

/** The student opening the platform again later, still signed in, with nothing cached (a phone that cleared it). */
async function homeColdRun(
  browser: Browser,
  url: string,
  cookies: Cookie[],
): Promise<Pick<Run, 'homeColdMs' | 'homeCold'>> {
  const { context, page } = await throttledPage(browser, cookies);
  try {
    const transfers = watchTransfers(page);
    await page.goto(url);
    const homeColdMs = await markOf(page, 'home');
    await refuseProblem(page);
    return { homeColdMs, homeCold: await transfers.since(0) };
  } finally {
    await context.close();
  }
}

/** A page that shows an error has not shown its content, however fast. */
async function refuseProblem(page: Page): Promise<void> {
  const alert = page.locator('main [role="alert"]');
  if ((await alert.count()) > 0) throw new Error(`首頁 shows an error: ${await alert.first().textContent()}`);
}

export interface ScriptTransfer {
  file: string;
  /** What the browser asked for (Accept-Encoding) and what the server chose to send (Content-Encoding). */
  acceptEncoding: string;
  encoding: string;
  /** The body as sent (compressed), without headers. */
  bodyBytes: number;
  /** The JavaScript the browser has to parse. */
  decodedBytes: number;
}

/**
 * The scripts the page fetches from the platform. Others are left out: a PDF shown in a page brings Chromium's own
 * viewer, whose scripts come from the browser itself.
 */
function watchScripts(page: Page, origin: string): () => Promise<ScriptTransfer[]> {
  const pending: Promise<ScriptTransfer | null>[] = [];
  const transferOf = async (response: Response): Promise<ScriptTransfer | null> => {
    if (new URL(response.url()).origin !== origin) return null;
    const headers = await response.allHeaders();
    if (!headers['content-type']?.includes('javascript')) return null;
    await response.finished();
    const [sizes, body, request] = await Promise.all([
      response.request().sizes(),
      response.body(),
      response.request().allHeaders(),
    ]);
    return {
      file: new URL(response.url()).pathname,
      acceptEncoding: request['accept-encoding'] ?? '',
      encoding: headers['content-encoding'] ?? 'identity',
      bodyBytes: sizes.responseBodySize,
      decodedBytes: body.length,
    };
  };
  page.on('response', (response) => pending.push(transferOf(response)));
  return async () => (await Promise.all(pending)).filter((transfer) => transfer !== null);
}

export interface RouteWeight {
  /** The route as pages.tsx names it, and the address it was opened at (an id filled in). */
  path: string;
  address: string;
  /** Whose menu has it; a page reached from another one by a link with an id is listed under the roles that opened it. */
  roles: string[];
  label: string;
  /** The scripts this page fetched beyond the entry bundle, opened by its address in a fresh browser. */
  files: string[];
  encodings: string[];
  bodyBytes: number;
  decodedBytes: number;
}

const total = (transfers: ScriptTransfer[], key: 'bodyBytes' | 'decodedBytes') =>
  transfers.reduce((sum, transfer) => sum + transfer[key], 0);

/** Waits until the page behind an address has rendered (a heading in main) and fetched all it fetches. */
async function settled(page: Page): Promise<string> {
  const heading = page.locator('main :is(h1, h2)').first();
  await heading.waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  return (await heading.textContent()) ?? '';
}

const REFUSED = ['找不到這個頁面', '您沒有權限開啟這個頁面', '無法載入這個頁面'];

/** Every page of the signed-in client, as client/src/routes/pages.tsx lists them (path and label). */
async function clientPages(repoRoot: string): Promise<{ path: string; label: string }[]> {
  const source = await readFile(path.join(repoRoot, 'client/src/routes/pages.tsx'), 'utf8');
  const pages = Array.from(source.matchAll(/path:\s*'([^']+)',\s*label:\s*'([^']+)'/g), (match) => ({
    path: match[1]!,
    label: match[2]!,
  }));
  if (pages.length === 0)
    throw new Error('no page found in client/src/routes/pages.tsx: has its PAGES list changed shape?');
  return pages;
}

interface OpenedPage {
  heading: string;
  own: ScriptTransfer[];
  /** The addresses this page links to, where a page reached only by a link with an id is found. */
  links: string[];
  /** The menu's addresses: what this person may open. */
  menu: string[];
}

/** Cookies as a browser context takes them: a session cookie made here has no expiry or flags of its own. */
type SessionCookies = Parameters<BrowserContext['addCookies']>[0];

/** Opens one address in a fresh browser (nothing cached), signed in, and keeps the scripts beyond the entry bundle. */
async function openCold(
  browser: Browser,
  url: string,
  cookies: SessionCookies,
  href: string,
  entry: Set<string>,
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: PHONE });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    const scripts = watchScripts(page, new URL(url).origin);
    await page.goto(`${url}/${href}`);
    const heading = await settled(page);
    const hrefs = (selector: string) =>
      page.locator(selector).evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    return {
      heading,
      own: (await scripts()).filter((transfer) => !entry.has(transfer.file)),
      links: await hrefs('main a[href^="#/"]'),
      menu: await hrefs('nav[aria-label="主選單"] a[href^="#/"]'),
    };
  } finally {
    await context.close();
  }
}

/** `/classes/:classId/students` → a test for `#/classes/<anything>/students`. */
const addressPattern = (route: string) =>
  new RegExp(`^#${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/?#]+')}$`);

/**
 * The JavaScript of the entry bundle (what the login page loads), then of every page in pages.tsx that the roles in
 * ROLES can open: menu pages by their address, pages with an id in their address at the first link to one found on
 * a menu page. Each is opened in a fresh browser, signed in: what that page costs the first time it is opened.
 * Unthrottled, since bytes do not depend on the speed of the line.
 */
async function routeWeights(browser: Browser, url: string, repoRoot: string) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const scripts = watchScripts(page, new URL(url).origin);
  await page.goto(url);
  await page.locator('input[name="username"]').waitFor();
  await page.waitForLoadState('networkidle');
  const entry = await scripts();
  await context.close();
  const entryFiles = new Set(entry.map((transfer) => transfer.file));

  const pages = await clientPages(repoRoot);
  const weights = new Map<string, RouteWeight>();
  // Weighs a page opened for the first time, and the pages with an id in their address that it links to.
  const note = async (route: string, href: string, role: string, cookies: SessionCookies, opened: OpenedPage) => {
    if (REFUSED.some((refusal) => opened.heading.includes(refusal)))
      throw new Error(`${role} ${href}: ${opened.heading}`);
    weights.set(route, {
      path: route,
      address: href.replace(/^#/, ''),
      roles: [role],
      label: pages.find((candidate) => candidate.path === route)?.label ?? '(not in pages.tsx)',
      files: opened.own.map((transfer) => transfer.file),
      encodings: [...new Set(opened.own.map((transfer) => transfer.encoding))],
      bodyBytes: total(opened.own, 'bodyBytes'),
      decodedBytes: total(opened.own, 'decodedBytes'),
    });
    // Looked for on the page of their first segment (a class's students on 班級, a student on 學生名單), the way
    // the client's addresses are laid out.
    const section = route.split('/')[1];
    for (const target of pages) {
      if (!target.path.includes(':') || target.path.split('/')[1] !== section || weights.has(target.path)) continue;
      const link = opened.links.find((candidate) => addressPattern(target.path).test(candidate));
      if (link) await weigh(target.path, link, role, cookies);
    }
  };
  const weigh = async (route: string, href: string, role: string, cookies: SessionCookies): Promise<void> => {
    const known = weights.get(route);
    if (known) {
      if (!known.roles.includes(role)) known.roles.push(role);
      return;
    }
    await note(route, href, role, cookies, await openCold(browser, url, cookies, href, entryFiles));
  };
  for (const { role, username } of ROLES) {
    // Signed in over the API, not the form: the form is timed above, and a browser sign-in per role costs seconds.
    const token = await login(`${url}/graphql`, username, PASSWORD);
    const cookies = [{ name: SESSION_COOKIE, value: token, url }];
    // 首頁 is opened for every role: everyone lands there, and its menu says which pages this role may open.
    const home = await openCold(browser, url, cookies, '#/', entryFiles);
    const known = weights.get('/');
    if (known) known.roles.push(role);
    else await note('/', '#/', role, cookies, home);
    for (const href of home.menu) await weigh(href.replace(/^#/, ''), href, role, cookies);
  }
  return {
    entry,
    routes: [...weights.values()],
    // Pages no role above has in its menu, or with an id in their address and no link to one in the demo data.
    notOpened: pages.filter((candidate) => !weights.has(candidate.path)).map((p) => `${p.path} (${p.label})`),
  };
}

export interface BuiltScript {
  file: string;
  bytes: number;
  brotliBytes: number | null;
  gzipBytes: number | null;
}

/** Every script the build made, with its precompressed copies: the whole client, opened or not. */
async function builtScripts(clientDir: string): Promise<BuiltScript[]> {
  const assets = path.join(clientDir, 'assets');
  const sizeOf = (file: string) =>
    stat(path.join(assets, file)).then(
      (info) => info.size,
      () => null,
    );
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  const scripts = await Promise.all(
    files.map(async (file) => ({
      file: `/assets/${file}`,
      bytes: (await sizeOf(file))!,
      brotliBytes: await sizeOf(`${file}.br`),
      gzipBytes: await sizeOf(`${file}.gz`),
    })),
  );
  return scripts.sort((a, b) => b.bytes - a.bytes);
}

export interface TimingSummary {
  measure: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runsMs: number[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summary(measure: string, values: number[]): TimingSummary {
  const rounded = values.map((value) => Math.round(value));
  return {
    measure,
    medianMs: Math.round(median(values)),
    minMs: Math.min(...rounded),
    maxMs: Math.max(...rounded),
    runsMs: rounded,
  };
}

const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

/**
 * The client's weight on a slow phone: throttled first visits (the login form usable; 首頁 after signing in as a
 * student; 首頁 opened again signed in with nothing cached) beside the same throttled first visit of a tiny page from
 * the same server, alternated run by run so both see the same machine; then the JavaScript of the entry bundle and
 * of each page, unthrottled.
 */
export async function clientBenchmark(
  server: ServerProcess,
  options: { clientDir: string; repoRoot: string; runs: number },
) {
  if (!Number.isInteger(options.runs) || options.runs < 1)
    throw new Error(`runs must be 1 or more, not ${options.runs}`);
  const started = performance.now();
  const loadBefore = os.loadavg().map((load) => Number(load.toFixed(2)));
  const browser = await launchBrowser();
  try {
    const runs: Run[] = [];
    // Round 0 is a warm-up, not counted: the server's first answers (static files from disk, JIT, the first queries
    // of the student) are not the client's weight.
    for (let round = 0; round <= options.runs; round += 1) {
      const baselineMs = await baselineRun(browser, server.url);
      const { cookies, ...signIn } = await signInRun(browser, server.url);
      const homeCold = await homeColdRun(browser, server.url, cookies);
      if (round > 0) runs.push({ baselineMs, ...signIn, ...homeCold });
    }
    const timedSeconds = (performance.now() - started) / 1000;
    const weights = await routeWeights(browser, server.url, options.repoRoot);
    const build = await builtScripts(options.clientDir);

    const timing = (measure: string, pick: (run: Run) => number) => summary(measure, runs.map(pick));
    const baseline = timing('baseline: tiny page, field usable', (run) => run.baselineMs);
    const loginForm = timing('login form usable (cold)', (run) => run.loginFormMs);
    const signInToHome = timing('sign-in → 首頁 content', (run) => run.signInToHomeMs);
    const homeCold = timing('首頁 content, signed in (cold)', (run) => run.homeColdMs);
    // The part of sign-in → 首頁 that is the server checking the password (argon2) and the line, not the client.
    const loginRequest = timing('  of which the Login request', (run) => run.loginRequestMs);
    const transfers = (pick: (run: Run) => Transfers) => ({
      requests: median(runs.map((run) => pick(run).requests)),
      wireBytes: median(runs.map((run) => pick(run).wireBytes)),
    });
    return {
      throttling: THROTTLING,
      viewport: PHONE,
      runs: options.runs,
      acceptEncoding: [...new Set(weights.entry.map((transfer) => transfer.acceptEncoding))].join(' | '),
      timings: [baseline, loginForm, signInToHome, loginRequest, homeCold],
      ratio: {
        loginFormVsBaseline: ratio(loginForm.medianMs, baseline.medianMs),
        signInToHomeVsBaseline: ratio(signInToHome.medianMs, baseline.medianMs),
        homeColdVsBaseline: ratio(homeCold.medianMs, baseline.medianMs),
      },
      transfers: {
        loginPage: transfers((run) => run.loginPage),
        signInToHome: transfers((run) => run.signIn),
        homeCold: transfers((run) => run.homeCold),
      },
      entry: {
        files: weights.entry,
        bodyBytes: total(weights.entry, 'bodyBytes'),
        decodedBytes: total(weights.entry, 'decodedBytes'),
      },
      routes: weights.routes,
      notOpened: weights.notOpened,
      build: {
        scripts: build,
        bytes: build.reduce((sum, script) => sum + script.bytes, 0),
        brotliBytes: build.reduce((sum, script) => sum + (script.brotliBytes ?? script.bytes), 0),
      },
      loadAverage: { before: loadBefore, after: os.loadavg().map((load) => Number(load.toFixed(2))) },
      seconds: {
        throttledRuns: Number(timedSeconds.toFixed(1)),
        all: Number(((performance.now() - started) / 1000).toFixed(1)),
      },
    };
  } finally {
    await browser.close();
  }
}

export type ClientBenchResult = Awaited<ReturnType<typeof clientBenchmark>>;

const kib = (bytes: number) => Number((bytes / 1024).toFixed(1));
/** `index-C2Ur3Hjc.js` → `index`: the name without the content hash the build adds. */
const chunkName = (file: string) => path.basename(file).replace(/-[\w-]{8}\.js$/, '');

/** The tables `npm run bench client` prints. */
export function printClientResult(result: ClientBenchResult): void {
  const { throttling: t } = result;
  console.log(
    `\nclient on a throttled phone (${t.latencyMs} ms latency, ${t.downloadKbps} kbps down, ${t.uploadKbps} kbps up,` +
      ` CPU ÷${t.cpuSlowdown}, ${result.viewport.width}×${result.viewport.height}), median of ${result.runs} runs` +
      ` alternated with the baseline; Accept-Encoding: ${result.acceptEncoding}:`,
  );
  console.table(result.timings.map((timing) => ({ ...timing, runsMs: timing.runsMs.join(' ') })));
  console.log('ratio:', result.ratio);
  console.log('transferred (median requests and KiB on the wire, headers included):');
  console.table(
    Object.entries(result.transfers).map(([phase, transfer]) => ({
      phase,
      requests: transfer.requests,
      KiB: kib(transfer.wireBytes),
    })),
  );
  console.log('JavaScript: the entry bundle, then what each page adds when first opened by its address (KiB):');
  console.table([
    {
      role: '—',
      page: 'entry (login page)',
      sent: kib(result.entry.bodyBytes),
      decoded: kib(result.entry.decodedBytes),
      encoding: [...new Set(result.entry.files.map((file) => file.encoding))].join(', '),
      chunks: result.entry.files.map((file) => chunkName(file.file)).join(' '),
    },
    ...result.routes.map((route) => ({
      role: route.roles.join(' '),
      page: `${route.label} ${route.path}`,
      sent: kib(route.bodyBytes),
      decoded: kib(route.decodedBytes),
      encoding: route.encodings.join(', '),
      chunks: route.files.map(chunkName).join(' '),
    })),
  ]);
  if (result.notOpened.length > 0) console.log('not opened by address:', result.notOpened.join(', '));
  console.log(
    `the whole build: ${result.build.scripts.length} scripts, ${kib(result.build.bytes)} KiB` +
      ` (${kib(result.build.brotliBytes)} KiB as brotli); the largest:`,
  );
  console.table(
    result.build.scripts.slice(0, 5).map((script) => ({
      chunk: chunkName(script.file),
      KiB: kib(script.bytes),
      brotliKiB: script.brotliBytes === null ? null : kib(script.brotliBytes),
      gzipKiB: script.gzipBytes === null ? null : kib(script.gzipBytes),
    })),
  );
  console.log(
    `${result.seconds.all} s (${result.seconds.throttledRuns} s of them throttled runs); load average` +
      ` ${result.loadAverage.before[0]} → ${result.loadAverage.after[0]}`,
  );
}

import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveBrowser = existsSync(chromiumPath);

if (!haveBrowser && process.env.CI) {
  throw new Error(
    `No Chromium at ${chromiumPath}: CI must run the browser tests (apt-get install -y chromium, or set CHROMIUM_PATH).`,
  );
}

/** Debian's Chromium, headless, with nothing that reaches out to the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

const policyViolations = new WeakMap<Page, string[]>();

/** What the Content-Security-Policy refused on this page since it opened (the console says so); none is the bar. */
export const cspViolationsOf = (page: Page): string[] => policyViolations.get(page) ?? [];

/** Opens the app and signs in through the login form; the browser sits in New York to prove dates are Taipei's. */
export async function signIn(browser: Browser, url: string, username: string, password: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-TW', timezoneId: 'America/New_York' });
  const violations: string[] = [];
  policyViolations.set(page, violations);
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(url);
  await page.getByLabel('帳號').fill(username);
  await page.getByLabel('密碼').fill(password);
  await page.getByRole('button', { name: '登入' }).click();
  return page;
}

/** What axe-core finds on the page as it is now (WCAG 2.1 A and AA rules); an empty list is the bar. */
export async function accessibilityViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  // Evaluated through the DevTools protocol: the platform's Content-Security-Policy refuses an injected <script>.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/** What sticks out past the right edge of the window, to say why a page scrolls sideways. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} 「${(element.textContent ?? '').slice(0, 30)}」`,
      ),
  );
}

/** Whether the page scrolls sideways at its current width (a phone must never have to). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Opens a page from the main menu and waits until it is there and settled: a page's code is fetched when first opened. */
export async function openFromMenu(page: Page, label: string): Promise<void> {
  const link = page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: label, exact: true });
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await page.waitForURL((url) => url.hash === href);
  // The address changes before a page's code has arrived, and the old page stays on screen meanwhile: the tab's title
  // is set by the new page itself, so it says the new page is there; its heading may follow once its data has loaded.
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe(`${label}｜學生學習歷程檔案平臺`);
  await page
    .locator('main h1')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(async () => expect.fail(`「${label}」 shows no heading: ${await page.locator('main').innerText()}`));
  await page.waitForLoadState('networkidle');
}

/** A phone must never scroll sideways, and axe-core finds nothing, with whatever is open now. */
export async function expectFitsAndAccessible(page: Page, where: string): Promise<void> {
  if (await scrollsSideways(page)) expect.fail(`${where} scrolls sideways: ${await overflowingElements(page)}`);
  expect(await accessibilityViolations(page), where).toEqual([]);
}

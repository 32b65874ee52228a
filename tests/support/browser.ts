import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** Opens the app and signs in through the login form; the browser sits in New York to prove dates are Taipei's. */
export async function signIn(browser: Browser, url: string, username: string, password: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-TW', timezoneId: 'America/New_York' });
  await page.goto(url);
  await page.getByLabel('帳號').fill(username);
  await page.getByLabel('密碼').fill(password);
  await page.getByRole('button', { name: '登入' }).click();
  return page;
}

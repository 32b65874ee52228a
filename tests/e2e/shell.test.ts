import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../api/src/config.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(chromiumPath);
if (!haveBrowser && process.env.CI) {
  throw new Error(
    `No Chromium at ${chromiumPath}: CI must run the browser tests (apt-get install -y chromium, or set CHROMIUM_PATH).`,
  );
}

let app: TestApp;
let school: TestSchool;
let browser: Browser;
let distDir: string;

async function signIn(username: string, password: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'zh-TW', timezoneId: 'America/New_York' });
  await page.goto(app.url);
  await page.getByLabel('帳號').fill(username);
  await page.getByLabel('密碼').fill(password);
  await page.getByRole('button', { name: '登入' }).click();
  return page;
}

describe.skipIf(!haveBrowser)('the client shell in Chromium', () => {
  beforeAll(async () => {
    // Build the client from the current sources, so the test never runs an old bundle.
    distDir = await mkdtemp(path.join(tmpdir(), 'portfolio-client-'));
    await promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', distDir, '--logLevel', 'error'],
      {
        cwd: path.join(repoRoot, 'client'),
      },
    );
    app = await startTestApp({ CLIENT_DIST_DIR: distDir });
    school = await (await app.factory.city()).school();
    browser = await chromium.launch({
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
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (distDir) await rm(distDir, { recursive: true, force: true });
  });

  it('shows a student their name, school and division, role, term and the date in ROC form', async () => {
    const page = await signIn(school.logins.student.username, school.logins.student.password);
    await expect.poll(() => page.getByTestId('viewer-name').textContent()).toBe(school.students[0]!.name);
    expect(await page.getByTestId('viewer-school').textContent()).toBe(`${school.school.name} 日間部`);
    expect(await page.getByTestId('viewer-roles').textContent()).toBe('學生');
    expect(await page.getByTestId('current-term').textContent()).toBe('115學年度第1學期');
    // The server's clock says 28 November 2026 09:00 in Taipei; the browser sits in New York, where it is still the 27th.
    expect(await page.getByTestId('today').textContent()).toBe('今天 115/11/28');
    await expect.poll(() => page.getByTestId('live-clock').textContent(), { timeout: 10_000 }).toMatch(/即時連線/);

    const nav = await page.getByRole('navigation', { name: '主選單' }).getByRole('link').allTextContents();
    expect(nav).toEqual(['首頁', '登入裝置']);
    const card = page.getByLabel('我的學籍資料');
    expect(await card.textContent()).toContain(school.students[0]!.studentNumber);
    expect(await card.textContent()).toMatch(/[A-Z]\d{2}\*{4}\d{3}/);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-student.png') });
    await page.close();
  });

  it('shows 註冊組 staff the student list with full national IDs, and logs out', async () => {
    const page = await signIn(school.logins.registration.username, school.logins.registration.password);
    await expect.poll(() => page.getByTestId('viewer-roles').textContent()).toBe('學校行政人員（註冊組）');
    const nav = page.getByRole('navigation', { name: '主選單' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['首頁', '學生名單', '班級', '登入裝置']);
    await nav.getByRole('link', { name: '學生名單' }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(school.students.length + 1);
    expect(await table.textContent()).toContain(school.students[0]!.name);
    expect(await table.textContent()).toMatch(/[A-Z][12]\d{8}/);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-staff.png') });

    await page.getByRole('button', { name: '登出' }).click();
    await expect.poll(() => page.getByRole('button', { name: '登入' }).count()).toBe(1);
    await page.close();
  });

  it('tells a user with a wrong password, in Chinese', async () => {
    const page = await signIn(school.logins.teacher.username, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('帳號或密碼錯誤，請再試一次。');
    await page.close();
  });
});

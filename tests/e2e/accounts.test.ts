import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  cspViolationsOf,
  haveBrowser,
  launchBrowser,
  scrollsSideways,
  signIn as openAndSignIn,
} from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let browser: Browser;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

async function signIn(login: { username: string; password: string }, size: typeof PHONE): Promise<Page> {
  const page = await openAndSignIn(browser, app.url, login.username, login.password);
  await page.setViewportSize(size);
  await page.getByTestId('viewer-name').waitFor();
  await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '帳號與權限' }).click();
  return page;
}

const sectionsOf = async (username: string) =>
  (
    await app.sqlOne<{ admin_sections: string[] }>(
      'select admin_sections from user_account where school_id = ? and username = ?',
      [school.school.id, username],
    )
  ).admin_sections;

const card = (page: Page, username: string) =>
  page.getByTestId('account').filter({ has: page.getByText(username, { exact: true }) });

describe.skipIf(!haveBrowser)('帳號與權限 in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    city = await app.factory.city();
    school = await city.school();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the bureau appoint a school’s 執行秘書 on a phone', async () => {
    const page = await signIn(city.bureauLogin, PHONE);
    await page.getByLabel('學校').selectOption({ label: `${school.school.code} ${school.school.name} 日間部` });
    const homeroom = card(page, school.logins.homeroom.username);
    await homeroom.getByLabel('執行秘書').check();
    await expect.poll(() => sectionsOf(school.logins.homeroom.username)).toEqual(['COORDINATOR']);
    await expect.poll(() => homeroom.textContent()).toContain('學校行政人員（執行秘書）');
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-accounts-bureau-phone.png'), fullPage: true });
    expect(await scrollsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(cspViolationsOf(page)).toEqual([]);
    await page.close();
  });

  it('lets 資訊組 grant 教學組 and reset a teacher’s password, but not touch 註冊組', async () => {
    const page = await signIn(school.logins.teaching, DESKTOP);
    const teacher = card(page, school.logins.teacher.username);
    expect(await teacher.getByLabel('註冊組').isDisabled()).toBe(true);
    expect(await teacher.getByLabel('執行秘書').isDisabled()).toBe(true);
    await teacher.getByLabel('教學組').check();
    await expect.poll(() => sectionsOf(school.logins.teacher.username)).toEqual(['TEACHING']);

    // 註冊組's own account: no password reset offered to 資訊組.
    const registration = card(page, school.logins.registration.username);
    expect(await registration.getByRole('button', { name: '重設密碼' }).count()).toBe(0);

    page.once('dialog', (dialog) => void dialog.accept());
    await card(page, school.logins.counselor.username).getByRole('button', { name: '重設密碼' }).click();
    const shown = page.getByTestId('temporary-password');
    await shown.waitFor();
    const password = (await shown.locator('code').textContent())!;
    expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
    expect(await app.client().login(school.logins.counselor.username, password)).toBeTruthy();
    expect(await scrollsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-accounts-it-desktop.png'), fullPage: true });

    await page.setViewportSize(PHONE);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-accounts-it-phone.png'), fullPage: true });
    expect(await scrollsSideways(page)).toBe(false);
    await page.close();
  });
});

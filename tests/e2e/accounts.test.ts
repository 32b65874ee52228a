import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cspViolationsOf,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  openFromMenu,
  signIn as openAndSignIn,
} from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let browser: Browser;

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1366, height: 768 };

async function signIn(login: { username: string; password: string }, size: typeof PHONE): Promise<Page> {
  const page = await openAndSignIn(browser, app.url, login.username, login.password);
  await page.setViewportSize(size);
  await page.getByTestId('viewer-name').waitFor();
  await openFromMenu(page, '帳號與權限');
  return page;
}

const accountRow = async (username: string) =>
  app.sqlOne<{ admin_sections: string[]; roles: string[]; active: boolean }>(
    'select admin_sections, roles, active from user_account where school_id = ? and username = ?',
    [school.school.id, username],
  );

const row = (page: Page, username: string) =>
  page.getByTestId('account').filter({ has: page.getByText(username, { exact: true }) });

/** Reads the one-time password the page shows, and closes the notice. */
async function oneTimePassword(page: Page): Promise<string> {
  const shown = page.getByTestId('temporary-password');
  await shown.waitFor();
  expect(await shown.textContent()).toContain('這組密碼只顯示這一次');
  const password = (await shown.locator('code').textContent())!;
  expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
  await shown.getByRole('button', { name: '我已記下' }).click();
  await shown.waitFor({ state: 'detached' });
  return password;
}

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;

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

  it('lets the bureau appoint a school’s 執行秘書 and reset its 資訊組 account on a phone', async () => {
    const page = await signIn(city.bureauLogin, PHONE);
    await page.getByLabel('學校').selectOption({ label: `${school.school.code} ${school.school.name} 日間部` });
    // The school is in the address, so a link can open it directly (the 所轄學校 page, say).
    await page.waitForURL((url) => url.hash.includes('school='));

    const homeroom = school.logins.homeroom.username;
    await row(page, homeroom).getByRole('button', { name: '身分與職務 導師' }).click();
    const dialog = page.getByRole('dialog', { name: '導師 的身分與職務' });
    await dialog.getByLabel('執行秘書').check();
    await expect.poll(async () => (await accountRow(homeroom)).admin_sections).toEqual(['COORDINATOR']);
    await expectFitsAndAccessible(page, 'the roles dialog on a phone');
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => row(page, homeroom).textContent()).toContain('學校行政人員（執行秘書）');

    // The bureau resets the school's 資訊組 account (an office account: only 執行秘書 or the bureau may).
    const it = school.logins.teaching.username;
    await page.getByLabel('帳號、姓名或學號').fill(it);
    await page.getByRole('button', { name: '搜尋', exact: true }).click();
    await expect.poll(() => page.getByTestId('account').count()).toBe(1);
    await row(page, it).getByRole('button', { name: '重設密碼 教學組長' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '確定重設' }).click();
    const password = await oneTimePassword(page);
    expect(await app.client().login(it, password)).toBeTruthy();

    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-accounts-bureau-phone.png'), fullPage: true });
    await expectFitsAndAccessible(page, 'the bureau’s account page on a phone');
    expect(cspViolationsOf(page)).toEqual([]);
    await page.close();
  });

  for (const [size, name] of [
    [PHONE, 'a phone'],
    [DESKTOP, 'a desktop'],
  ] as const) {
    it(`lets 資訊組 search a student, reset, disable and enable on ${name}, but not touch 註冊組`, async () => {
      const target = await city.school();
      school = target;
      const page = await signIn(target.logins.teaching, size);
      await expectFitsAndAccessible(page, `the account page on ${name}`);

      // 註冊組's own account: 資訊組 may neither reset nor disable it.
      const registration = row(page, target.logins.registration.username);
      await registration.waitFor();
      expect(await registration.getByRole('button', { name: /重設密碼/ }).count()).toBe(0);
      expect(await registration.getByRole('button', { name: /停用/ }).count()).toBe(0);

      // Search a student by 學號; the search is in the address.
      const student = target.students[0]!;
      const username = target.logins.student.username;
      await page.getByLabel('帳號、姓名或學號').fill(student.studentNumber);
      await page.getByRole('button', { name: '搜尋', exact: true }).click();
      await page.waitForURL((url) => url.hash.includes(`q=${student.studentNumber}`));
      await page.getByLabel('類別').selectOption({ label: '學生' });
      await page.waitForURL((url) => url.hash.includes('kind=STUDENT'));
      await expect.poll(() => page.getByTestId('account').count()).toBe(1);
      const found = row(page, username);
      expect(await found.textContent()).toContain('在學');

      // Reset: confirmed in a dialog, the password shown once, usable once and then to be changed.
      await found.getByRole('button', { name: `重設密碼 ${student.name}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: '確定重設' }).click();
      const password = await oneTimePassword(page);
      const signedIn = await app.client().login(username, password);
      expect(
        (await signedIn.ok<{ me: { passwordIsTemporary: boolean } }>('{ me { passwordIsTemporary } }')).me,
      ).toEqual({ passwordIsTemporary: true });
      await expect.poll(() => found.textContent()).toContain('須變更密碼');

      // Disable: confirmed, the session ends, login says it is disabled; then enable again.
      await found.getByRole('button', { name: `停用 ${student.name}` }).click();
      const confirm = page.getByRole('dialog', { name: `停用 ${student.name}` });
      await expectFitsAndAccessible(page, `the disable dialog on ${name}`);
      await confirm.getByRole('button', { name: '確定停用' }).click();
      await expect.poll(async () => (await accountRow(username)).active).toBe(false);
      await expect.poll(() => found.textContent()).toContain('停用');
      expect((await signedIn.ok<{ me: null }>('{ me { id } }')).me).toBeNull();
      const refused = await app
        .client()
        .ok<{ login: { userErrors: { code: string }[] } }>(LOGIN, { input: { username, password } });
      expect(refused.login.userErrors.map((e) => e.code)).toEqual(['ACCOUNT_DISABLED']);

      await found.getByRole('button', { name: `啟用 ${student.name}` }).click();
      await expect.poll(async () => (await accountRow(username)).active).toBe(true);
      await page.getByRole('status').filter({ hasText: '已啟用' }).waitFor();

      await page.screenshot({
        path: path.join(tmpdir(), `portfolio-e2e-accounts-it-${size.width}.png`),
        fullPage: true,
      });
      await expectFitsAndAccessible(page, `the account page after the changes on ${name}`);
      expect(cspViolationsOf(page)).toEqual([]);

      // The filters survive a reload.
      await page.reload();
      await expect.poll(() => page.getByTestId('account').count()).toBe(1);
      expect(await page.getByLabel('類別').inputValue()).toBe('STUDENT');
      await page.close();
    });
  }
});

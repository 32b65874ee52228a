import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  cspViolationsOf,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  scrollsSideways,
  signIn,
} from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let school: TestSchool;
let browser: Browser;

describe.skipIf(!haveBrowser)('登入裝置 and the password change in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    school = await (await app.factory.city()).school();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('holds a teacher with a reset password to setting their own, on a phone, then opens the page they asked for', async () => {
    const it = await app.client().login(school.logins.teaching.username, school.logins.teaching.password);
    const account = await app.sqlOne<{ id: string }>(
      'select id from user_account where school_id = ? and username = ?',
      [school.school.id, school.logins.teacher.username],
    );
    const { toGlobalId } = await import('../../api/src/common/ids.js');
    const reset = await it.ok<{ resetAccountPassword: { temporaryPassword: string } }>(
      'mutation ($input: ResetAccountPasswordInput!) { resetAccountPassword(input: $input) { temporaryPassword } }',
      { input: { accountId: toGlobalId('UserAccount', account.id) } },
    );
    const temporary = reset.resetAccountPassword.temporaryPassword;

    // The address asked for opens once the person has set their own password.
    const page = await signIn(browser, `${app.url}/#/sessions`, school.logins.teacher.username, temporary);
    await page.setViewportSize({ width: 390, height: 844 });
    const gate = page.getByRole('heading', { level: 1, name: '設定新密碼' });
    await gate.waitFor();
    expect(await page.title()).toBe('設定新密碼｜學生學習歷程檔案平臺');
    // Nothing else is offered meanwhile: no menu entries, and the server refuses other work anyway.
    expect(await page.getByRole('navigation', { name: '主選單' }).getByRole('link').count()).toBe(0);
    await expectFitsAndAccessible(page, 'the first-password gate at 390 px');
    await page.getByLabel('初始密碼單或重設後的密碼').fill(temporary);
    await page.getByLabel('新密碼', { exact: true }).fill('short');
    await page.getByLabel('再輸入一次新密碼').fill('short');
    await page.getByRole('button', { name: '變更密碼' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('新密碼須為 10 到 200 個字元。');
    await page.getByLabel('新密碼', { exact: true }).fill('password12345');
    await page.getByLabel('再輸入一次新密碼').fill('password12345');
    await page.getByRole('button', { name: '變更密碼' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('太常見');
    await page.getByLabel('新密碼', { exact: true }).fill('Mountain-river-2026');
    await page.getByLabel('再輸入一次新密碼').fill('Mountain-river-2026');
    await page.getByRole('button', { name: '變更密碼' }).click();
    await page.getByRole('heading', { level: 1, name: '登入裝置' }).waitFor();
    await expect.poll(() => gate.count()).toBe(0);
    // The device is named as people say it (browser and system); the raw user agent stays in the cell's title.
    const device = page.getByRole('region', { name: '登入中的裝置' }).locator('td.ua').first();
    expect(await device.textContent()).toMatch(/Chrom\S*／Linux 電腦/);
    expect(await device.getAttribute('title')).toMatch(/^Mozilla\/5\.0 /);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(cspViolationsOf(page)).toEqual([]);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-password-phone.png'), fullPage: true });
    expect(await app.client().login(school.logins.teacher.username, 'Mountain-river-2026')).toBeTruthy();
    await page.close();
  });
});

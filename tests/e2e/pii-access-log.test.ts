import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import {
  cspViolationsOf,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  openFromMenu,
  signIn,
} from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let school: TestSchool;
let browser: Browser;

describe.skipIf(!haveBrowser)('誰看過我的資料 in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    school = await (await app.factory.city()).school();
    browser = await launchBrowser();
    // 註冊組 reads the student's full national ID once, through the API.
    const registration = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    await registration.ok(`query ($id: ID!) { node(id: $id) { ... on Student { nationalId } } }`, {
      id: toGlobalId('Student', school.students[0]!.id),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const size of [
    { width: 360, height: 780 },
    { width: 1366, height: 768 },
  ]) {
    it(`shows the student the office and the time of the read at ${size.width} px, and no staff name`, async () => {
      const page = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
      await page.setViewportSize(size);
      await page.getByTestId('viewer-name').waitFor();
      await openFromMenu(page, '誰看過我的資料');
      expect(await page.locator('h1').count()).toBe(1);
      const log = page.getByRole('region', { name: '誰看過我的資料' });
      const row = log.locator('tbody tr').first();
      await row.waitFor();
      // The test server's clock stands at 115/11/28 09:00 in Taipei.
      expect(await row.locator('td').allInnerTexts()).toEqual(['115/11/28 09:00', '註冊組', '檢視完整身分證號']);
      expect(await log.innerText()).not.toContain('註冊組長');
      expect(await page.getByText('紀錄保存 5 年').count()).toBe(1);
      await expectFitsAndAccessible(page, `誰看過我的資料 at ${size.width} px`);
      expect(cspViolationsOf(page)).toEqual([]);
      await page.screenshot({ path: path.join(tmpdir(), `portfolio-e2e-privacy-${size.width}.png`), fullPage: true });
      await page.close();
    });
  }

  it("shows 註冊組 the log on the student's page, with the staff name", async () => {
    const page = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByTestId('viewer-name').waitFor();
    await page.goto(`${app.url}/#/students/${encodeURIComponent(toGlobalId('Student', school.students[0]!.id))}`);
    const log = page.getByRole('region', { name: '個資存取紀錄' });
    await log.locator('tbody tr').first().waitFor();
    expect(await log.locator('th').allInnerTexts()).toEqual(['時間', '處室', '人員', '內容', '請求編號']);
    expect(await log.innerText()).toContain('註冊組長');
    await page.waitForLoadState('networkidle');
    await expectFitsAndAccessible(page, "the student's page with its access log at 360 px");
    await page.close();
  });
});

import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cspViolationsOf,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  openFromMenu,
  signIn,
} from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let browser: Browser;

describe.skipIf(!haveBrowser)('資料保存期限 in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    city = await app.factory.city();
    school = await city.school();
    // A graduate of long ago whose counseling record waits for nothing: the report shows it as due.
    const counselor = school.accounts.find((account) => account.username === school.logins.counselor.username)!;
    await app.sql(
      `with r as (
         insert into counseling_record (school_id, id, counselor_id, kind, held_on, topic, content)
         values (?, gen_random_uuid(), ?, 'INDIVIDUAL', '2019-10-01', '選課', '內容') returning school_id, id
       )
       insert into counseling_participant (school_id, id, record_id, student_id)
       select school_id, gen_random_uuid(), id, ? from r`,
      [school.school.id, counselor.id, school.students[0]!.id],
    );
    await app.sql("update student set status = 'GRADUATED', status_changed_at = '2020-06-30' where id = ?", [
      school.students[0]!.id,
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const size of [
    { width: 360, height: 780 },
    { width: 1366, height: 768 },
  ]) {
    it(`shows 註冊組 what the next run deletes and keeps at ${size.width} px`, async () => {
      const page = await signIn(
        browser,
        app.url,
        school.logins.registration.username,
        school.logins.registration.password,
      );
      await page.setViewportSize(size);
      await page.getByTestId('viewer-name').waitFor();
      await openFromMenu(page, '資料保存期限');
      expect(page.url()).toMatch(/\/retention$/);
      const counseling = page.getByRole('article', { name: '課程諮詢紀錄' });
      await counseling.waitFor();
      expect(await counseling.innerText()).toContain('畢業或轉出後 1 年');
      expect(await counseling.innerText()).toContain('1 筆學生的諮詢紀錄，1 位學生');
      expect(await page.getByRole('article', { name: '課程學習成果（含檔案）' }).innerText()).toContain(
        '畢業或轉出後 5 年（110/11/28 以前離校者已屆期）',
      );
      await expectFitsAndAccessible(page, `資料保存期限 at ${size.width} px`);
      expect(cspViolationsOf(page)).toEqual([]);
      await page.screenshot({ path: path.join(tmpdir(), `portfolio-e2e-retention-${size.width}.png`), fullPage: true });
      await page.close();
    });
  }

  it('shows the bureau each of its schools as counts', async () => {
    const page = await signIn(browser, app.url, city.bureauLogin.username, city.bureauLogin.password);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByTestId('viewer-name').waitFor();
    await openFromMenu(page, '資料保存期限');
    const summary = page.locator('summary', { hasText: school.school.code });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('下次刪除 1 筆');
    await summary.click();
    await page.getByRole('article', { name: '課程諮詢紀錄' }).waitFor();
    await expectFitsAndAccessible(page, '資料保存期限（教育局）at 360 px');
    await page.close();
  });
});

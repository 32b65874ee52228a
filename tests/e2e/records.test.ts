import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, haveBrowser, launchBrowser, openFromMenu, signIn } from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let school: TestSchool;
let browser: Browser;

const count = async (table: 'cadre_record' | 'counseling_record' | 'counseling_participant'): Promise<number> =>
  (await app.sqlOne<{ n: number }>(`select count(*)::int as n from ${table} where school_id = ?`, [school.school.id]))
    .n;

describe.skipIf(!haveBrowser)('the cadre and counseling pages in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    const city = await app.factory.city();
    school = await city.school({ studentsPerClass: 3 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets 訓育組 record a cadre position found by 學號, refusing an end before the start with nothing saved', async () => {
    const student = school.students[3]!; // seat 1 of class 101
    const page = await signIn(browser, app.url, school.logins.affairs.username, school.logins.affairs.password);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '校內幹部' }).click();
    const form = page.getByRole('form', { name: '登錄校內幹部' });
    const term = form.getByLabel('學期');
    await term.waitFor();
    expect(await term.locator('option:checked').textContent()).toBe('115學年度第1學期（目前學期）');
    // The dates start as the term's, shown in ROC form.
    expect(await form.getByLabel('開始日期').inputValue()).toBe('115/08/01');
    expect(await form.getByLabel('結束日期').inputValue()).toBe('116/01/31');

    await form.getByLabel('以學號查詢').fill(student.studentNumber);
    await form.getByRole('button', { name: '查詢' }).click();
    expect(await form.getByTestId('chosen-student').textContent()).toBe(
      `已選：${student.name}（學號 ${student.studentNumber}，101 班）`,
    );
    await form.getByLabel('單位').fill('班級');
    await form.getByLabel('職稱').fill('班長');
    await form.getByLabel('幹部等級').selectOption('2');
    await form.getByLabel('開始日期').fill('115/9/1');
    await form.getByLabel('結束日期').fill('115/08/31');

    await form.getByRole('button', { name: '登錄校內幹部' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('結束日期不可早於開始日期。');
    expect(await count('cadre_record')).toBe(0);

    await form.getByLabel('結束日期').fill('116/01/20');
    await form.getByRole('button', { name: '登錄校內幹部' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe(`已登錄：${student.name}（${student.studentNumber}）班級班長，第 2 級，115/09/01–116/01/20。`);
    expect(await form.getByRole('alert').count()).toBe(0);

    const list = page.getByRole('region', { name: '101 班校內幹部' });
    const row = list.getByRole('row').filter({ hasText: student.name });
    await expect
      .poll(() => row.textContent())
      .toBe(`115學年度第1學期1${student.studentNumber}${student.name}班級班長2115/09/01–116/01/20修改刪除`);
    const saved = await app.sql<{ unit: string; position: string; level: number; starts_on: string; ends_on: string }>(
      `select unit, position, level, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on
       from cadre_record where school_id = ? and student_id = ?`,
      [school.school.id, student.id],
    );
    expect(saved).toEqual([
      { unit: '班級', position: '班長', level: 2, starts_on: '2026-09-01', ends_on: '2027-01-20' },
    ]);
    await page.close();
  });

  it('lets a counselor record a group session with two students, refusing an empty topic with nothing saved', async () => {
    const [first, second] = [school.students[3]!, school.students[4]!]; // seats 1 and 2 of class 101
    const page = await signIn(browser, app.url, school.logins.counselor.username, school.logins.counselor.password);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '課程諮詢紀錄' }).click();
    const form = page.getByRole('form', { name: '登錄課程諮詢紀錄' });
    await form.waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: '我的諮詢紀錄' }).textContent())
      .toContain('尚無課程諮詢紀錄');
    // The server says it is 28 November 2026 in Taipei; the browser sits in New York.
    expect(await form.getByLabel('諮詢日期').inputValue()).toBe('115/11/28');

    await form.getByLabel('團體諮詢').check();
    await form.getByLabel('班級').selectOption({ label: '101 班' });
    await form
      .getByRole('group', { name: '101 班學生' })
      .getByLabel(`1 號 ${first.name}（${first.studentNumber}）`)
      .check();
    await form.getByLabel('以學號加入').fill(second.studentNumber);
    await form.getByRole('button', { name: '加入', exact: true }).click();
    const picked = form.getByTestId('picked-students');
    await expect
      .poll(() => picked.getByRole('listitem').allTextContents())
      .toEqual([`${first.name}（${first.studentNumber}）移除`, `${second.name}（${second.studentNumber}）移除`]);
    await form.getByLabel('諮詢日期').fill('115/11/27');
    await form.getByLabel('內容').fill('說明高二選組與選修規劃。');

    await form.getByRole('button', { name: '登錄諮詢紀錄' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('請填寫主題（最多 100 個字）。');
    expect([await count('counseling_record'), await count('counseling_participant')]).toEqual([0, 0]);

    await form.getByLabel('主題').fill('選組說明');
    await form.getByRole('button', { name: '登錄諮詢紀錄' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe(
        `已登錄 115/11/27 團體諮詢「選組說明」：${first.name}（${first.studentNumber}）、${second.name}（${second.studentNumber}）。`,
      );
    const list = page.getByRole('region', { name: '我的諮詢紀錄' });
    const row = list.getByRole('row').filter({ hasText: '選組說明' });
    await expect
      .poll(() => row.getByRole('cell').allTextContents())
      .toEqual([
        '115/11/27',
        '團體諮詢',
        `${first.name}（${first.studentNumber}，101 班）、${second.name}（${second.studentNumber}，101 班）`,
        '選組說明',
        '說明高二選組與選修規劃。',
        '修改',
      ]);
    expect([await count('counseling_record'), await count('counseling_participant')]).toEqual([1, 2]);
    await page.close();
  });

  it('lets 訓育組 correct and delete a cadre record and the counselor correct a session, on a phone', async () => {
    const student = school.students[3]!;
    const page = await signIn(browser, app.url, school.logins.affairs.username, school.logins.affairs.password);
    await page.setViewportSize({ width: 360, height: 740 });
    await openFromMenu(page, '校內幹部');
    const form = page.getByRole('form', { name: '登錄校內幹部' });
    await form.getByLabel('以學號查詢').fill(student.studentNumber);
    await form.getByRole('button', { name: '查詢' }).click();
    const list = page.getByRole('region', { name: '101 班校內幹部' });
    await list.getByRole('button', { name: `修改 ${student.name} 的「班級 班長」` }).click();
    const dialog = page.getByRole('dialog', { name: `更正幹部紀錄：${student.name}（${student.studentNumber}）` });
    await dialog.getByLabel('職稱').fill('副班長');
    await dialog.getByLabel('幹部等級').selectOption('1');
    await expectFitsAndAccessible(page, '更正幹部紀錄的對話框');
    await dialog.getByRole('button', { name: '儲存更正' }).click();
    await expect.poll(() => list.getByRole('status').textContent()).toBe('已更正幹部紀錄。');
    await expect.poll(() => list.getByRole('row').filter({ hasText: student.name }).textContent()).toContain('副班長1');
    const stored = await app.sqlOne<{ position: string; level: number }>(
      'select position, level from cadre_record where school_id = ? and student_id = ?',
      [school.school.id, student.id],
    );
    expect(stored).toEqual({ position: '副班長', level: 1 });

    await list.getByRole('button', { name: `刪除 ${student.name} 的「班級 副班長」` }).click();
    const confirm = page.getByRole('dialog', { name: `刪除幹部紀錄：${student.name}（${student.studentNumber}）` });
    await expectFitsAndAccessible(page, '刪除幹部紀錄的對話框');
    // Escape leaves it as it was; focus goes back to the button.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('刪除');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: '刪除' }).click();
    await expect.poll(() => list.textContent()).toContain('本班尚未登錄校內幹部。');
    expect(await count('cadre_record')).toBe(0);
    await page.close();

    const counselor = await signIn(
      browser,
      app.url,
      school.logins.counselor.username,
      school.logins.counselor.password,
    );
    await counselor.setViewportSize({ width: 360, height: 740 });
    await openFromMenu(counselor, '課程諮詢紀錄');
    const mine = counselor.getByRole('region', { name: '我的諮詢紀錄' });
    await mine.getByRole('button', { name: '修改 115/11/27「選組說明」' }).click();
    const edit = counselor.getByRole('dialog', { name: '修改諮詢紀錄「選組說明」' });
    await edit.getByRole('button', { name: `移除 ${school.students[4]!.name}` }).click();
    await edit.getByLabel('個別諮詢').check();
    await edit.getByLabel('主題').fill('選組說明（個別）');
    await expectFitsAndAccessible(counselor, '修改諮詢紀錄的對話框');
    await edit.getByRole('button', { name: '儲存' }).click();
    await expect.poll(() => mine.getByRole('status').textContent()).toBe('已修改 115/11/27「選組說明（個別）」。');
    expect([await count('counseling_record'), await count('counseling_participant')]).toEqual([1, 1]);
    await counselor.close();
  });
});

import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { expectFitsAndAccessible, haveBrowser, launchBrowser, openFromMenu, signIn } from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const SHOTS = '/tmp/shots-B';

let app: TestApp;
let city: TestCity;
let fast: TestSchool;
let slow: TestSchool;
let browser: Browser;

/** 20 outcome versions uploaded 20 days ago; `certified` of them decided, spread over the last days. */
async function certifications(school: TestSchool, certified: number): Promise<void> {
  const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
  const [section] = await app.factory.sections(school, [{ subjectName: '物理', teacher, students: school.students }]);
  await app.factory.outcomes(school, section!, 2, teacher.id);
  await app.sql('update course_outcome_version set created_at = ? where school_id = ?', [at(-20), school.school.id]);
  await app.sql(
    `with chosen as (select id, row_number() over (order by id) as n from course_outcome_version where school_id = ?)
     update course_outcome_version v set status = 'CERTIFIED', decided_by = ?,
       decided_at = ?::timestamptz - ((chosen.n % 5) || ' days')::interval
     from chosen where v.school_id = ? and v.id = chosen.id and chosen.n <= ?`,
    [school.school.id, teacher.id, at(0), school.school.id, certified],
  );
}

describe.skipIf(!haveBrowser)('the bureau’s live board in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startTestApp({}, DEFAULT_TEST_NOW);
    city = await app.factory.city();
    fast = await city.school({ code: '910001', studentsPerClass: 5, studentLogins: 'first' });
    slow = await city.school({ code: '910002', studentsPerClass: 5, studentLogins: 'first' });
    await city.timeline(
      [
        { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: at(-30), endsAt: at(-15) },
        { kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: at(-14), endsAt: at(4) },
        { kind: TaskKind.SUBMIT, category: SubmissionCategory.BASIC, startsAt: at(-10), endsAt: at(-2) },
      ],
      [fast, slow],
    );
    await certifications(fast, 20);
    await certifications(slow, 4);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openBoard(width: number): Promise<Page> {
    const page = await signIn(browser, app.url, city.bureauLogin.username, city.bureauLogin.password);
    await page.setViewportSize({ width, height: 900 });
    await openFromMenu(page, '即時看板');
    await page.getByRole('region', { name: '各校進度與預測' }).waitFor();
    return page;
  }

  it('shows each school’s stage, pace and forecast, at desktop width and on a 360 px phone', async () => {
    const page = await openBoard(1280);
    expect(page.url()).toMatch(/#\/board/);
    const table = page.getByRole('region', { name: '各校進度與預測' });
    const slowRow = table.getByRole('row').filter({ hasText: '910002' });
    // Late is said in words, not only in red.
    await expect.poll(() => slowRow.textContent()).toContain('落後：未於市定');
    expect(await slowRow.textContent()).toContain('預估延誤');
    expect(await table.getByRole('row').filter({ hasText: '910001' }).textContent()).toContain('可如期完成');
    // The pace bars have a text alternative.
    expect(await slowRow.getByRole('img').getAttribute('aria-label')).toMatch(/^近 7 日每日件數：/);
    expect(await page.getByRole('heading', { name: '預測準確度（回測）' }).count()).toBe(1);
    await expectFitsAndAccessible(page, 'the board at desktop width');
    await page.screenshot({ path: `${SHOTS}/board-desktop.png`, fullPage: true });

    // The term is in the address: the previous term is a page of its own.
    await page.getByRole('button', { name: '← 上一學期' }).click();
    await page.waitForURL(/term=1142/);
    await expect.poll(() => page.getByRole('navigation', { name: '學期' }).textContent()).toContain('114學年度第2學期');
    await page.close();

    const phone = await openBoard(360);
    await expectFitsAndAccessible(phone, 'the board at 360 px');
    await phone.screenshot({ path: `${SHOTS}/board-phone.png`, fullPage: true });
    await phone.close();
  });

  it('alerts the school’s 教學組 from the board, who see it as a toast', async () => {
    const teaching = await signIn(browser, app.url, slow.logins.teaching.username, slow.logins.teaching.password);
    await teaching.getByRole('navigation', { name: '主選單' }).waitFor();
    await expect.poll(() => teaching.getByTestId('live-clock').textContent(), { timeout: 10_000 }).toMatch(/即時連線/);

    const page = await openBoard(1280);
    const form = page.getByRole('form', { name: '提醒學校' });
    // The school forecast to miss comes first, with the window it is behind on.
    expect(await form.getByLabel('學校').locator('option:checked').textContent()).toContain('（預估延誤）');
    expect(await form.getByLabel('期程工作').locator('option:checked').textContent()).toContain(
      '認證 115學年度第1學期 課程學習成果',
    );
    await form.getByLabel('附註（選填，100 字以內）').fill('請各科老師儘速認證');
    await form.getByRole('button', { name: '送出提醒' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^已於 .* 提醒 .* 的負責組別/);
    await expectFitsAndAccessible(page, 'the board after sending an alert');
    await page.screenshot({ path: `${SHOTS}/board-alert-sent.png`, fullPage: true });

    const toast = teaching.getByRole('status', { name: '期限提醒' });
    await expect
      .poll(() => toast.textContent(), { timeout: 15_000 })
      .toContain('教育局提醒：請加速「認證 115學年度第1學期 課程學習成果」');
    expect(await toast.textContent()).toContain('附註：請各科老師儘速認證');
    await teaching.screenshot({ path: `${SHOTS}/teaching-toast.png` });

    // A second click within the gap is refused in words.
    await form.getByRole('button', { name: '送出提醒' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('小時內只提醒一次');
    await page.close();
    await teaching.close();
  });
});

import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import {
  accessibilityViolations,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  signIn,
} from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;
let browser: Browser;

const count = async (table: string, schoolId: string, where = 'true') =>
  (
    await app.sqlOne<{ n: number }>(`select count(*)::int as n from ${table} where school_id = ? and ${where}`, [
      schoolId,
    ])
  ).n;

/** Graded course records for two courses and every window of the round, as in tests/api/confirmation.test.ts. */
async function setUpSchool(): Promise<TestSchool> {
  const school = await city.school({ studentsPerClass: 3 });
  await city.timeline(
    [
      { kind: TaskKind.SUBMIT, category: SubmissionCategory.COURSE_RECORDS, startsAt: at(-1), endsAt: at(20) },
      { kind: TaskKind.GRADE_ENTRY, startsAt: at(-1), endsAt: at(20) },
      { kind: TaskKind.CONFIRM_RECEIPTS, startsAt: at(-1), endsAt: at(3) },
      { kind: TaskKind.RESOLVE_DISPUTES, startsAt: at(-1), endsAt: at(6) },
      { kind: TaskKind.FINAL_SUBMIT, startsAt: at(3), endsAt: at(10) },
    ],
    [school],
  );
  await app.factory.gradedSections(school, school.students);
  return school;
}

async function openConsole(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '提交主控台' }).click();
  const card = page.getByRole('article', { name: '修課紀錄' });
  await card.waitFor();
  return card;
}

/** The console's term or round select, by the words its label starts with. */
const pick = (page: Page, label: string) =>
  page
    .locator('label.term-pick')
    .filter({ hasText: new RegExp(`^${label}`) })
    .locator('select');

const stageOf = (card: Locator) => card.getByTestId('stage-label').textContent();

describe.skipIf(!haveBrowser)('a submission round in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    city = await app.factory.city();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('submits, imports receipts, takes a confirmation and a dispute, corrects, resubmits and locks', async () => {
    const school = await setUpSchool();
    const schoolId = school.school.id;
    const enrolments = await count('enrolment', schoolId);

    // 註冊組 submits 修課紀錄 and has the reference central repository answer with the receipt list.
    const staff = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    let card = await openConsole(staff);
    expect(await stageOf(card)).toBe('預檢／尚未提交');
    expect(await card.getByRole('list', { name: '階段' }).getByRole('listitem').allTextContents()).toEqual([
      '1. 預檢',
      '2. 已提交',
      '3. 收訖明細已匯入',
      '4. 確認中',
      '5. 疑義處理',
      '6. 最終提交',
    ]);
    await card.getByTestId('precheck-panel').waitFor();
    // The first answer is lost on the way back: the server made the submission, the page saw a broken connection.
    let dropped = false;
    await staff.route('**/graphql', async (route) => {
      if (!dropped && route.request().postData()?.includes('SubmissionConsoleSubmit')) {
        dropped = true;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await card.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toMatch(/請再按一次，會沿用同一個請求/);
    await expect.poll(() => stageOf(card)).toBe('已提交，待匯入收訖明細');
    expect(await count('submission', schoolId)).toBe(1);
    // Pressing again sends the same idempotency key: the same submission comes back, no second one is made.
    await card.getByRole('button', { name: '重新提交' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('已提交修課紀錄。');
    expect(await count('submission', schoolId)).toBe(1);
    await staff.unrouteAll();
    expect(await card.textContent()).toContain('待匯入的收訖明細：修課紀錄');

    await card.getByRole('button', { name: '送中央資料庫' }).click();
    await expect.poll(() => stageOf(card), { timeout: 15_000 }).toBe('確認收訖明細中');
    expect(await card.getByRole('status').textContent()).toMatch(/^已匯入收訖明細：/);
    expect(await count('receipt_import', schoolId)).toBe(1);
    expect(await count('receipt_row', schoolId)).toBe(enrolments);
    const imports = card.getByTestId('receipt-imports');
    expect(await imports.locator('tbody tr').count()).toBe(1);
    await imports.getByRole('button', { name: '確認已檢查' }).click();
    await expect.poll(() => imports.locator('tbody tr td').last().textContent()).toMatch(/^已確認 \d+\/\d{2}\/\d{2}/);
    expect(await count('receipt_staff_confirmation', schoolId)).toBe(1);

    // The student confirms one row and disputes the other with a reason.
    const student = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await student.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '收訖明細確認' }).click();
    const rows = student.getByTestId('receipt-rows').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => student.getByRole('button', { name: /全部確認/ }).textContent()).toBe('全部確認（2 筆）');
    await rows.nth(0).getByRole('button', { name: '確認無誤' }).click();
    await expect.poll(() => rows.nth(0).textContent()).toContain('已確認無誤');
    await rows.nth(1).getByRole('button', { name: '提出疑義' }).click();
    await rows.nth(1).getByLabel('疑義內容').fill('國語文的學期成績應為 85 分');
    await rows.nth(1).getByRole('button', { name: '送出疑義' }).click();
    await expect.poll(() => rows.nth(1).textContent()).toContain('待處理');
    expect(await rows.nth(1).textContent()).toContain('疑義：國語文的學期成績應為 85 分');
    await student.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-receipts.png'), fullPage: true });
    expect(await student.getByRole('button', { name: /全部確認/ }).count()).toBe(0);
    const decisions = await app.sql<{ decision: string }>(
      'select decision from receipt_review where school_id = ? order by decision',
      [schoolId],
    );
    expect(decisions.map((review) => review.decision)).toEqual(['CORRECT', 'DISPUTED']);
    expect(await count('dispute', schoolId, `status = 'OPEN'`)).toBe(1);

    // The homeroom teacher follows the class's confirmations and downloads the sheet.
    const homeroom = await signIn(browser, app.url, school.logins.homeroom.username, school.logins.homeroom.password);
    await homeroom.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '我的班級' }).click();
    const progress = homeroom.getByRole('region', { name: /收訖明細確認進度$/ }).first();
    const firstStudent = progress.getByRole('row').filter({ hasText: school.students[0]!.studentNumber });
    // 收訖明細 2, 已收訖 2, 退件 0, 需要處理 0, 已確認 1, 疑義 1, 未確認 0
    await expect
      .poll(() => firstStudent.locator('td.number').allTextContents(), { timeout: 10_000 })
      .toEqual(['2', '2', '0', '0', '1', '1', '0']);
    const linkOf = async (name: string) => (await progress.getByRole('link', { name }).getAttribute('href'))!;
    const sheet = await homeroom.request.get(new URL(await linkOf('下載確認單（Excel）'), app.url).href);
    expect(sheet.status()).toBe(200);
    expect(sheet.headers()['content-type']).toContain('spreadsheetml');
    const pdf = await homeroom.request.get(new URL(await linkOf('下載確認單（PDF）'), app.url).href);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await homeroom.close();

    // Staff find it in the dispute queue, take it up and answer it as corrected; the student hears at once.
    await staff.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '疑義處理' }).click();
    const queue = staff.getByTestId('disputes').locator('tbody tr');
    await expect.poll(() => queue.count()).toBe(1);
    expect(await queue.first().textContent()).toContain(school.students[0]!.studentNumber);
    expect(await queue.first().textContent()).toContain('國語文的學期成績應為 85 分');
    await queue.first().getByRole('button', { name: '受理' }).click();
    await expect.poll(() => queue.first().textContent()).toContain('處理中');
    await queue.first().getByLabel('已於校內系統更正，隨下次提交送出').check();
    await queue.first().getByLabel('回覆學生').fill('已更正為 85 分，將重新提交。');
    await queue.first().getByRole('button', { name: '回覆並結案' }).click();
    // Unresolved only by default: the answered dispute leaves the list.
    await expect.poll(() => staff.getByText('沒有符合條件的疑義。').count()).toBe(1);
    expect(await count('dispute', schoolId, `status = 'RESOLVED_CORRECTED' and resubmission_id is null`)).toBe(1);
    await expect
      .poll(() => student.getByRole('status', { name: '期限提醒' }).textContent(), { timeout: 10_000 })
      .toContain('已更正為 85 分');
    // The alert refreshed the receipt list: the answer is there without reloading.
    await expect
      .poll(() => rows.nth(1).textContent(), { timeout: 10_000 })
      .toContain('處室回覆：已更正為 85 分，將重新提交。');

    // The correction is made in the school's records, then resubmitted and its receipts imported.
    await app.sql(
      `update enrolment set term_grade = 85 where school_id = ? and student_id = ?
         and section_id in (select s.id from course_section s join course c on c.id = s.course_id
                            where s.school_id = ? and c.subject_name = '國語文')`,
      [schoolId, school.students[0]!.id, schoolId],
    );
    card = await openConsole(staff);
    // The console shows what it had cached, then the server's answer.
    await expect.poll(() => stageOf(card)).toBe('疑義處理中');
    expect(await card.getByTestId('category-counts').textContent()).toContain('待重新提交 1');
    await card.getByRole('button', { name: '重新提交' }).click();
    // Resubmitting builds the new package before the card changes: like sending it, that can take seconds.
    await expect.poll(() => stageOf(card), { timeout: 15_000 }).toBe('已提交，待匯入收訖明細');
    await card.getByRole('button', { name: '送中央資料庫' }).click();
    await expect.poll(() => stageOf(card), { timeout: 15_000 }).toBe('確認收訖明細中');
    expect(await count('submission', schoolId)).toBe(2);
    expect(await count('receipt_import', schoolId)).toBe(2);
    expect(await count('dispute', schoolId, 'resubmission_id is not null')).toBe(1);
    expect(await card.getByTestId('category-counts').textContent()).toContain('提交次數 2');

    // Day 7: the final submission window is open. The lock is asked for twice, then the console shows it.
    app.clock.set(at(7));
    const late = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    card = await openConsole(late);
    await expect.poll(() => stageOf(card)).toBe('收訖明細已匯入，可完成最終提交');
    await card.getByRole('button', { name: '完成最終提交…' }).click();
    await card.getByRole('group', { name: '確認最終提交' }).getByRole('button', { name: '確定完成最終提交' }).click();
    await expect.poll(() => stageOf(card)).toMatch(/^已完成最終提交（\d+\/\d{2}\/\d{2} \d{2}:\d{2}）$/);
    expect(await card.getByRole('button', { name: '重新提交' }).count()).toBe(0);
    expect(await count('final_lock', schoolId)).toBe(1);
    await late.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-submission-console.png'), fullPage: true });
    await expect(app.sql('update enrolment set term_grade = 1 where school_id = ?', [schoolId])).rejects.toMatchObject({
      code: 'PF001',
    });

    // The audit view shows the round's steps to staff, filtered by area.
    await late.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '稽核紀錄' }).click();
    await late.getByLabel('類別').selectOption({ label: '最終提交' });
    const audit = late.getByTestId('audit-log').locator('tbody tr');
    await expect.poll(() => audit.count()).toBe(1);
    expect(await audit.first().textContent()).toContain('完成最終提交');
    // The detail reads as Chinese, not as the stored JSON.
    expect(await audit.first().textContent()).toMatch(/類別：(基本資料／校內幹部|修課紀錄|課程學習成果|多元表現)/);
    await late.getByLabel('類別').selectOption({ label: '疑義' });
    await expect.poll(() => audit.count()).toBe(3);
  }, 90_000);

  it('submits the year’s performances once, in the 高三 round for grade-12 students, and locks only theirs', async () => {
    // 115-2, in April: the 高三 round of the 115學年度.
    const april = new Date('2027-04-20T09:00:00+08:00');
    const day = (days: number) => new Date(april.getTime() + days * DAY);
    app.clock.set(april);
    const school = await city.school();
    const grade12 = { grade12Round: true };
    await city.timeline(
      [
        {
          kind: TaskKind.SUBMIT,
          category: SubmissionCategory.PERFORMANCES,
          period: '115_0',
          ...grade12,
          startsAt: day(-1),
          endsAt: day(2),
        },
        { kind: TaskKind.CONFIRM_RECEIPTS, period: '1152', ...grade12, startsAt: day(-1), endsAt: day(3) },
        { kind: TaskKind.FINAL_SUBMIT, period: '1152', ...grade12, startsAt: day(3), endsAt: day(5) },
      ],
      [school],
    );
    const schoolId = school.school.id;
    const year = school.years.at(-1)!;
    for (const student of school.students) {
      await app.sql(
        `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                          selected_at, created_at, updated_at)
         values (?, gen_random_uuid(), ?, ?, 'OTHER', '淨灘志工', '簡述', now(), now(), now())`,
        [schoolId, student.id, year.id],
      );
    }
    const senior = school.students[0]!;
    const junior = school.students.find((student) => student.cohort === senior.cohort + 2)!;

    const staff = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await staff.setViewportSize({ width: 390, height: 844 });
    await staff.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '提交主控台' }).click();
    // The regular round of the first term has no performances: they go once a year, with the second term.
    await pick(staff, '學期').selectOption({ label: '115學年度第1學期' });
    const notInRound = staff.getByRole('article', { name: '多元表現' });
    await expect
      .poll(() => notInRound.textContent())
      .toContain('「多元表現」每學年提交一次：請在 115學年度第2學期的梯次提交，內容為整個 115學年度。');
    await pick(staff, '學期').selectOption({ label: '115學年度第2學期（目前學期）' });
    await pick(staff, '梯次').selectOption({ label: '高三升學前梯次（第2學期）' });
    let card = staff.getByRole('article', { name: '多元表現（115學年度）' });
    await card.waitFor();
    await expect
      .poll(() => staff.getByRole('article', { name: '修課紀錄' }).textContent())
      .toContain('高三升學前梯次只在第2學期');
    await card.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => stageOf(card)).toBe('已提交，待匯入收訖明細');
    await card.getByRole('button', { name: '送中央資料庫' }).click();
    await expect.poll(() => stageOf(card), { timeout: 15_000 }).toBe('確認收訖明細中');
    const rows = await app.sql<{ student_id: string }>(
      `select r.student_id from submission_row r join submission s on s.id = r.submission_id
       where r.school_id = ? and s.grade12_round`,
      [schoolId],
    );
    expect(rows.map((row) => row.student_id).sort()).toEqual(
      school.students
        .filter((student) => student.cohort === senior.cohort)
        .map((student) => student.id)
        .sort(),
    );
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await accessibilityViolations(staff)).toEqual([]);
    await staff.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-grade12-console-390.png'), fullPage: true });

    // Day 4: the 高三 round's final submission; afterwards only the grade-12 students' performances are frozen.
    app.clock.set(day(4));
    const late = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await late.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '提交主控台' }).click();
    await pick(late, '梯次').selectOption({ label: '高三升學前梯次（第2學期）' });
    card = late.getByRole('article', { name: '多元表現（115學年度）' });
    await expect.poll(() => stageOf(card)).toBe('收訖明細已匯入，可完成最終提交');
    await card.getByRole('button', { name: '完成最終提交…' }).click();
    await card.getByRole('group', { name: '確認最終提交' }).getByRole('button', { name: '確定完成最終提交' }).click();
    await expect.poll(() => stageOf(card)).toMatch(/^已完成最終提交/);
    await late.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-grade12-console.png'), fullPage: true });
    await expect(
      app.sql(`update diverse_performance set description = '改' where school_id = ? and student_id = ?`, [
        schoolId,
        senior.id,
      ]),
    ).rejects.toMatchObject({ code: 'PF001' });
    await app.sql(`update diverse_performance set description = '改' where school_id = ? and student_id = ?`, [
      schoolId,
      junior.id,
    ]);

    // 期程 names the data each window governs.
    await late.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '期程', exact: true }).click();
    await expect.poll(() => late.locator('main').textContent()).toContain('高三 提交 115學年度 多元表現');
    app.clock.set(DEFAULT_TEST_NOW);
  }, 90_000);

  it('corrects a performance through a dispute at phone size: dispute, correction, resubmission, new receipts', async () => {
    // 115-2 in March: the second term's round carries the year's 多元表現.
    const march = new Date('2027-03-10T09:00:00+08:00');
    const day = (days: number) => new Date(march.getTime() + days * DAY);
    app.clock.set(march);
    const school = await city.school({ studentsPerClass: 2 });
    await city.timeline(
      [
        { kind: TaskKind.SUBMIT, category: SubmissionCategory.PERFORMANCES, startsAt: day(-1), endsAt: day(20) },
        { kind: TaskKind.CONFIRM_RECEIPTS, startsAt: day(-1), endsAt: day(3) },
        { kind: TaskKind.RESOLVE_DISPUTES, startsAt: day(-1), endsAt: day(6) },
        { kind: TaskKind.FINAL_SUBMIT, startsAt: day(3), endsAt: day(10) },
      ],
      [school],
    );
    const schoolId = school.school.id;
    await app.sql(
      `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, details,
                                        description, selected_at, created_at, updated_at)
       values (?, gen_random_uuid(), ?, ?, 'COMPETITION', '全國科展', ?::jsonb, '物理科作品', now(), now(), now())`,
      [
        schoolId,
        school.students[0]!.id,
        school.years.at(-1)!.id,
        JSON.stringify({ item: '物理', level: '全國', award: '佳作', resultDate: '2026-10-01', participation: '個人' }),
      ],
    );
    const shot = (page: Page, name: string) =>
      page.screenshot({ path: path.join(tmpdir(), `portfolio-e2e-correction-${name}.png`), fullPage: true });

    // 註冊組 submits the year's 多元表現 and imports the receipts.
    const staff = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await staff.setViewportSize({ width: 390, height: 844 });
    await staff.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '提交主控台' }).click();
    let card = staff.getByRole('article', { name: '多元表現（115學年度）' });
    await card.waitFor();
    await card.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => stageOf(card)).toBe('已提交，待匯入收訖明細');
    await card.getByRole('button', { name: '送中央資料庫' }).click();
    await expect.poll(() => stageOf(card), { timeout: 15_000 }).toBe('確認收訖明細中');

    // The student sees the award they submitted, disputes it, and can print their confirmation.
    const student = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await student.setViewportSize({ width: 360, height: 740 });
    await student.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '收訖明細確認' }).click();
    const rows = student.getByTestId('receipt-rows').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const fields = rows.first().locator('dl');
    await expect.poll(() => fields.textContent()).toMatch(/獎項[^：]*佳作|獎項佳作/);
    expect(await fields.textContent()).not.toContain('身分證號');
    const print = student.getByRole('link', { name: '列印我的確認單（PDF）' });
    expect(await print.getAttribute('href')).toMatch(/^\/students\/[^/]+\/confirmation\.pdf\?termId=/);
    await rows.first().getByRole('button', { name: '提出疑義' }).click();
    await rows.first().getByLabel('疑義內容').fill('獎項應為第一名，獎狀已交訓育組');
    await rows.first().getByRole('button', { name: '送出疑義' }).click();
    await expect.poll(() => rows.first().textContent()).toContain('待處理');
    await expectFitsAndAccessible(student, '收訖明細確認（疑義已送出）');
    await shot(student, 'student-disputed-360');

    // 訓育組 opens the dispute, finds the performance it is about and corrects the award from it.
    const affairs = await signIn(browser, app.url, school.logins.affairs.username, school.logins.affairs.password);
    await affairs.setViewportSize({ width: 390, height: 844 });
    await affairs.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '疑義處理' }).click();
    const queue = affairs.getByTestId('disputes').locator('tbody tr');
    await expect.poll(() => queue.count()).toBe(1);
    await queue.first().getByRole('link', { name: '開啟資料並更正' }).click();
    const correction = affairs.getByRole('region', { name: '更正資料' });
    await correction.getByText('全國科展').first().waitFor();
    await expectFitsAndAccessible(affairs, '疑義（更正資料）');
    await shot(affairs, 'dispute-390');
    await correction.getByRole('button', { name: /^更正「/ }).click();
    const dialog = affairs.getByRole('dialog');
    await dialog.getByLabel('獎項', { exact: true }).fill('第一名');
    await dialog.getByLabel(/^回覆學生/).fill('已查證獎狀，更正為第一名。');
    await expectFitsAndAccessible(affairs, '更正多元表現的對話框');
    await shot(affairs, 'dialog-390');
    await dialog.getByRole('button', { name: '更正並回覆疑義' }).click();
    await expect.poll(() => affairs.getByRole('status').filter({ hasText: '疑義已結案' }).count()).toBe(1);
    expect(await count('dispute', schoolId, `status = 'RESOLVED_CORRECTED' and resubmission_id is null`)).toBe(1);
    expect(await count('record_correction', schoolId)).toBe(1);
    await expect
      .poll(() => affairs.locator('main dl').first().textContent())
      .toContain('已查證獎狀，更正為第一名。（更正內容：獎項：佳作 → 第一名）');
    // The student hears at once, with what changed.
    await expect
      .poll(() => student.getByRole('status', { name: '期限提醒' }).textContent(), { timeout: 10_000 })
      .toContain('獎項：佳作 → 第一名');

    // 註冊組 resubmits; the new package and the new receipts carry 第一名.
    await staff.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '疑義處理' }).click();
    await staff.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '提交主控台' }).click();
    card = staff.getByRole('article', { name: '多元表現（115學年度）' });
    // The console refetches on arrival; on a busy machine (the whole suite on two cores) that took over 15 s once.
    await expect
      .poll(() => card.getByTestId('category-counts').textContent(), { timeout: 30_000 })
      .toContain('待重新提交 1');
    await card.getByRole('button', { name: '重新提交' }).click();
    // Resubmitting builds the new package before the card changes: like sending it, that can take seconds.
    await expect.poll(() => stageOf(card), { timeout: 15_000 }).toBe('已提交，待匯入收訖明細');
    await card.getByRole('button', { name: '送中央資料庫' }).click();
    await expect.poll(() => stageOf(card), { timeout: 15_000 }).toBe('確認收訖明細中');
    expect(await count('dispute', schoolId, 'resubmission_id is not null')).toBe(1);
    const cells = await app.sql<{ cells: unknown[] }>(
      `select r.cells from submission_row r
       where r.school_id = ? and r.submission_id = (select id from submission where school_id = ?
                                                     order by created_at desc, id desc limit 1)`,
      [schoolId, schoolId],
    );
    expect(JSON.stringify(cells)).toContain('第一名');
    expect(JSON.stringify(cells)).not.toContain('佳作');

    await student.reload();
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().locator('dl').textContent()).toMatch(/第一名/);
    expect(await rows.first().locator('dl').textContent()).not.toContain('佳作');
    await expectFitsAndAccessible(student, '收訖明細確認（重新提交後）');
    await shot(student, 'student-after-360');
    await staff.close();
    await student.close();
    await affairs.close();
    app.clock.set(DEFAULT_TEST_NOW);
  }, 120_000);
});

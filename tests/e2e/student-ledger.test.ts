import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { expectFitsAndAccessible, haveBrowser, launchBrowser, openFromMenu, signIn } from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const SHOTS = '/tmp/shots-L';

let app: TestApp;
let school: TestSchool;
let browser: Browser;

describe.skipIf(!haveBrowser)('the per-student ledger in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startTestApp();
    const city = await app.factory.city();
    school = await city.school({ studentsPerClass: 2 });
    await city.timeline(
      [TaskKind.UPLOAD_COURSE_OUTCOMES, TaskKind.CERTIFY_COURSE_OUTCOMES, TaskKind.SELECT_COURSE_OUTCOMES].map(
        (kind) => ({ kind, startsAt: at(-1), endsAt: at(5) }),
      ),
      [school],
    );
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    const classmates = school.students.filter((student) => student.schoolClass?.id === school.classes[0]!.id);
    const [physics] = await app.factory.sections(school, [{ subjectName: '物理', teacher, students: classmates }]);
    // Two outcomes each, waiting for certification; the teacher certified the first student's first one.
    await app.factory.outcomes(school, physics!, 2, teacher.id);
    const first = await app.sqlOne<{ id: string }>(
      'select id from course_outcome where school_id = ? and student_id = ? order by created_at, id limit 1',
      [school.school.id, school.students[0]!.id],
    );
    await app.sql(
      `update course_outcome_version set status = 'CERTIFIED', decided_at = now(), decided_by = ?
       where school_id = ? and outcome_id = ?`,
      [teacher.id, school.school.id, first.id],
    );
    await app.sql(`update course_outcome set status = 'CERTIFIED' where school_id = ? and id = ?`, [
      school.school.id,
      first.id,
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the student their chain on a phone, with what to do and where', async () => {
    const page = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('navigation', { name: '主選單' }).waitFor();
    await openFromMenu(page, '學習歷程履歷');
    expect(new URL(page.url()).hash).toBe('#/ledger');
    await page.getByTestId('ledger-summary').waitFor();
    expect(await page.getByTestId('ledger-summary').textContent()).toBe('有 2 個項目需要處理，請看各項目的提醒。');
    await page.getByRole('heading', { name: '115學年度（高三）' }).waitFor();
    const flag = page.getByRole('list', { name: '需要處理' }).filter({ hasText: '已認證但未勾選' });
    expect(await flag.textContent()).toMatch(/學生.*已認證但未勾選：勾選期限 115\/12\/03 09:00 前到『勾選』頁勾選/);
    // The student's own action links to the page where they act; a teacher's does not (it is not theirs to open).
    await flag.getByRole('link', { name: '前往處理' }).waitFor();
    const waiting = page.getByRole('list', { name: '需要處理' }).filter({ hasText: '待任課教師認證' });
    expect(await waiting.getByRole('link').count()).toBe(0);
    await expectFitsAndAccessible(page, 'the ledger at 360 px');
    await page.screenshot({ path: `${SHOTS}/student-360.png`, fullPage: true });

    await flag.getByRole('link', { name: '前往處理' }).click();
    await page.waitForURL((url) => url.hash === '#/selection');
    await page.close();
  });

  it('lets 註冊組 open a student’s ledger from the student page', async () => {
    const page = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('navigation', { name: '主選單' }).waitFor();
    const studentId = toGlobalId('Student', school.students[0]!.id);
    await page.goto(`${app.url}/#/students/${encodeURIComponent(studentId)}`);
    await page.getByRole('link', { name: /學習歷程履歷/ }).click();
    await page.waitForURL((url) => url.hash === `#/students/${encodeURIComponent(studentId)}/ledger`);
    await page
      .getByRole('heading', {
        name: `${school.students[0]!.name}（${school.students[0]!.studentNumber}）的學習歷程履歷`,
      })
      .waitFor();
    await page.getByTestId('ledger-summary').waitFor();
    const waiting = page.getByRole('list', { name: '需要處理' }).filter({ hasText: '待任課教師認證' });
    expect(await waiting.textContent()).toMatch(/任課教師/);
    // The teacher's action is not 註冊組's to take: no link to a page they cannot open.
    expect(await waiting.getByRole('link').count()).toBe(0);
    await expectFitsAndAccessible(page, 'a student’s ledger for 註冊組');
    await page.screenshot({ path: `${SHOTS}/registration-desktop.png`, fullPage: true });
    await page.close();
  });
});

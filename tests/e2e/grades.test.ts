import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { haveBrowser, launchBrowser, signIn } from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;

let app: TestApp;
let school: TestSchool;
let browser: Browser;

async function grades(): Promise<(string | null)[]> {
  const rows = await app.sql<{ term_grade: string | null }>(
    `select e.term_grade from enrolment e join student s on s.school_id = e.school_id and s.id = e.student_id
     where e.school_id = ? order by s.seat_number`,
    [school.school.id],
  );
  return rows.map((row) => row.term_grade);
}

describe.skipIf(!haveBrowser)('the grade grid in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    const city = await app.factory.city();
    school = await city.school({ studentsPerClass: 3 });
    await city.timeline(
      [
        {
          kind: TaskKind.GRADE_ENTRY,
          startsAt: new Date(DEFAULT_TEST_NOW.getTime() - DAY),
          endsAt: new Date(DEFAULT_TEST_NOW.getTime() + 5 * DAY),
        },
      ],
      [school],
    );
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    const homeroomClass = school.classes[0]!;
    await app.factory.sections(school, [
      { subjectName: '數學', teacher, students: school.students.filter((s) => s.schoolClass?.id === homeroomClass.id) },
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('takes a column pasted from Excel, refuses a bad grade with nothing saved, then saves', async () => {
    const page = await signIn(browser, app.url, school.logins.teacher.username, school.logins.teacher.password);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '成績登錄' }).click();
    await page.getByRole('button', { name: '數學 301' }).click();
    const grid = page.getByRole('region', { name: '數學 301 成績' });
    const first = grid.locator('[data-cell="0-termGrade"]');
    await first.waitFor();

    // Paste a column the way Excel puts it on the clipboard: one value per line.
    await first.focus();
    await page.evaluate(() => {
      const target = document.activeElement as HTMLInputElement;
      const data = new DataTransfer();
      data.setData('text/plain', '88\r\n101\r\n59\r\n');
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => grid.locator('[data-cell="2-termGrade"]').inputValue()).toBe('59');

    await grid.getByRole('button', { name: '儲存成績' }).click();
    await expect
      .poll(() => grid.getByRole('alert').textContent())
      .toContain('學期成績必須介於 0 到 100 之間，最多兩位小數。');
    expect(await grades()).toEqual([null, null, null]);

    // Fix the second row with the keyboard: Enter from the first row moves down to it.
    await first.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    await grid.getByRole('button', { name: '儲存成績' }).click();
    await expect.poll(() => grid.getByRole('status').textContent()).toMatch(/^已儲存 3 位學生的成績/);
    expect(await grades()).toEqual(['88.00', '100.00', '59.00']);
    await page.close();
  });

  it('shows the homeroom teacher the class with each student’s grades', async () => {
    await app.sql(`update enrolment set term_grade = 75, passed = true where school_id = ? and student_id = ?`, [
      school.school.id,
      school.students[0]!.id,
    ]);
    const page = await signIn(browser, app.url, school.logins.homeroom.username, school.logins.homeroom.password);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '我的班級' }).click();
    const table = page.getByRole('article', { name: '301 班' }).getByRole('table');
    const firstRow = table.getByRole('row').filter({ hasText: school.students[0]!.name });
    await expect.poll(() => firstRow.textContent(), { timeout: 10_000 }).toContain('數學 75');
    await page.close();
  });
});

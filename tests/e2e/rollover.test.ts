import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf } from '../../api/src/common/roc.js';
import { expectFitsAndAccessible, haveBrowser, launchBrowser, openFromMenu, signIn } from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let school: TestSchool;
let browser: Browser;
let thisYear: number;

describe.skipIf(!haveBrowser)('學年度升級 and 復學 in Chromium at phone size', () => {
  beforeAll(async () => {
    app = await startTestApp();
    thisYear = academicYearOf(app.clock.now());
    school = await (await app.factory.city()).school({ studentsPerClass: 2, studentLogins: 'first' });
    // One grade-10 student is 休學: the rollover leaves them, and they come back afterwards.
    await app.sql(`update student set status = 'SUSPENDED', status_changed_at = ? where school_id = ? and id = ?`, [
      app.clock.now(),
      school.school.id,
      school.students[3]!.id,
    ]);
    app.clock.set(new Date(`${thisYear + 1912}-07-20T02:00:00Z`));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets 註冊組 check, confirm the open terms and roll the school over, then readmit a 休學 student', async () => {
    const page = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await page.setViewportSize({ width: 360, height: 740 });
    await openFromMenu(page, '學年度升級');
    await page.getByLabel('升級到').fill(String(thisYear + 1));
    await page.getByRole('button', { name: '試算（不寫入）' }).click();
    await page.waitForURL((url) => url.hash.includes(`year=${thisYear + 1}`));
    const preview = page.getByTestId('rollover-preview');
    await expect.poll(() => preview.getByTestId('rollover-counts').innerText()).toContain('升一個年級：1 人');
    expect(await preview.getByTestId('rollover-counts').innerText()).toContain('高三改為畢業：2 人');
    expect(await preview.getByTestId('rollover-counts').innerText()).toContain('休學保留原班級：1 人');
    expect(await preview.getByTestId('rollover-classes').innerText()).toContain('201');
    await expectFitsAndAccessible(page, 'the rollover preview at 360 px');
    await page.screenshot({ path: '/tmp/rollover-preview-360.png', fullPage: true });

    const go = preview.getByRole('button', { name: '執行升級（全部寫入）' });
    expect(await go.isDisabled()).toBe(true);
    expect(
      await app.sqlOne<{ n: number }>('select count(*)::int as n from rollover_run where school_id = ?', [
        school.school.id,
      ]),
    ).toEqual({ n: 0 });
    await preview.getByLabel(/我已了解/).check();
    await go.click();
    await expect
      .poll(() => page.getByTestId('rollover-done').innerText())
      .toContain(`${thisYear}學年度升級到${thisYear + 1}學年度完成`);
    await expect.poll(() => page.getByTestId('rollover-runs').innerText()).toContain('升級 1 人');
    await expectFitsAndAccessible(page, 'the rollover done at 360 px');
    await page.screenshot({ path: '/tmp/rollover-done-360.png', fullPage: true });

    // In the new year, the 休學 student comes back into grade 10 (the new year's 101).
    app.clock.set(new Date(`${thisYear + 1912}-09-01T02:00:00Z`));
    await app.sql(
      `insert into school_class (school_id, id, academic_year_id, name, grade_year)
       select school_id, gen_random_uuid(), id, '101', 10 from academic_year where school_id = ? and year = ?`,
      [school.school.id, thisYear + 1],
    );
    const again = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await again.setViewportSize({ width: 360, height: 740 });
    await again.waitForLoadState('networkidle');
    const { toGlobalId } = await import('../../api/src/common/ids.js');
    await again.goto(`${app.url}/#/students/${encodeURIComponent(toGlobalId('Student', school.students[3]!.id))}`);
    const form = again.getByRole('form', { name: '辦理復學' });
    await form.getByLabel('班級').selectOption({ label: '101（高一）' });
    await form.getByLabel('座號（選填）').fill('31');
    await expectFitsAndAccessible(again, 'the readmission form at 360 px');
    await form.getByRole('button', { name: '確認復學' }).click();
    await expect
      .poll(() => again.getByTestId('readmit-notice').innerText())
      .toBe(`已復學，編入 101 班，${thisYear + 1}學年度入學。`);
    await again.screenshot({ path: '/tmp/readmit-360.png', fullPage: true });
    const row = await app.sqlOne<{ status: string; cohort: number }>(
      'select status, cohort from student where school_id = ? and id = ?',
      [school.school.id, school.students[3]!.id],
    );
    expect(row).toEqual({ status: 'ENROLLED', cohort: thisYear + 1 });
    await page.close();
    await again.close();
  }, 180_000);
});

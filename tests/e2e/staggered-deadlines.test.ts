import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { expectFitsAndAccessible, haveBrowser, launchBrowser, openFromMenu, signIn } from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const SHOTS = '/tmp/shots-S';

let app: TestApp;
let city: TestCity;
let schools: TestSchool[];
let browser: Browser;

describe.skipIf(!haveBrowser)('the bureau’s staggered deadlines in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startTestApp({}, DEFAULT_TEST_NOW);
    city = await app.factory.city();
    schools = [];
    for (const code of ['920001', '920002', '920003']) {
      schools.push(await city.school({ code, studentsPerClass: 3, studentLogins: 'first' }));
    }
    await city.timeline(
      [{ kind: TaskKind.UPLOAD_PERFORMANCES, startsAt: at(-3), endsAt: at(6), latestEnd: at(8) }],
      schools,
    );
    // Last year's performances: a whole window's worth per school.
    for (const [index, school] of schools.entries()) {
      await app.sql(
        `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                          created_at, updated_at)
         select ?, gen_random_uuid(), ?, ?, 'OTHER', '社區服務', '簡述', now(), now() from generate_series(1, ?)`,
        [school.school.id, school.students[0]!.id, school.years[0]!.id, 300 * (index + 1)],
      );
    }
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openStagger(width: number): Promise<Page> {
    const page = await signIn(browser, app.url, city.bureauLogin.username, city.bureauLogin.password);
    await page.setViewportSize({ width, height: 900 });
    await openFromMenu(page, '錯開截止');
    return page;
  }

  async function buildPlan(page: Page): Promise<void> {
    const task = await page.locator('option', { hasText: '登錄 115學年度 多元表現' }).getAttribute('value');
    await page.getByLabel('範本工作').selectOption(task!);
    await page.getByLabel('分組方式').selectOption('BALANCED');
    await page.getByLabel('組數').fill('2');
    await page.getByLabel('每組相隔天數').fill('3');
    await page.getByRole('button', { name: '試算' }).click();
    await page.getByRole('region', { name: '試算結果' }).waitFor();
    await page.getByTestId('staggered-peak').waitFor();
  }

  it('builds a plan, shows both peaks side by side, and applies it, at 360 px and on a desktop', async () => {
    const phone = await openStagger(360);
    await buildPlan(phone);
    // The plan is in the address.
    expect(phone.url()).toMatch(/#\/stagger\?task=.*&rule=BALANCED&groups=2&step=3/);
    const common = Number((await phone.getByTestId('common-peak').textContent())!.replace(/[^\d]/g, ''));
    const staggered = Number((await phone.getByTestId('staggered-peak').textContent())!.replace(/[^\d]/g, ''));
    expect(common).toBeGreaterThan(staggered);
    expect(staggered).toBeGreaterThan(0);
    const result = phone.getByRole('region', { name: '試算結果' });
    expect(await result.textContent()).toContain('第 2 組：115/12/07 09:00 截止');
    await expectFitsAndAccessible(phone, 'the plan at 360 px');
    await phone.screenshot({ path: `${SHOTS}/stagger-phone.png`, fullPage: true });
    await phone.close();

    const page = await openStagger(1280);
    await buildPlan(page);
    await expectFitsAndAccessible(page, 'the plan at desktop width');
    await page.screenshot({ path: `${SHOTS}/stagger-desktop.png`, fullPage: true });
    await page.getByRole('button', { name: '套用這個計畫' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('已套用：3 所學校的「登錄 115學年度 多元表現」截止已改為所屬組別的日期。');
    const applied = page.getByRole('region', { name: '已套用的計畫' });
    await applied.waitFor();
    expect(await applied.textContent()).toContain('3 所學校分 2 組，每組相隔 3 天');
    await expectFitsAndAccessible(page, 'the applied plan');
    await page.screenshot({ path: `${SHOTS}/stagger-applied.png`, fullPage: true });
    // The board shows the plan's two peaks beside the schools' progress.
    await openFromMenu(page, '即時看板');
    const onBoard = page.getByRole('region', { name: '錯開截止與預估尖峰' });
    await expect
      .poll(() => onBoard.textContent())
      .toContain(`預估尖峰 統一截止 ${common} 件/日 → 錯開後 ${staggered} 件/日`);
    await expectFitsAndAccessible(page, 'the board with the plan');
    await page.close();

    // Balanced: the largest school (900) alone in one group, the other two (300 + 600) in the other.
    const ends = await app.sql<{ code: string; ends_at: Date }>(
      `select s.code, t.ends_at from timeline_task t join school s on s.id = t.school_id
       where s.authority_id = ? and t.kind = 'UPLOAD_PERFORMANCES' order by s.code`,
      [city.authority.id],
    );
    expect(ends.map((row) => new Date(row.ends_at).toISOString())).toEqual([
      at(9).toISOString(),
      at(9).toISOString(),
      at(6).toISOString(),
    ]);
  });
});

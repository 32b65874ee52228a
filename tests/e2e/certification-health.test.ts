import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { expectFitsAndAccessible, haveBrowser, launchBrowser, openFromMenu, signIn } from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const SHOTS = '/tmp/shots-C';
const T0 = DEFAULT_TEST_NOW;

let app: TestApp;
let school: TestSchool;
let browser: Browser;

const account = (role: 'teacher' | 'homeroom') =>
  school.accounts.find((a) => a.username === school.logins[role].username)!;

describe.skipIf(!haveBrowser)('certification health in Chromium', () => {
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp();
    const city = await app.factory.city();
    school = await city.school({ studentsPerClass: 2 });
    await city.timeline(
      [
        {
          kind: TaskKind.CERTIFY_COURSE_OUTCOMES,
          startsAt: new Date(T0.getTime() - 30 * DAY),
          endsAt: new Date(T0.getTime() + 30 * DAY),
        },
      ],
      [school],
    );
    const inClass = (index: number) => school.students.filter((s) => s.schoolClass?.id === school.classes[index]!.id);
    const [physics, chemistry] = await app.factory.sections(school, [
      { subjectName: '物理', teacher: account('teacher'), students: inClass(0) },
      { subjectName: '化學', teacher: account('homeroom'), students: inClass(1) },
    ]);
    await app.factory.outcomes(school, physics!, 1, account('teacher').id);
    await app.factory.outcomes(school, chemistry!, 1, account('teacher').id);
    // 物理's items have waited 8 and 2 days, 化學's 9 and 1.
    for (const [section, ages] of [
      [physics!, [8, 2]],
      [chemistry!, [9, 1]],
    ] as const) {
      const rows = await app.sql<{ id: string }>(
        `select o.id from course_outcome o join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
         where e.section_id = ? order by o.id`,
        [section.id],
      );
      for (const [index, row] of rows.entries()) {
        const when = new Date(T0.getTime() - ages[index]! * DAY);
        await app.sql('update course_outcome set created_at = ?, updated_at = ? where id = ?', [when, when, row.id]);
        await app.sql('update course_outcome_version set created_at = ? where outcome_id = ?', [when, row.id]);
      }
    }
    // 導師 is 任課老師's proxy; 導師 has none.
    await app.sql(
      `insert into certification_proxy (school_id, id, teacher_id, proxy_id, created_by, created_at)
       values (?, gen_random_uuid(), ?, ?, ?, now())`,
      [school.school.id, account('teacher').id, account('homeroom').id, account('teacher').id],
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(role: 'teaching' | 'homeroom', width: number, label: string): Promise<Page> {
    const page = await signIn(browser, app.url, school.logins[role].username, school.logins[role].password);
    await page.setViewportSize({ width, height: 900 });
    await openFromMenu(page, label);
    return page;
  }

  it(
    'shows 教學組 queue ages, who needs a proxy and the rule, and lets them set the routing age (desktop and 360 px)',
    { timeout: 180_000 },
    async () => {
      const page = await open('teaching', 1280, '認證健康度');
      expect(page.url()).toMatch(/#\/certification-health$/);
      const teachers = page.getByRole('region', { name: '各教師的認證健康度' });
      await teachers.waitFor();
      const rows = teachers.getByRole('row');
      // Worst first: 導師 (9 days, no proxy) before 任課老師 (8 days, routed to 導師).
      await expect.poll(() => rows.nth(1).textContent()).toContain('導師');
      expect(await rows.nth(1).textContent()).toContain('9 天');
      expect(await rows.nth(1).textContent()).toContain('請指定認證代理人');
      expect(await rows.nth(2).textContent()).toContain('任課老師');
      expect(await rows.nth(2).textContent()).toContain('1／1');
      expect(await page.getByTestId('needs-proxy').textContent()).toContain('導師：1 件已等候超過 7 天，沒有代理人。');
      expect(await page.getByTestId('school-summary').textContent()).toContain('115/11/19');
      expect(await page.getByTestId('rejection-rule').textContent()).toContain('2.5 個標準誤');
      await expectFitsAndAccessible(page, 'the health page at desktop width');
      await page.screenshot({ path: `${SHOTS}/health-desktop.png`, fullPage: true });

      // A refusal changes nothing; then 10 days: 任課老師's 8-day item is no longer routed.
      const field = page.getByLabel(/待認證滿幾天自動轉給代理人/);
      await field.fill('61');
      await page.getByRole('button', { name: '儲存轉派天數' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('轉派天數必須是 1 到 60 的整數。');
      expect(await app.sql('select 1 from certification_policy where school_id = ?', [school.school.id])).toEqual([]);
      await field.fill('10');
      await page.getByRole('button', { name: '儲存轉派天數' }).click();
      await expect.poll(() => page.getByText('已設定：待認證滿 10 天自動轉給代理人。').count()).toBe(1);
      await expect.poll(() => rows.nth(2).textContent()).toContain('0／0');
      expect(
        await app.sqlOne<{ route_after_days: number }>(
          'select route_after_days from certification_policy where school_id = ?',
          [school.school.id],
        ),
      ).toEqual({ route_after_days: 10 });
      await page.close();

      const phone = await open('teaching', 360, '認證健康度');
      await phone.getByRole('region', { name: '各教師的認證健康度' }).waitFor();
      await expectFitsAndAccessible(phone, 'the health page on a 360 px phone');
      await phone.screenshot({ path: `${SHOTS}/health-phone.png`, fullPage: true });
      await phone.close();
      await app.sql('delete from certification_policy where school_id = ?', [school.school.id]);
    },
  );

  it('marks the routed item first in the proxy’s queue, on a phone too', { timeout: 120_000 }, async () => {
    for (const width of [1280, 360]) {
      const page = await open('homeroom', width, '認證');
      const queue = page.getByTestId('certification-queue');
      await queue.waitFor();
      const first = queue.getByRole('row').nth(1);
      await expect.poll(() => first.textContent()).toContain('已等候 8 天，自動轉給代理人');
      expect(await first.textContent()).toContain('物理');
      expect(await queue.getByTestId('routed-marker').count()).toBe(2); // and 化學's 9 days, no proxy
      await expectFitsAndAccessible(page, `the proxy's queue at ${width} px`);
      await page.screenshot({ path: `${SHOTS}/proxy-queue-${width}.png`, fullPage: true });
      await page.close();
    }
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { formatRocDateTime } from '../../api/src/common/roc.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { haveBrowser, launchBrowser, signIn } from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { childServerEnv, startTestApp, type TestApp } from '../support/harness.js';
import { freePort } from '../support/free-port.js';
import { startServerChild } from '../support/server-child.js';

const DAY = 24 * 3600_000;

let app: TestApp;
let school: TestSchool;
let browser: Browser;

/** "2026-12-02T17:00" for a datetime-local input, in Taipei time. */
function taipeiInput(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

describe.skipIf(!haveBrowser)('a live deadline alert in Chromium', () => {
  beforeAll(async () => {
    // Real time, and a worker: the alert is a real job, fired and delivered through LISTEN/NOTIFY.
    app = await startTestApp({ RUN_WORKER: 'true', WORKER_POLL_INTERVAL_MS: '200' }, new Date());
    const city = await app.factory.city();
    school = await city.school();
    const now = Date.now();
    await city.timeline(
      [
        {
          kind: TaskKind.SELECT_COURSE_OUTCOMES,
          startsAt: new Date(now - DAY),
          endsAt: new Date(now + 2 * DAY),
          latestEnd: new Date(now + 6 * DAY),
        },
      ],
      [school],
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the student an alert, and the new deadline, the moment staff move it on their timeline page', async () => {
    const student = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await expect
      .poll(() => student.getByTestId('countdown').textContent(), { timeout: 10_000 })
      .toMatch(/距離「勾選 115學年度 課程學習成果」截止/);
    await expect.poll(() => student.getByTestId('live-clock').textContent(), { timeout: 10_000 }).toMatch(/即時連線/);

    const staff = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await staff.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '期程', exact: true }).click();
    const row = staff.getByRole('row').filter({ hasText: '勾選 115學年度 課程學習成果' });
    await row.getByRole('button', { name: '調整' }).click();
    const newEnd = new Date(Math.ceil((Date.now() + 4 * DAY) / 60_000) * 60_000);
    await row.getByLabel('截止').fill(taipeiInput(newEnd));
    await row.getByRole('button', { name: '儲存' }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain(formatRocDateTime(newEnd));

    const toast = student.getByRole('status', { name: '期限提醒' });
    await expect
      .poll(() => toast.textContent(), { timeout: 15_000 })
      .toMatch(/^「勾選 115學年度 課程學習成果」的期程已變更為 .*–/);
    expect(await toast.textContent()).toContain(formatRocDateTime(newEnd));
    await expect
      .poll(() => student.getByTestId('countdown').textContent(), { timeout: 10_000 })
      .toContain(formatRocDateTime(newEnd));
  });

  it('comes back on its own after its server restarted, refused reconnects and all, and hears the next alert', async () => {
    // The student's page is served by an API of its own process, which is stopped and started again on its port.
    const port = String(await freePort());
    const env = childServerEnv({ PORT: port, LOG_LEVEL: 'silent', SHUTDOWN_GRACE_SECONDS: '2' });
    let server = await startServerChild('source', env);
    try {
      const student = await signIn(browser, server.url, school.logins.student.username, school.logins.student.password);
      const live = () => student.getByTestId('live-clock').textContent();
      await expect.poll(live, { timeout: 10_000 }).toMatch(/即時連線/);

      await server.stop();
      await expect.poll(live, { timeout: 5000 }).toMatch(/連線中/);
      // Down for a while: the page's first reconnects are refused.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      server = await startServerChild('source', env);
      await expect.poll(live, { timeout: 45_000 }).toMatch(/即時連線/);

      // The alert fires on the in-process instance's worker and reaches the restarted one through NOTIFY.
      const { id, starts_at } = await app.sqlOne<{ id: string; starts_at: Date }>(
        'select id, starts_at from timeline_task where school_id = ? and kind = ?',
        [school.school.id, TaskKind.SELECT_COURSE_OUTCOMES],
      );
      const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
      const newEnd = new Date(Math.ceil((Date.now() + 5 * DAY) / 60_000) * 60_000);
      await staff.ok(
        'mutation ($input: MoveTimelineTaskInput!) { moveTimelineTask(input: $input) { userErrors { code } } }',
        {
          input: {
            taskId: toGlobalId('TimelineTask', id),
            startsAt: new Date(starts_at).toISOString(),
            endsAt: newEnd.toISOString(),
          },
        },
      );
      await expect
        .poll(() => student.getByRole('status', { name: '期限提醒' }).textContent(), { timeout: 15_000 })
        .toContain(formatRocDateTime(newEnd));
    } finally {
      await server.stop();
    }
  });
});

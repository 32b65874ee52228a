import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, haveBrowser, launchBrowser, openFromMenu, signIn } from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let browser: Browser;
const SOURCE_NAME = '臺北市 115學年度第1學期 學習歷程時序';
let sourceId: string;

describe.skipIf(!haveBrowser)('期程範本 in Chromium: a copied template, the adopted one and ROC dates', () => {
  beforeAll(async () => {
    app = await startTestApp();
    city = await app.factory.city();
    school = await city.school();
    const bureau = await app.client().login(city.bureauLogin.username, city.bureauLogin.password);
    // Published through the API with what the factory's templates leave out: responsible sections, system, notes.
    const published = await bureau.ok<{ publishTimelineTemplate: { template: { id: string } } }>(
      `mutation ($input: PublishTimelineTemplateInput!) { publishTimelineTemplate(input: $input) { template { id } } }`,
      {
        input: {
          academicYear: 115,
          semester: 1,
          name: SOURCE_NAME,
          tasks: [
            {
              kind: 'PRECHECK',
              period: '1151',
              startsAt: at(1).toISOString(),
              endsAt: at(3).toISOString(),
              earliestStart: at(0).toISOString(),
              latestEnd: at(6).toISOString(),
              sections: ['TEACHING', 'REGISTRATION'],
              system: '國教署學習歷程檔案資料庫',
              notes: '預檢後請核對名冊。',
            },
            {
              kind: 'UPLOAD_COURSE_OUTCOMES',
              period: '1151',
              startsAt: at(-10).toISOString(),
              endsAt: at(10).toISOString(),
              latestEnd: at(20).toISOString(),
              sections: ['COORDINATOR'],
              system: '臺北市學習歷程平臺',
            },
          ],
        },
      },
    );
    sourceId = published.publishTimelineTemplate.template.id;
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    await staff.ok(
      `mutation ($input: AdoptTimelineTemplateInput!) { adoptTimelineTemplate(input: $input) { tasks { id } } }`,
      { input: { templateId: sourceId } },
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the bureau start a new template from a copy, edit it on a phone and publish it', async () => {
    const page = await signIn(browser, app.url, city.bureauLogin.username, city.bureauLogin.password);
    await page.setViewportSize({ width: 360, height: 800 });
    await openFromMenu(page, '期程範本');
    await page.getByRole('button', { name: `複製為新範本：${SOURCE_NAME}` }).click();
    const editor = page.getByRole('form', { name: `以「${SOURCE_NAME}」為底稿發布新範本` });
    await expect.poll(() => editor.getByRole('group', { name: /^第 \d 項：/ }).count()).toBe(2);
    expect(await editor.getByLabel('範本名稱').inputValue()).toBe(`${SOURCE_NAME}（複本）`);

    const precheck = editor.getByRole('group', { name: /^第 \d 項：預檢/ });
    // Every field of the copied task, its dates in ROC years.
    expect(await precheck.getByLabel('資料期間', { exact: false }).inputValue()).toBe('1151');
    expect(await precheck.getByLabel('預設開始').inputValue()).toBe('115/11/29 09:00');
    expect(await precheck.getByLabel('預設截止').inputValue()).toBe('115/12/01 09:00');
    expect(await precheck.getByLabel('最早開始').inputValue()).toBe('115/11/28 09:00');
    expect(await precheck.getByLabel('最晚截止').inputValue()).toBe('115/12/04 09:00');
    expect(await precheck.getByRole('checkbox', { name: '教學組' }).isChecked()).toBe(true);
    expect(await precheck.getByRole('checkbox', { name: '註冊組' }).isChecked()).toBe(true);
    expect(await precheck.getByRole('checkbox', { name: '資訊組' }).isChecked()).toBe(false);
    expect(await precheck.getByLabel('系統', { exact: false }).inputValue()).toBe('國教署學習歷程檔案資料庫');
    expect(await precheck.getByLabel('備註').inputValue()).toBe('預檢後請核對名冊。');

    await editor.getByLabel('範本名稱').fill('臺北市 115學年度第1學期 學習歷程時序（修訂）');
    await precheck.getByRole('checkbox', { name: '資訊組' }).check();
    await precheck.getByLabel('備註').fill('預檢後請核對名冊，並通知導師。');
    // A day that does not exist is refused in the field, in Chinese, and the form is not sent.
    const end = precheck.getByLabel('預設截止');
    await end.fill('115/11/31 17:00');
    await end.press('Tab');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    expect(await precheck.locator('.roc-field-problem').allTextContents()).toContain(
      '民國 115 年沒有 11 月 31 日，請您確認日期。',
    );
    await expectFitsAndAccessible(page, 'the template editor at 360 px, with a refused date');
    await editor.getByRole('button', { name: '發布', exact: true }).click();
    expect(await editor.isVisible()).toBe(true);
    const sent = await app.sql('select 1 from timeline_template where name = ?', [
      '臺北市 115學年度第1學期 學習歷程時序（修訂）',
    ]);
    expect(sent).toEqual([]);
    await end.fill('115/12/2 17:00');
    await end.press('Tab');
    expect(await end.inputValue()).toBe('115/12/02 17:00');
    await editor.getByRole('button', { name: '發布', exact: true }).click();
    await expect.poll(() => page.locator('main').getByRole('status').textContent()).toBe('範本已發布。');

    const copied = await app.sql<{
      kind: string;
      ends_at: Date;
      earliest_start: Date;
      latest_end: Date;
      sections: string[];
      system: string;
      notes: string;
    }>(
      `select t.kind, t.ends_at, t.earliest_start, t.latest_end, t.sections, t.system, t.notes
         from timeline_template_task t join timeline_template p on p.id = t.template_id
        where p.name = ? order by t.kind`,
      ['臺北市 115學年度第1學期 學習歷程時序（修訂）'],
    );
    expect(
      copied.map((t) => ({
        ...t,
        // Which sections, not the order the form lists them in.
        sections: [...t.sections].sort(),
        ends_at: new Date(t.ends_at).toISOString(),
        earliest_start: new Date(t.earliest_start).toISOString(),
        latest_end: new Date(t.latest_end).toISOString(),
      })),
    ).toEqual([
      {
        kind: 'PRECHECK',
        ends_at: '2026-12-02T09:00:00.000Z',
        earliest_start: at(0).toISOString(),
        latest_end: at(6).toISOString(),
        sections: ['IT', 'REGISTRATION', 'TEACHING'],
        system: '國教署學習歷程檔案資料庫',
        notes: '預檢後請核對名冊，並通知導師。',
      },
      {
        kind: 'UPLOAD_COURSE_OUTCOMES',
        ends_at: at(10).toISOString(),
        earliest_start: at(-10).toISOString(),
        latest_end: at(20).toISOString(),
        sections: ['COORDINATOR'],
        system: '臺北市學習歷程平臺',
        notes: '',
      },
    ]);
    await page.close();
  }, 120_000);

  it('shows the school which template it adopted and when, and adopts another with a date typed in ROC', async () => {
    const page = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await page.setViewportSize({ width: 360, height: 800 });
    await openFromMenu(page, '期程範本');
    const adopted = page.getByRole('region', { name: '本校採用的範本' });
    await expect
      .poll(() => adopted.getByTestId('adopted-template').allTextContents())
      .toEqual([
        expect.stringMatching(
          new RegExp(
            `^115學年度第1學期：${SOURCE_NAME}（\\d{3}/\\d{2}/\\d{2} \\d{2}:\\d{2} 採用，本校期程有 2 項工作出自這個範本）$`,
          ),
        ),
      ]);
    const source = page.locator('article', {
      has: page.getByRole('heading', { name: new RegExp(`${SOURCE_NAME} 本校已採用`) }),
    });
    expect(await source.getByRole('button', { name: '重新採用並調整日期' }).isVisible()).toBe(true);
    await expectFitsAndAccessible(page, 'the school’s 期程範本 at 360 px');

    // The bureau's copy, published by the test before: the school takes it, ending the pre-check later.
    const copy = page.locator('article', { hasText: '（修訂）' });
    await copy.getByRole('button', { name: '採用並調整日期' }).click();
    const form = page.getByRole('form', { name: '採用「臺北市 115學年度第1學期 學習歷程時序（修訂）」' });
    const precheck = form.getByRole('group', { name: '預檢 115學年度第1學期 修課紀錄' });
    const end = precheck.getByLabel('截止');
    expect(await end.inputValue()).toBe('115/12/02 17:00');
    // Outside the bureau's bounds: said at once, in ROC.
    await end.fill('115/12/10 17:00');
    await end.press('Tab');
    expect(await precheck.locator('.roc-field-problem').allTextContents()).toContain('時間不可晚於 115/12/04 09:00。');
    await expectFitsAndAccessible(page, 'the adoption form at 360 px, with a refused date');
    await end.fill('115/12/03 12:00');
    await form.getByRole('button', { name: '採用為本校期程' }).click();
    await expect
      .poll(() => page.locator('main').getByRole('status').textContent())
      .toBe('已採用「臺北市 115學年度第1學期 學習歷程時序（修訂）」為本校期程。');
    // Both of the school's windows now come from the copy, so the source no longer shapes its timeline.
    await expect
      .poll(() => adopted.getByTestId('adopted-template').allTextContents())
      .toEqual([
        expect.stringMatching(
          /^115學年度第1學期：臺北市 115學年度第1學期 學習歷程時序（修訂）（.+ 採用，本校期程有 2 項工作出自這個範本）$/,
        ),
      ]);
    const row = await app.sqlOne<{ ends_at: Date }>(
      `select ends_at from timeline_task where school_id = ? and kind = 'PRECHECK'`,
      [school.school.id],
    );
    expect(new Date(row.ends_at).toISOString()).toBe('2026-12-03T04:00:00.000Z');
    await page.close();
  }, 120_000);

  it('moves a window on 期程 with the ROC date field, by keyboard', async () => {
    const page = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await openFromMenu(page, '期程');
    const row = page.locator('tr', { hasText: '上傳 115學年度第1學期 課程學習成果' });
    await row.getByRole('button', { name: '調整' }).click();
    const form = page.getByRole('form', { name: '調整「上傳 115學年度第1學期 課程學習成果」' });
    const end = form.getByLabel('截止');
    expect(await end.inputValue()).toBe('115/12/08 09:00');
    await end.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('115年12月15日 17時30分');
    await page.keyboard.press('Tab');
    expect(await end.inputValue()).toBe('115/12/15 17:30');
    await expectFitsAndAccessible(page, '期程 at 390 px, moving a window');
    await form.getByRole('button', { name: '儲存' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe('115/11/18 09:00–115/12/15 17:30');
    await page.close();
  }, 120_000);
});

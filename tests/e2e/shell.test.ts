import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveBrowser, launchBrowser, signIn as openAndSignIn } from '../support/browser.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let browser: Browser;

function signIn(username: string, password: string): Promise<Page> {
  return openAndSignIn(browser, app.url, username, password);
}

describe.skipIf(!haveBrowser)('the client shell in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    city = await app.factory.city();
    school = await city.school();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a student their name, school and division, role, term and the date in ROC form', async () => {
    const page = await signIn(school.logins.student.username, school.logins.student.password);
    await expect.poll(() => page.getByTestId('viewer-name').textContent()).toBe(school.students[0]!.name);
    expect(await page.getByTestId('viewer-school').textContent()).toBe(`${school.school.name} 日間部`);
    expect(await page.getByTestId('viewer-roles').textContent()).toBe('學生');
    expect(await page.getByTestId('current-term').textContent()).toBe('115學年度第1學期');
    // The server's clock says 28 November 2026 09:00 in Taipei; the browser sits in New York, where it is still the 27th.
    expect(await page.getByTestId('today').textContent()).toBe('今天 115/11/28');
    await expect.poll(() => page.getByTestId('live-clock').textContent(), { timeout: 10_000 }).toMatch(/即時連線/);

    const nav = await page.getByRole('navigation', { name: '主選單' }).getByRole('link').allTextContents();
    expect(nav).toEqual([
      '首頁',
      '期程',
      '我的學習成果',
      '多元表現',
      '勾選',
      '學習歷程履歷',
      '收訖明細確認',
      '誰看過我的資料',
      '登入裝置',
    ]);
    const card = page.getByLabel('我的學籍資料');
    expect(await card.textContent()).toContain(school.students[0]!.studentNumber);
    expect(await card.textContent()).toMatch(/[A-Z]\d{2}\*{4}\d{3}/);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-student.png') });
    await page.close();
  });

  it('shows 註冊組 staff the student list with full national IDs, and logs out', async () => {
    const page = await signIn(school.logins.registration.username, school.logins.registration.password);
    await expect.poll(() => page.getByTestId('viewer-roles').textContent()).toBe('學校行政人員（註冊組）');
    const nav = page.getByRole('navigation', { name: '主選單' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      '首頁',
      '期程',
      '期程範本',
      '學生名單',
      '資料匯入',
      '學年度升級',
      '轉學',
      '班級',
      '學習歷程進度',
      '提交主控台',
      '疑義處理',
      '稽核紀錄',
      '資料保存期限',
      '初始密碼單',
      '統計',
      '登入裝置',
    ]);
    await nav.getByRole('link', { name: '學生名單' }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(school.students.length + 1);
    expect(await table.textContent()).toContain(school.students[0]!.name);
    expect(await table.textContent()).toMatch(/[A-Z][12]\d{8}/);
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-staff.png') });

    await page.getByRole('button', { name: '登出' }).click();
    await expect.poll(() => page.getByRole('button', { name: '登入' }).count()).toBe(1);
    await page.close();
  });

  it('tells a user with a wrong password, in Chinese', async () => {
    const page = await signIn(school.logins.teacher.username, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('帳號或密碼錯誤，請再試一次。');
    await page.close();
  });

  it('shows the bureau a countdown to the next end among its templates', async () => {
    const day = 24 * 3600_000;
    await city.timeline(
      [
        {
          kind: TaskKind.PRECHECK,
          startsAt: new Date(DEFAULT_TEST_NOW.getTime() - day),
          endsAt: new Date(DEFAULT_TEST_NOW.getTime() + 2 * day + 3 * 3600_000),
        },
      ],
      [],
    );
    const page = await signIn(city.bureauLogin.username, city.bureauLogin.password);
    await expect
      .poll(() => page.getByTestId('countdown').textContent(), { timeout: 10_000 })
      .toMatch(
        /最近截止的是「預檢 115學年度第1學期 修課紀錄」（115\/11\/27 09:00–115\/11\/30 12:00），還有 2 天 (3 小時 0|2 小時 59) 分/,
      );
    const nav = await page.getByRole('navigation', { name: '主選單' }).getByRole('link').allTextContents();
    expect(nav).toEqual([
      '首頁',
      '期程範本',
      '錯開截止',
      '資料保存期限',
      '所轄學校',
      '帳號與權限',
      '統計',
      '即時看板',
      '登入裝置',
    ]);
    await page.close();
  });

  it('opens a class’s student list by its address, also as a link opened before signing in', async () => {
    const schoolClass = school.classes[0]!;
    const inClass = school.students.filter((student) => student.schoolClass?.id === schoolClass.id);
    // From 班級: the class name is a link to the class's own address.
    const page = await signIn(school.logins.registration.username, school.logins.registration.password);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '班級', exact: true }).click();
    await page.getByRole('link', { name: schoolClass.name }).click();
    await expect.poll(() => page.url()).toMatch(/#\/classes\/[^/]+\/students$/);
    const rows = page.locator('main tbody tr');
    await expect.poll(() => rows.count()).toBe(inClass.length);
    const address = page.url();
    await page.close();

    // The same address in a fresh browser: the sign-in form, then that page.
    const fresh = await browser.newPage({ locale: 'zh-TW' });
    await fresh.goto(address);
    await fresh.getByLabel('帳號').fill(school.logins.registration.username);
    await fresh.getByLabel('密碼').fill(school.logins.registration.password);
    await fresh.getByRole('button', { name: '登入' }).click();
    await expect.poll(() => fresh.locator('main tbody tr').count()).toBe(inClass.length);
    expect(await fresh.locator('main tbody').textContent()).toContain(inClass[0]!.studentNumber);

    // A student's own page, from the list: its address names the student, and opens in a fresh browser too.
    const student = inClass[0]!;
    await fresh.getByRole('link', { name: student.name, exact: true }).click();
    await fresh.getByRole('heading', { level: 1, name: `${student.name}（${student.studentNumber}）` }).waitFor();
    expect(fresh.url()).toMatch(/#\/students\/[^/?]+$/);
    for (const section of ['修課紀錄與課程學習成果', '多元表現', '校內幹部', '收訖明細']) {
      await fresh.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    const studentAddress = fresh.url();
    await fresh.close();
    const again = await browser.newPage({ locale: 'zh-TW' });
    await again.goto(studentAddress);
    await again.getByLabel('帳號').fill(school.logins.registration.username);
    await again.getByLabel('密碼').fill(school.logins.registration.password);
    await again.getByRole('button', { name: '登入' }).click();
    await again.getByRole('heading', { level: 1, name: `${student.name}（${student.studentNumber}）` }).waitFor();
    expect(await again.title()).toBe('學生｜學生學習歷程檔案平臺');
    await again.close();
  });

  it('finds students by name or number and by status on 學生名單, keeping the search in the address', async () => {
    const page = await signIn(school.logins.registration.username, school.logins.registration.password);
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '學生名單', exact: true }).click();
    const rows = page.locator('main tbody tr');
    await expect.poll(() => rows.count()).toBe(school.students.length);
    const wanted = school.students[3]!;
    await page.getByLabel('姓名或學號').fill(wanted.name);
    await page.getByRole('button', { name: '搜尋' }).click();
    await expect.poll(() => rows.count()).toBe(school.students.filter((s) => s.name.includes(wanted.name)).length);
    // The fictional names can repeat within a school: the wanted student is among the rows, not necessarily first.
    expect(await rows.allTextContents()).toContainEqual(expect.stringContaining(wanted.studentNumber));
    expect(decodeURIComponent(page.url())).toContain(`q=${wanted.name}`);
    // A wildcard is text: nobody's name holds a literal %.
    await page.getByLabel('姓名或學號').fill('%');
    await page.getByRole('button', { name: '搜尋' }).click();
    await page.getByText('沒有符合搜尋條件的學生。').waitFor();
    await page.getByLabel('姓名或學號').fill('');
    await page.getByRole('button', { name: '搜尋' }).click();
    await page.getByLabel('學籍狀態').selectOption({ label: '畢業' });
    await page.getByText('沒有符合搜尋條件的學生。').waitFor();
    expect(page.url()).toContain('status=GRADUATED');
    await page.close();
  });

  it('says when an address names no page, or a page this person may not open, and the keyboard skips to the page', async () => {
    const page = await signIn(school.logins.student.username, school.logins.student.password);
    await page.getByTestId('viewer-name').waitFor();
    await page.goto(`${app.url}/#/no-such-page`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('找不到這個頁面');
    await page.goto(`${app.url}/#/audit`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('您沒有權限開啟這個頁面');
    expect(await page.getByRole('navigation', { name: '主選單' }).textContent()).not.toContain('稽核紀錄');
    await page.getByRole('link', { name: '回到首頁' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/$/);
    // The home page has replaced the link just clicked (and the focus it held): a Tab pressed while it was still
    // there went to whatever followed it, which the home page then removed (CI once saw the focus end on <body>).
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^歡迎/);

    // The first Tab reaches 「跳到主要內容」; it moves focus to the page, past the header and the menu.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要內容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.url()).toMatch(/#\/$/);
    await page.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsAndAccessible, haveBrowser, launchBrowser, openFromMenu, signIn } from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let receiving: TestSchool;
let origin: TestSchool;
let browser: Browser;

async function onPhone(school: TestSchool): Promise<Page> {
  const page = await signIn(browser, app.url, school.logins.registration.username, school.logins.registration.password);
  await page.setViewportSize({ width: 360, height: 740 });
  await openFromMenu(page, '轉學');
  return page;
}

describe.skipIf(!haveBrowser)('a transfer between two schools of the city, in Chromium on a phone', () => {
  beforeAll(async () => {
    app = await startTestApp();
    const city = await app.factory.city();
    receiving = await city.school();
    origin = await city.school();
    // The student's course records at the school of origin, for the exchange to carry.
    await app.factory.gradedSections(origin);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('R asks, S approves setting 轉出, R receives: the student is created at R with the portfolio', async () => {
    const student = origin.students[0]!;
    const nationalId = app.services.pii.decrypt(student.nationalIdEncrypted);
    const originLabel = `${origin.school.name} 日間部（${origin.school.code}）`;

    // R: 轉入學生, found by national ID and birth date; a new student for R.
    const r = await onPhone(receiving);
    expect(await r.locator('main h1').textContent()).toBe('轉學');
    expect(r.url()).toMatch(/#\/transfers$/);
    const form = r.getByRole('form', { name: '轉入學生' });
    await form.getByLabel('身分證字號').fill(nationalId);
    await form.getByLabel('出生日期').fill('97/05/01');
    await form.getByRole('button', { name: '查詢原就讀學校' }).click();
    await expect.poll(() => form.getByTestId('origin-school').textContent()).toBe(`原就讀學校：${originLabel}`);
    await form.getByLabel('學號').fill('T0001');
    await form.getByLabel('姓名').fill(student.name);
    // This academic year's classes of R.
    await expect
      .poll(() => form.getByLabel('班級').locator('option').allTextContents())
      .toEqual(['請選擇', '115學年度 101 班', '115學年度 301 班']);
    await form.getByLabel('班級').selectOption({ label: '115學年度 101 班' });
    await expectFitsAndAccessible(r, '轉入學生的表單');
    await form.getByRole('button', { name: '送出轉入申請' }).click();
    const mine = r.getByRole('region', { name: '本校的轉入申請' });
    await expect
      .poll(() => mine.getByRole('status').textContent())
      .toBe(`已送出 ${student.name} 的轉入申請，待${origin.school.name} 日間部同意。`);
    const request = mine.getByRole('listitem', { name: `轉入申請：${student.name}（學號 T0001）` });
    await expect.poll(() => request.getByTestId('transfer-status').textContent()).toBe('待原校同意');
    expect(await request.textContent()).toContain(`${nationalId.slice(0, 3)}****${nationalId.slice(-3)}`);
    expect(await request.textContent()).toContain('97/05/01');
    await expectFitsAndAccessible(r, '轉入申請清單');

    // S: the incoming request, approved with 轉出 set in the same step, by keyboard in the dialog.
    const s = await onPhone(origin);
    const theirs = s.getByRole('region', { name: '他校的轉出申請' });
    await expect.poll(() => theirs.getByRole('heading').textContent()).toBe('他校的轉出申請（待處理 1 件）');
    const incoming = theirs.getByRole('listitem', {
      name: `轉出申請：${student.name}（學號 ${student.studentNumber}）`,
    });
    expect(await incoming.getByTestId('transfer-status').textContent()).toBe('待本校同意');
    expect(await incoming.textContent()).toContain(`${receiving.school.name} 日間部（${receiving.school.code}）`);
    const approveButton = incoming.getByRole('button', {
      name: `同意：${student.name}（學號 ${student.studentNumber}）`,
      exact: true,
    });
    await approveButton.focus();
    await s.keyboard.press('Enter');
    const dialog = s.getByRole('dialog', { name: `同意轉出：${student.name}（學號 ${student.studentNumber}）` });
    const setTransferred = dialog.getByLabel('同時將學籍狀態設為「轉出」（目前在學）');
    expect(await setTransferred.isChecked()).toBe(true);
    await expectFitsAndAccessible(s, '同意轉出的對話框');
    // The checkbox has focus first (the dialog's first control); Enter on the confirming button sends it.
    await dialog.getByRole('button', { name: '同意並交付學習歷程' }).focus();
    await s.keyboard.press('Enter');
    await expect
      .poll(() => theirs.getByRole('status').textContent())
      .toBe(
        `已同意 ${student.name}（學號 ${student.studentNumber}） 轉至 ${receiving.school.name} 日間部（${receiving.school.code}），學習歷程已交給對方接收。`,
      );
    await expect
      .poll(() => incoming.getByTestId('transfer-status').textContent())
      .toBe('本校已同意（待轉入學校接收）（115/11/28）');
    expect(await incoming.textContent()).toContain('目前轉出');
    await expectFitsAndAccessible(s, '轉出申請清單');
    const status = await app.sqlOne<{ status: string }>('select status from student where id = ?', [student.id]);
    expect(status.status).toBe('TRANSFERRED');

    // R: ready to receive; receiving creates the student and imports the records.
    await openFromMenu(r, '首頁');
    await openFromMenu(r, '轉學');
    await expect
      .poll(() => request.getByTestId('transfer-status').textContent())
      .toMatch(/^原校已同意（待接收）（原校 115\/11\/28）$/);
    await request.getByRole('button', { name: `接收學習歷程：${student.name}（學號 T0001）` }).click();
    const receive = r.getByRole('dialog', { name: `接收轉入：${student.name}（學號 T0001）` });
    expect(await receive.textContent()).toContain(`將在本校建立學生 ${student.name}（學號 T0001），並匯入`);
    await expectFitsAndAccessible(r, '接收轉入的對話框');
    await receive.getByRole('button', { name: '接收' }).click();
    const records = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from enrolment where school_id = ? and student_id = ?',
      [origin.school.id, student.id],
    );
    await expect
      .poll(() => mine.getByRole('status').textContent())
      .toBe(`已完成轉入：${student.name}（學號 T0001），匯入 ${records.n} 筆學習歷程（唯讀，註明原校）。`);
    await expect.poll(() => request.getByTestId('transfer-status').textContent()).toMatch(/^已完成/);
    await expectFitsAndAccessible(r, '完成的轉入申請');
    const created = await app.sqlOne<{ n: number }>(
      "select count(*)::int as n from student where school_id = ? and student_number = 'T0001'",
      [receiving.school.id],
    );
    expect(created.n).toBe(1);
    await r.close();
    await s.close();
  });

  it('shows 註冊組 a clear message for a national ID nobody in the city holds, and the page to nobody else', async () => {
    const r = await onPhone(receiving);
    const form = r.getByRole('form', { name: '轉入學生' });
    await form.getByLabel('身分證字號').fill('A123456789');
    await form.getByLabel('出生日期').fill('97/05/01');
    await form.getByRole('button', { name: '查詢原就讀學校' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toContain('本市其他學校查無這個身分證字號與出生日期的學生');
    await expectFitsAndAccessible(r, '查無原校的訊息');
    await r.close();

    const teacher = await signIn(
      browser,
      app.url,
      receiving.logins.teacher.username,
      receiving.logins.teacher.password,
    );
    await teacher.getByRole('navigation', { name: '主選單' }).waitFor();
    expect(await teacher.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '轉學' }).count()).toBe(
      0,
    );
    await teacher.goto(`${app.url}/#/transfers`);
    await expect.poll(() => teacher.locator('main').textContent()).toContain('您沒有權限開啟這個頁面');
    await teacher.close();
  });
});

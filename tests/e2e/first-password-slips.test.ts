import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalNationalId } from '../../api/src/db/seed/builders.js';
import { parsePdf } from '../../api/src/modules/round/confirmation/__tests__/pdf-reader.js';
import {
  cspViolationsOf,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  openFromMenu,
  signIn,
} from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, uploadImportFile } from '../support/uploads.js';
import { sheetRows } from '../support/workbooks.js';

let app: TestApp;
let school: TestSchool;
let browser: Browser;

const HEADER = ['學號', '身分證號', '姓名', '出生日期', '性別', '班級', '座號', '入學年度', '學籍狀態'];

describe.skipIf(!haveBrowser)('初始密碼單 and the first sign-in in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    school = await (await app.factory.city()).school();
    browser = await launchBrowser();
    // 註冊組 brings three students in with the roster: each gets a login, no password yet.
    const registration = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    const rows = [1, 2, 3].map((seat) => [
      `P90${seat}`,
      fictionalNationalId(880_000 + seat, 'F'),
      `密碼單生${seat}`,
      '98/03/05',
      '女',
      '109',
      String(seat),
      '115',
      '在學',
    ]);
    const upload = await uploadImportFile(app.url, registration, 'roster.csv', csvFile([HEADER, ...rows]));
    const { previewImport } = await registration.ok<{ previewImport: { importRun: { id: string } } }>(
      'mutation ($input: PreviewImportInput!) { previewImport(input: $input) { importRun { id } } }',
      { input: { kind: 'STUDENTS', uploadId: upload.id } },
    );
    await registration.ok(
      'mutation ($input: CommitImportInput!) { commitImport(input: $input) { importRun { id } } }',
      {
        input: { importId: previewImport.importRun.id },
      },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets 資訊組 print a class’s slips once on a phone, and a student sign in with one and set their own password', async () => {
    const page = await signIn(browser, app.url, school.logins.teaching.username, school.logins.teaching.password);
    await page.setViewportSize({ width: 390, height: 844 });
    await openFromMenu(page, '初始密碼單');
    const row = page.getByRole('row', { name: /^109/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['109', '3', '3', '產生 109 班密碼單']);
    await expectFitsAndAccessible(page, '初始密碼單 at 390 px');

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: '產生 109 班密碼單' }).click();
    const ready = page.getByTestId('slips-ready');
    await ready.waitFor();
    expect(await ready.textContent()).toContain('109 班的初始密碼單已產生（3 人）');
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe('已全部發放');
    await expectFitsAndAccessible(page, 'the printed slips at 390 px');
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-slips-390.png'), fullPage: true });

    const download = async (name: RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), ready.getByRole('link', { name }).click()]);
      return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
    };
    const xlsx = await download(/\.xlsx$/);
    const pdf = await download(/\.pdf$/);
    expect([xlsx.name, pdf.name]).toEqual(['初始密碼單-109.xlsx', '初始密碼單-109.pdf']);
    const sheet = await sheetRows(xlsx.bytes);
    const slips = sheet.slice(1, 4).map((cells) => ({ username: String(cells[3]), password: String(cells[4]) }));
    const code = school.school.code;
    expect(slips.map((slip) => slip.username)).toEqual([`${code}p901`, `${code}p902`, `${code}p903`]);
    const text = parsePdf(pdf.bytes)
      .pages.flatMap((p) => p.texts)
      .join('\n');
    for (const slip of slips) expect(text).toContain(slip.password);
    expect(text).toContain('密碼單生1');
    expect(cspViolationsOf(page)).toEqual([]);
    await page.close();

    // The student, on a 360 px phone, follows a link to 我的學習成果: first their own password, then the page.
    const student = await signIn(browser, `${app.url}/#/outcomes`, slips[0]!.username, slips[0]!.password);
    await student.setViewportSize({ width: 360, height: 740 });
    await student.getByRole('heading', { level: 1, name: '設定新密碼' }).waitFor();
    await expectFitsAndAccessible(student, 'the first sign-in at 360 px');
    await student.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-first-login-360.png'), fullPage: true });
    await student.getByLabel('初始密碼單或重設後的密碼').fill(slips[0]!.password);
    await student.getByLabel('新密碼', { exact: true }).fill('lantern-orchid-river-88');
    await student.getByLabel('再輸入一次新密碼').fill('lantern-orchid-river-88');
    await student.getByRole('button', { name: '變更密碼' }).click();
    await student.getByRole('heading', { level: 1, name: '我的學習成果' }).waitFor();
    expect(new URL(student.url()).hash).toBe('#/outcomes');
    await expectFitsAndAccessible(student, '我的學習成果 after the first sign-in at 360 px');
    expect(await app.client().login(slips[0]!.username, 'lantern-orchid-river-88')).toBeTruthy();
    await student.close();
  });
});

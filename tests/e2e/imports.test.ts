import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalNationalId } from '../../api/src/db/seed/builders.js';
import { haveBrowser, launchBrowser, signIn } from '../support/browser.js';
import type { TestCity } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { csvFile } from '../support/uploads.js';

let app: TestApp;
let city: TestCity;
let browser: Browser;

const HEADER = ['學號', '身分證號', '姓名', '出生日期', '性別', '班級', '座號', '入學年度', '學籍狀態'];
const row = (n: number, className = '102'): string[] => [
  String(8_000_000 + n),
  fictionalNationalId(880_000 + n, 'G'),
  `王同學${n}`,
  '98/03/05',
  n % 2 === 0 ? '女' : '男',
  className,
  String((n % 40) + 1),
  '115',
  '在學',
];

const studentCount = async (schoolId: string) =>
  (await app.sqlOne<{ n: number }>('select count(*)::int as n from student where school_id = ?', [schoolId])).n;

describe.skipIf(!haveBrowser)('the import wizard in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp();
    city = await app.factory.city();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a Big5 file’s error row in Chinese and writes nothing, then imports the corrected file', async () => {
    const school = await city.school();
    const page = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '資料匯入' }).click();
    await page.getByLabel('資料種類').selectOption({ label: '學生名冊與班級' });

    const broken = row(2);
    broken[1] = 'A123456788';
    const before = await studentCount(school.school.id);
    await page.getByTestId('import-file').setInputFiles({
      name: '學生名冊.csv',
      mimeType: 'text/csv',
      buffer: csvFile([HEADER, row(1), broken, row(3)], 'big5'),
    });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').count()).toBe(1);
    const cells = await problems.locator('tbody tr td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('身分證號');
    expect(cells[2]).toMatch(/^第 3 列「身分證號」：身分證/);
    expect(await page.getByTestId('import-counts').textContent()).toContain('問題 1 個');
    expect(await page.getByRole('button', { name: /確認匯入/ }).count()).toBe(0);
    expect(await studentCount(school.school.id)).toBe(before);

    await page.getByTestId('import-file').setInputFiles({
      name: '學生名冊.csv',
      mimeType: 'text/csv',
      buffer: csvFile([HEADER, row(1), row(2), row(3)], 'big5'),
    });
    await page.getByTestId('import-preview').getByText('新增 3').waitFor();
    await page.getByRole('button', { name: /確認匯入/ }).click();
    await page.getByRole('status').filter({ hasText: '匯入完成' }).waitFor();
    expect(await studentCount(school.school.id)).toBe(before + 3);
    const names = await app.sql<{ name: string }>(
      `select name from student where school_id = ? and student_number like '800000%' order by student_number`,
      [school.school.id],
    );
    expect(names.map((student) => student.name)).toEqual(['王同學1', '王同學2', '王同學3']);
    await expect.poll(() => page.getByTestId('recent-imports').locator('tbody tr').count(), { timeout: 5000 }).toBe(2);
  });

  it('shows upload progress for a large file on a slow connection', async () => {
    const school = await city.school();
    const page = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '資料匯入' }).click();
    await page.getByLabel('資料種類').selectOption({ label: '學生名冊與班級' });
    // About 200 KB at 100 KB/s: the bar must show a share between nothing and all.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 1_000_000,
      uploadThroughput: 100_000,
    });
    const rows = Array.from({ length: 2500 }, (_, i) => row(100 + i, `1${String((i % 20) + 1).padStart(2, '0')}`));
    await page.getByTestId('import-file').setInputFiles({
      name: 'large.csv',
      mimeType: 'text/csv',
      buffer: csvFile([HEADER, ...rows]),
    });
    const progress = page.getByTestId('upload-progress');
    await progress.getByText(/上傳中 ([1-9]\d?)%/).waitFor({ timeout: 15_000 });
    const fraction = Number(await progress.locator('progress').getAttribute('value'));
    expect(fraction).toBeGreaterThan(0);
    expect(fraction).toBeLessThan(1);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByTestId('import-preview').getByText('新增 2,500').waitFor({ timeout: 30_000 });
  });
});

import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import {
  cspViolationsOf,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  openFromMenu,
  scrollsSideways,
  signIn,
} from '../support/browser.js';
import { type Login, TEST_PASSWORD, type TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);

let app: TestApp;
let school: TestSchool;
let browser: Browser;
let teacherId: string;
let bureauLogin: Login;

/**
 * A real one-page PDF ("Physics report") whose content stream carries comment lines to make it `size` bytes or so,
 * with a correct cross-reference table.
 */
function pdfOfSize(size: number): Buffer {
  const text = 'BT /F1 24 Tf 72 760 Td (Physics report: pendulum period) Tj ET\n';
  const padding = '% padding to make the upload take a while on a slow line ..............................\n';
  const content = text + padding.repeat(Math.ceil(size / padding.length));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const teacherOf = (s: TestSchool) => s.accounts.find((account) => account.username === s.logins.teacher.username)!;
const sectionOfTeacher = () =>
  app.sqlOne<{ id: string }>('select id from course_section where school_id = ? and teacher_id = ? limit 1', [
    school.school.id,
    teacherId,
  ]);
const classOf = (s: TestSchool, index: number) =>
  s.students.filter((student) => student.schoolClass?.id === s.classes[index]!.id);

describe.skipIf(!haveBrowser)('student evidence in Chromium: upload, certification, selection and progress', () => {
  beforeAll(async () => {
    app = await startTestApp();
    const city = await app.factory.city();
    bureauLogin = city.bureauLogin;
    school = await city.school({ studentsPerClass: 2 });
    await city.timeline(
      [
        TaskKind.UPLOAD_COURSE_OUTCOMES,
        TaskKind.CERTIFY_COURSE_OUTCOMES,
        TaskKind.SELECT_COURSE_OUTCOMES,
        TaskKind.UPLOAD_PERFORMANCES,
        TaskKind.SELECT_PERFORMANCES,
      ].map((kind) => ({ kind, startsAt: at(-1), endsAt: at(5) })),
      [school],
    );
    teacherId = teacherOf(school).id;
    await app.factory.sections(school, [
      { subjectName: '物理', teacher: teacherOf(school), students: classOf(school, 0) },
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('uploads a real PDF with a moving progress bar, the teacher certifies it with a preview, the student selects it', async () => {
    const student = school.students[0]!;
    const pdf = pdfOfSize(320_000);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const page = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await openFromMenu(page, '我的學習成果');
    const course = page.getByRole('article', { name: '物理 的學習成果' });
    await course.getByRole('button', { name: '上傳學習成果' }).click();
    const dialog = page.getByRole('dialog', { name: '上傳學習成果：物理' });
    await dialog.getByLabel('種類').selectOption({ label: '其他課程學習成果' });
    await dialog.getByLabel('簡述').fill('單擺週期實驗報告');
    expect(await dialog.getByTestId('description-count').textContent()).toBe('8/100');

    // About 320 KB at 100 KB/s: the bar must show a share between nothing and all.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 1_000_000,
      uploadThroughput: 100_000,
    });
    await dialog.getByTestId('document-file').setInputFiles({
      name: '單擺實驗報告.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    const progress = dialog.getByTestId('document-progress');
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
    await dialog.getByTestId('document-stored').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: '送出' }).click();
    await page.getByRole('status').filter({ hasText: '已上傳「物理」的學習成果' }).waitFor();

    // The receipt: file name, size, SHA-256 (short, the full value in its title) and the ROC time it was stored.
    const item = course.getByTestId('outcome');
    await expect.poll(() => item.textContent()).toContain('待認證');
    const receipt = item.getByLabel('文件收據');
    expect(await receipt.textContent()).toContain('單擺實驗報告.pdf');
    expect(await receipt.textContent()).toContain(`${(pdf.length / 1024).toFixed(1)} KB`);
    expect(await receipt.getByTestId('receipt-sha256').textContent()).toBe(`${sha256.slice(0, 8)}…${sha256.slice(-8)}`);
    expect(await receipt.getByTestId('receipt-sha256').getAttribute('title')).toBe(sha256);
    // All 64 characters are one button away, for whoever must compare them in full.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await receipt.getByRole('button', { name: /^複製\s?完整的 SHA-256$/ }).click();
    await receipt.getByRole('button', { name: /^已複製\s?完整的 SHA-256$/ }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sha256);
    expect(await receipt.textContent()).toContain('存檔時間115/11/28 09:00:00');
    const stored = await app.sqlOne<{ status: string; sha256: string; size: number }>(
      `select o.status, u.sha256, u.size::int as size from course_outcome o
       join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
       join upload u on u.school_id = v.school_id and u.id = v.document_upload_id
       where o.school_id = ? and o.student_id = ?`,
      [school.school.id, student.id],
    );
    expect(stored).toEqual({ status: 'PENDING', sha256, size: pdf.length });

    // The teacher sees it in the queue, previews the PDF inline and certifies it.
    const teacher = await signIn(browser, app.url, school.logins.teacher.username, school.logins.teacher.password);
    await openFromMenu(teacher, '認證');
    const queue = teacher.getByTestId('certification-queue');
    await expect.poll(() => queue.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
    expect(await queue.textContent()).toContain(student.name);
    const review = teacher.getByRole('article', { name: `檢視：${student.name}（${student.studentNumber}）物理` });
    const preview = review.getByTestId('preview-pdf');
    await preview.waitFor({ timeout: 10_000 });
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    // The platform's Content-Security-Policy lets the blob frame and Chromium's PDF viewer in it load.
    await (await preview.elementHandle())!.contentFrame().then((frame) => frame?.waitForLoadState());
    expect(cspViolationsOf(teacher)).toEqual([]);
    await review.getByRole('button', { name: '認證', exact: true }).click();
    await teacher.getByRole('status').filter({ hasText: '已認證' }).waitFor();
    await teacher.getByText('目前沒有待認證的學習成果。').waitFor();
    const certified = await app.sqlOne<{ status: string }>(
      'select status from course_outcome where school_id = ? and student_id = ?',
      [school.school.id, student.id],
    );
    expect(certified.status).toBe('CERTIFIED');
    await teacher.close();

    // The student selects it: the counter reads 1/6 and the database has the selection.
    await openFromMenu(page, '勾選');
    const counter = page.getByTestId('outcome-counter');
    await expect.poll(() => counter.textContent()).toContain('已勾選 0/6');
    expect(await page.getByTestId('performance-counter').textContent()).toContain('已勾選 0/10');
    const box = page.getByRole('checkbox', { name: '物理：單擺週期實驗報告' });
    // The box follows the server's answer, not the click: it turns on once the selection is stored.
    await box.click();
    await expect.poll(() => counter.textContent()).toContain('已勾選 1/6');
    await expect.poll(() => box.isChecked()).toBe(true);
    const selected = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from course_outcome where school_id = ? and student_id = ? and selected_at is not null',
      [school.school.id, student.id],
    );
    expect(selected.n).toBe(1);
    await page.close();
  });

  it('keeps the keyboard inside the upload dialog, closes it with Escape and gives focus back to its button', async () => {
    const page = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await page.setViewportSize({ width: 390, height: 844 });
    await openFromMenu(page, '我的學習成果');
    const opener = page.getByRole('article', { name: '物理 的學習成果' }).getByRole('button', { name: '上傳學習成果' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: '上傳學習成果：物理' });
    await dialog.waitFor();
    // Tab walks the dialog's fields and, past the last, the browser's own controls: never the page behind it.
    const focusBehind = () =>
      page.evaluate(() => {
        const focused = document.activeElement;
        return focused && focused !== document.body && !focused.closest('dialog')
          ? focused.outerHTML.slice(0, 80)
          : null;
      });
    const inDialog = new Set<string>();
    for (let step = 0; step < 14; step += 1) {
      await page.keyboard.press('Tab');
      expect(await focusBehind(), `after ${step + 1} Tab`).toBeNull();
      const label = await page.evaluate(() =>
        document.activeElement?.closest('dialog')
          ? (document.activeElement.textContent ?? '') + document.activeElement.tagName
          : null,
      );
      if (label) inDialog.add(label);
    }
    expect(inDialog.size).toBeGreaterThanOrEqual(4);
    // The dialog fits the phone: nothing sticks out sideways, nothing inside it sticks out of it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const sticking = await page.evaluate(() => {
      const box = document.querySelector('dialog')!.getBoundingClientRect();
      return Array.from(document.querySelectorAll('dialog *'))
        .filter((element) => element.getBoundingClientRect().right > box.right + 1)
        .map((element) => element.tagName);
    });
    expect(sticking).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('上傳學習成果');
    await page.close();
  });

  it('fits the student’s timeline and performances form on a phone', async () => {
    const page = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await page.setViewportSize({ width: 360, height: 800 });
    for (const label of ['期程', '多元表現']) {
      await openFromMenu(page, label);
      expect(await scrollsSideways(page), label).toBe(false);
    }
    await page.close();
  });

  // One test per role, so each has its own time limit and a failure names the role.
  it.each(['student', 'teacher', 'homeroom', 'registration', 'affairs', 'teaching', 'counselor', 'bureau'] as const)(
    'fits every page of the %s on a phone and a desktop, and axe-core finds nothing on any of them',
    async (role) => {
      const login = role === 'bureau' ? bureauLogin : school.logins[role];
      for (const width of [360, 1366]) {
        const page = await signIn(browser, app.url, login.username, login.password);
        await page.setViewportSize({ width, height: 800 });
        const menu = page.getByRole('navigation', { name: '主選單' }).getByRole('link');
        await menu.first().waitFor();
        const labels = await menu.allInnerTexts();
        expect(labels.length).toBeGreaterThan(3);
        // Each role's home at each size is kept for a reviewer to look at (not committed).
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.screenshot({
          path: path.join(tmpdir(), `portfolio-e2e-home-${login.username.replace(/[^\w.-]/g, '_')}-${width}.png`),
          fullPage: true,
        });
        for (const label of labels) {
          await openFromMenu(page, label.trim());
          const where = `${login.username} at ${width} px: ${label}`;
          // One h1 names the page, and the browser tab says which page it is.
          expect(await page.locator('h1').count(), where).toBe(1);
          expect(await page.title(), where).toBe(`${label.trim()}｜學生學習歷程檔案平臺`);
          await expectFitsAndAccessible(page, where);
        }
        await page.close();
      }
    },
    120_000,
  );

  it('lets 註冊組 give one student a later end on 期程, and says so when the student number is unknown', async () => {
    const page = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await openFromMenu(page, '期程');
    const form = page.getByRole('form', { name: '為個別學生延長期限' });
    await form.getByLabel('期程').selectOption({ label: '上傳 115學年度第1學期 課程學習成果' });
    await form.getByLabel('學號').fill('999999');
    await form.getByLabel('延長後的截止時間').fill('2026-12-20T17:00');
    await form.getByLabel('原因').fill('病假');
    await form.getByRole('button', { name: '延長' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('找不到學號 999999 的學生。');
    const student = school.students[1]!;
    await form.getByLabel('學號').fill(student.studentNumber);
    await form.getByRole('button', { name: '延長' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe(
        `已為 ${student.studentNumber} ${student.name} 延長「上傳 115學年度第1學期 課程學習成果」至 115/12/20 17:00。`,
      );
    const rows = await app.sql<{ reason: string; ends_at: Date }>(
      'select reason, ends_at from timeline_extension where school_id = ? and student_id = ?',
      [school.school.id, student.id],
    );
    expect(rows.map((row) => [row.reason, new Date(row.ends_at).toISOString()])).toEqual([
      ['病假', '2026-12-20T09:00:00.000Z'],
    ]);
    expect(await scrollsSideways(page)).toBe(false);
    await page.close();
  });

  it('refuses a 7th selected outcome with the server’s message in Chinese, and the database keeps 6', async () => {
    const student = school.students[1]!;
    const [chemistry] = await app.factory.sections(school, [
      { subjectName: '化學', teacher: teacherOf(school), students: [student] },
    ]);
    await app.factory.outcomes(school, chemistry!, 7, teacherId);
    await app.sql(`update course_outcome set status = 'CERTIFIED' where school_id = ? and student_id = ?`, [
      school.school.id,
      student.id,
    ]);
    await app.sql(
      `update course_outcome set selected_at = now() where id in (
         select id from course_outcome where school_id = ? and student_id = ? order by id limit 6)`,
      [school.school.id, student.id],
    );
    const left = await app.sqlOne<{ description: string }>(
      `select v.description from course_outcome o
       join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id
       where o.school_id = ? and o.student_id = ? and o.selected_at is null`,
      [school.school.id, student.id],
    );
    const selectedCount = async () =>
      (
        await app.sqlOne<{ n: number }>(
          'select count(*)::int as n from course_outcome where school_id = ? and student_id = ? and selected_at is not null',
          [school.school.id, student.id],
        )
      ).n;

    const page = await signIn(browser, app.url, `${school.logins.student.username.split('.')[0]}.s02`, TEST_PASSWORD);
    await openFromMenu(page, '勾選');
    const counter = page.getByTestId('outcome-counter');
    await expect.poll(() => counter.textContent()).toContain('已勾選 6/6');
    const seventh = page.getByRole('checkbox', { name: `化學：${left.description}` });
    expect(await seventh.isChecked()).toBe(false);
    await seventh.click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual(['本學年的課程學習成果最多勾選 6 件，您已勾選 6 件；請先取消一件再勾選。']);
    expect(await seventh.isChecked()).toBe(false);
    expect(await counter.textContent()).toContain('已勾選 6/6');
    expect(await selectedCount()).toBe(6);
    await page.close();
  });

  it('lets the teacher refuse one with a required reason and certify the rest at once', async () => {
    const students = classOf(school, 1);
    const [geography] = await app.factory.sections(school, [
      { subjectName: '地理', teacher: teacherOf(school), students },
    ]);
    await app.factory.outcomes(school, geography!, 2, teacherId);
    const statuses = async () =>
      app.sql<{ status: string; reason: string | null }>(
        `select o.status, v.reason from course_outcome o
         join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
         join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id
         where o.school_id = ? and e.section_id = ? order by o.status, v.reason`,
        [school.school.id, geography!.id],
      );

    const page = await signIn(browser, app.url, school.logins.teacher.username, school.logins.teacher.password);
    await openFromMenu(page, '認證');
    const queue = page.getByTestId('certification-queue');
    const geographyRows = queue.locator('tbody tr').filter({ hasText: '地理' });
    await expect.poll(() => geographyRows.count(), { timeout: 10_000 }).toBe(4);
    expect(await queue.locator('tbody tr').count()).toBe(4);
    const first = students[0]!;
    await queue.getByRole('row').filter({ hasText: first.name }).first().getByRole('button', { name: '檢視' }).click();
    const review = page.getByRole('article', { name: `檢視：${first.name}（${first.studentNumber}）地理` });
    const refuse = review.getByRole('button', { name: '不通過' });
    expect(await refuse.isDisabled()).toBe(true);
    await review.getByLabel('不通過的理由').fill('檔案不是本課程的作業');
    await refuse.click();
    await page.getByRole('status').filter({ hasText: '未通過認證' }).waitFor();
    await expect.poll(() => geographyRows.count()).toBe(3);

    await page.getByRole('checkbox', { name: '全選待認證' }).check();
    await page.getByRole('button', { name: '認證勾選的 3 件' }).click();
    await page.getByRole('status').filter({ hasText: '已認證 3 件學習成果。' }).waitFor();
    expect(await statuses()).toEqual([
      { status: 'CERTIFIED', reason: null },
      { status: 'CERTIFIED', reason: null },
      { status: 'CERTIFIED', reason: null },
      { status: 'REJECTED', reason: '檔案不是本課程的作業' },
    ]);
    await page.close();
  });

  it('shows the student the teacher’s reason and takes a replacement file as a new version to certify', async () => {
    const student = classOf(school, 1)[0]!; // refused in the test before
    const page = await signIn(browser, app.url, `${school.logins.student.username.split('.')[0]}.s11`, TEST_PASSWORD);
    await openFromMenu(page, '我的學習成果');
    const refused = page
      .getByRole('article', { name: '地理 的學習成果' })
      .getByTestId('outcome')
      .filter({ has: page.getByTestId('reject-reason') });
    await expect
      .poll(() => refused.getByTestId('reject-reason').textContent())
      .toMatch(/^未通過理由：檔案不是本課程的作業/);
    await refused.getByRole('button', { name: '更換檔案' }).click();
    const dialog = page.getByRole('dialog', { name: '更換檔案：地理' });
    await dialog.getByTestId('document-file').setInputFiles({
      name: '地理報告-修正.pdf',
      mimeType: 'application/pdf',
      buffer: pdfOfSize(2_000),
    });
    await dialog.getByTestId('document-stored').waitFor();
    await dialog.getByRole('button', { name: '送出新版本' }).click();
    await page.getByRole('status').filter({ hasText: '（第 2 版），重新等待認證' }).waitFor();
    const replaced = page
      .getByRole('article', { name: '地理 的學習成果' })
      .getByTestId('outcome')
      .filter({ hasText: '地理報告-修正.pdf' });
    await expect.poll(() => replaced.textContent()).toContain('待認證');
    expect(await replaced.textContent()).toContain('第 2 版');
    const rows = await app.sql<{ version: number; status: string; reason: string | null }>(
      `select v.version, v.status, v.reason from course_outcome o
       join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id
       where o.school_id = ? and o.student_id = ? and o.current_version = 2 order by v.version`,
      [school.school.id, student.id],
    );
    expect(rows).toEqual([
      { version: 1, status: 'REJECTED', reason: '檔案不是本課程的作業' },
      { version: 2, status: 'PENDING', reason: null },
    ]);
    await page.close();
  });

  it('records a competition with the category’s own fields, a PNG and a link, and refuses a bad link', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
    const page = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await openFromMenu(page, '多元表現');
    const form = page.getByRole('form', { name: '登錄多元表現' });
    await form.getByLabel(/^類別/).selectOption({ label: '競賽參與' });
    await form.getByLabel('名稱').fill('全國高中物理競賽');
    await form.getByLabel('項目').fill('實驗組');
    await form.getByLabel('競賽等級').selectOption('全國');
    await form.getByLabel('獎項', { exact: true }).fill('佳作');
    // Typed in ROC years, and shown back as 115/11/01 once the field is left.
    await form.getByLabel('結果公布日期').fill('115年11月1日');
    await form.getByLabel('結果公布日期').blur();
    expect(await form.getByLabel('結果公布日期').inputValue()).toBe('115/11/01');
    await form.getByLabel('參與形式').selectOption('團體');
    await form.getByLabel('簡述').fill('與同學合作完成實驗。');
    await form.getByTestId('document-file').setInputFiles({ name: '獎狀.png', mimeType: 'image/png', buffer: png });
    await form.getByTestId('document-stored').waitFor();
    await form.getByLabel(/外部連結/).fill('ftp://example.org/result');
    await form.getByRole('button', { name: '送出' }).click();
    await expect
      .poll(() => form.getByRole('alert').allTextContents())
      .toEqual(['外部連結必須是 http:// 或 https:// 開頭的網址。']);
    await form.getByLabel(/外部連結/).fill('https://example.org/result');
    await form.getByRole('button', { name: '送出' }).click();
    await page.getByRole('status').filter({ hasText: '已登錄「全國高中物理競賽」' }).waitFor();
    const row = page.getByTestId('performances').getByRole('row').filter({ hasText: '全國高中物理競賽' });
    expect(await row.textContent()).toContain('競賽等級：全國');
    expect(await row.textContent()).toContain('結果公布日期：115/11/01');
    expect(await row.getByLabel('文件收據').textContent()).toContain('獎狀.png');
    const stored = await app.sqlOne<{ details: Record<string, string>; external_link: string }>(
      'select details, external_link from diverse_performance where school_id = ? and student_id = ?',
      [school.school.id, school.students[0]!.id],
    );
    expect(stored).toEqual({
      details: { item: '實驗組', level: '全國', award: '佳作', resultDate: '2026-11-01', participation: '團體' },
      external_link: 'https://example.org/result',
    });
    await page.close();
  });

  it('lets the student edit and delete their own performances on a phone, before any submission', async () => {
    const student = school.students[0]!;
    for (const title of ['淨灘志工', '社區掃街']) {
      await app.sql(
        `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, details,
                                          description, created_at, updated_at)
         values (?, gen_random_uuid(), ?, ?, 'OTHER', ?, '{}'::jsonb, '與同學一起服務', now(), now())`,
        [school.school.id, student.id, school.years.at(-1)!.id, title],
      );
    }
    const page = await signIn(browser, app.url, school.logins.student.username, school.logins.student.password);
    await page.setViewportSize({ width: 360, height: 800 });
    await openFromMenu(page, '多元表現');
    const table = page.getByTestId('performances');
    const rowOf = (title: string) => table.getByRole('row').filter({ hasText: title });
    await rowOf('淨灘志工').getByRole('button', { name: '修改「淨灘志工」' }).click();
    const dialog = page.getByRole('dialog', { name: '修改多元表現「淨灘志工」' });
    await dialog.getByLabel('名稱').fill('淨灘志工隊');
    await dialog.getByLabel('簡述').fill('字'.repeat(101));
    await dialog.getByRole('button', { name: '儲存' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('簡述最多 100 個字，目前 101 個字。');
    await expectFitsAndAccessible(page, '修改多元表現的對話框');
    await dialog.getByLabel('簡述').fill('每月一次淨灘');
    await dialog.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('status').filter({ hasText: '已修改「淨灘志工隊」。' }).waitFor();
    await expect.poll(() => rowOf('淨灘志工隊').textContent()).toContain('每月一次淨灘');

    await rowOf('社區掃街').getByRole('button', { name: '刪除「社區掃街」' }).click();
    const confirm = page.getByRole('dialog', { name: '刪除多元表現「社區掃街」' });
    await expectFitsAndAccessible(page, '刪除多元表現的對話框');
    await confirm.getByRole('button', { name: '刪除' }).click();
    await page.getByRole('status').filter({ hasText: '已刪除「社區掃街」。' }).waitFor();
    await expect.poll(() => rowOf('社區掃街').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    const titles = await app.sql<{ title: string; description: string }>(
      `select title, description from diverse_performance where school_id = ? and student_id = ? and category = 'OTHER'`,
      [school.school.id, student.id],
    );
    expect(titles).toEqual([{ title: '淨灘志工隊', description: '每月一次淨灘' }]);
    await page.close();
  });

  it('shows the homeroom teacher each student’s counts and school staff each class’s sums', async () => {
    const counts = await app.sql<{ student_id: string; outcomes: number; certified: number; selected: number }>(
      `select s.id as student_id,
              count(o.id)::int as outcomes,
              count(o.id) filter (where o.status = 'CERTIFIED')::int as certified,
              count(o.id) filter (where o.selected_at is not null)::int as selected
       from student s left join course_outcome o on o.school_id = s.school_id and o.student_id = s.id
       where s.school_id = ? group by s.id`,
      [school.school.id],
    );
    const of = (id: string) => counts.find((row) => row.student_id === id)!;

    const homeroom = await signIn(browser, app.url, school.logins.homeroom.username, school.logins.homeroom.password);
    await openFromMenu(homeroom, '我的班級');
    const table = homeroom.getByRole('article', { name: '301 班' }).getByRole('table');
    for (const student of classOf(school, 0)) {
      // By 學號, which is unique; two students may share a name.
      const row = table
        .getByRole('row')
        .filter({ has: homeroom.getByRole('cell', { name: student.studentNumber, exact: true }) });
      const cell = (key: string) => row.locator(`[data-progress="${key}"]`).textContent();
      await expect.poll(() => cell('outcomes'), { timeout: 10_000 }).toBe(String(of(student.id).outcomes));
      expect(await cell('certified')).toBe(String(of(student.id).certified));
      expect(await cell('outcomesSelected')).toBe(String(of(student.id).selected));
    }
    await homeroom.close();

    const staff = await signIn(
      browser,
      app.url,
      school.logins.registration.username,
      school.logins.registration.password,
    );
    await openFromMenu(staff, '學習歷程進度');
    const summary = staff.getByTestId('class-progress');
    for (const [index, name] of ['301', '101'].entries()) {
      const members = classOf(school, index).map((student) => of(student.id));
      const total = (key: 'outcomes' | 'certified' | 'selected') => members.reduce((sum, row) => sum + row[key], 0);
      const row = summary.locator(`tr[data-class="${name}"]`);
      const cell = (key: string) => row.locator(`[data-progress="${key}"]`).textContent();
      await expect.poll(() => cell('outcomes'), { timeout: 10_000 }).toBe(String(total('outcomes')));
      expect(total('outcomes')).toBeGreaterThan(0);
      expect(await cell('certified')).toBe(String(total('certified')));
      expect(await cell('outcomesSelected')).toBe(String(total('selected')));
    }
    await staff.close();
  });

  it('lets 教學組 name a proxy, who then finds the teacher’s outcomes in their own queue', async () => {
    const proxyAccount = school.accounts.find((account) => account.username === school.logins.homeroom.username)!;
    await app.factory.outcomes(school, { id: (await sectionOfTeacher()).id }, 1, teacherId);
    const page = await signIn(browser, app.url, school.logins.teaching.username, school.logins.teaching.password);
    await openFromMenu(page, '認證代理人');
    await page
      .getByLabel('任課教師')
      .selectOption({ label: `${teacherOf(school).displayName}（${teacherOf(school).username}）` });
    await page
      .getByRole('combobox', { name: /^代理人/ })
      .selectOption({ label: `${proxyAccount.displayName}（${proxyAccount.username}）` });
    await page.getByRole('button', { name: '指定代理人' }).click();
    await expect.poll(() => page.getByTestId('proxies').locator('tbody tr').count()).toBe(1);
    const row = await page.getByTestId('proxies').locator('tbody tr td').allTextContents();
    expect(row.slice(0, 2)).toEqual([teacherOf(school).displayName, proxyAccount.displayName]);
    const stored = await app.sql(
      'select 1 from certification_proxy where school_id = ? and teacher_id = ? and proxy_id = ?',
      [school.school.id, teacherId, proxyAccount.id],
    );
    expect(stored).toHaveLength(1);

    // The same teacher as their own proxy is refused in Chinese, with nothing stored.
    await page
      .getByRole('combobox', { name: /^代理人/ })
      .selectOption({ label: `${teacherOf(school).displayName}（${teacherOf(school).username}）` });
    await page.getByRole('button', { name: '指定代理人' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('代理人不能是教師本人');
    const proxy = await app.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    const queue = await proxy.ok<{ certificationQueue: unknown[] }>('{ certificationQueue { id } }');
    expect(queue.certificationQueue.length).toBeGreaterThan(0);
    await page.close();
  });
});

import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cspViolationsOf,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  openFromMenu,
  signIn as openAndSignIn,
} from '../support/browser.js';
import type { TestCity, TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let city: TestCity;
let school: TestSchool;
let browser: Browser;

const NARROW_PHONE = { width: 360, height: 740 };
const PHONE = { width: 414, height: 896 };

async function openSchools(size: typeof PHONE): Promise<Page> {
  const page = await openAndSignIn(browser, app.url, city.bureauLogin.username, city.bureauLogin.password);
  await page.setViewportSize(size);
  await page.getByTestId('viewer-name').waitFor();
  await openFromMenu(page, '所轄學校');
  return page;
}

const row = (page: Page, code: string, division = '日間部') =>
  page
    .getByTestId('school-row')
    .filter({ has: page.getByRole('cell', { name: code, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: division, exact: true }) });

describe.skipIf(!haveBrowser)('所轄學校 in Chromium', () => {
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

  it('brings a school on from a phone and shows its 資訊組 password once, with a copy button', async () => {
    const page = await openSchools(NARROW_PHONE);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    expect(await page.locator('main h1').textContent()).toBe('所轄學校');
    await expect.poll(() => row(page, school.school.code).count()).toBe(1);
    await expectFitsAndAccessible(page, '所轄學校 (360 px)');

    const code = String(600_000 + Math.floor(Math.random() * 300_000));
    const form = page.getByRole('form', { name: '新增學校（部別）' });
    await form.getByLabel('學校代碼（6 碼）').fill(code);
    await form.getByLabel('校名').fill('臺北市立手機新設高級中學');
    await form.getByLabel('部別').selectOption({ label: '進修部' });
    await form.getByLabel('登入帳號').fill(`${code}.it`);
    await form.getByLabel('姓名').fill('陳資訊');
    await form.getByRole('button', { name: '新增學校' }).click();

    const shown = page.getByTestId('one-time-password');
    await shown.waitFor();
    const password = (await shown.getByTestId('temporary-password').textContent())!;
    expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
    expect(await shown.textContent()).toContain('只顯示這一次');
    await shown.getByRole('button', { name: '複製密碼' }).click();
    await expect.poll(() => shown.getByRole('button', { name: '已複製' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await expect.poll(() => row(page, code, '進修部').count()).toBe(1);
    expect(await row(page, code, '進修部').textContent()).toContain(`${code}n110001`);
    await expectFitsAndAccessible(page, '所轄學校 with the one-time password');
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-schools-created-phone.png'), fullPage: true });

    // The password works, once: the 資訊組 must set their own.
    const it = await app.client().login(`${code}.it`, password);
    expect((await it.ok<{ me: { passwordIsTemporary: boolean } }>('{ me { passwordIsTemporary } }')).me).toEqual({
      passwordIsTemporary: true,
    });

    // Closing the box is the last time anybody sees it.
    await shown.getByRole('button', { name: '我已記下' }).click();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(password);

    // The same division again: refused with a message, nothing added.
    await form.getByLabel('學校代碼（6 碼）').fill(code);
    await form.getByLabel('校名').fill('重複的學校');
    await form.getByLabel('部別').selectOption({ label: '進修部' });
    await form.getByLabel('登入帳號').fill(`${code}.it2`);
    await form.getByLabel('姓名').fill('林資訊');
    await form.getByRole('button', { name: '新增學校' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('已經建立');
    expect(await form.getByLabel('學校代碼（6 碼）').getAttribute('aria-invalid')).toBe('true');
    const count = await app.sqlOne<{ n: number }>('select count(*)::int as n from school where code = ?', [code]);
    expect(count.n).toBe(1);
    await expectFitsAndAccessible(page, '所轄學校 with an error');
    expect(cspViolationsOf(page)).toEqual([]);
    await page.close();
  });

  it('deactivates and reactivates a division with the keyboard, after a confirmation', async () => {
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const page = await openSchools(PHONE);
    const target = row(page, school.school.code);
    await target.waitFor();

    await target.getByRole('button', { name: /^停用/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('立即登出');
    await expectFitsAndAccessible(page, 'the deactivation dialog');
    // Escape is a way out that changes nothing.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(
      (
        await app.sqlOne<{ at: Date | null }>('select deactivated_at as at from school where id = ?', [
          school.school.id,
        ])
      ).at,
    ).toBeNull();

    await target.getByRole('button', { name: /^停用/ }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '確定停用' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('登出了 1 個');
    await expect.poll(() => target.textContent()).toContain('已停用');
    expect((await teacher.ok<{ me: unknown }>('{ me { username } }')).me).toBeNull();
    await expectFitsAndAccessible(page, '所轄學校 with a deactivated division');
    await page.screenshot({ path: path.join(tmpdir(), 'portfolio-e2e-schools-deactivated-phone.png'), fullPage: true });

    await target.getByRole('button', { name: /^重新啟用/ }).click();
    await dialog.getByRole('button', { name: '確定重新啟用' }).click();
    await expect.poll(() => target.textContent()).toContain('使用中');
    expect(await app.client().login(school.logins.teacher.username, school.logins.teacher.password)).toBeTruthy();
    await page.close();
  });

  it('changes a division’s student login rule, refusing a rule without {number}', async () => {
    const page = await openSchools(PHONE);
    const target = row(page, school.school.code);
    await target.getByRole('button', { name: /^變更帳號規則/ }).click();
    const dialog = page.getByRole('dialog');
    const input = dialog.getByLabel('學生帳號規則');
    await input.fill('{code}-student');
    await dialog.getByRole('button', { name: '儲存' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('{number}');
    await expectFitsAndAccessible(page, 'the login rule dialog with an error');
    await input.fill('s{code}.{number}');
    await dialog.getByRole('button', { name: '儲存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => target.textContent()).toContain(`s${school.school.code.toLowerCase()}.110001`);
    await page.close();
  });
});

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SsoFailure, ssoFailureMessage } from '../../api/src/modules/auth/sso.service.js';
import {
  cspViolationsOf,
  expectFitsAndAccessible,
  haveBrowser,
  launchBrowser,
  openFromMenu,
} from '../support/browser.js';
import type { TestSchool } from '../support/factory.js';
import { freePort } from '../support/free-port.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';

const LABEL = '臺北市校園單一身分驗證';
const SHOTS = '/tmp/sso-shots';
/** What the login page says when an address names a failure or provider it cannot vouch for. */
const GENERIC_FAILURE = '未能以單一登入登入本平臺，請再試一次，或改用帳號密碼登入。';

let provider: TestIdentityProvider;
let app: TestApp;
let publicUrl: string;
let school: TestSchool;
let browser: Browser;

async function phone(width = 360): Promise<Page> {
  return browser.newPage({ locale: 'zh-TW', viewport: { width, height: 740 } });
}

const ssoButton = (page: Page) => page.getByRole('link', { name: `以${LABEL}登入`, exact: true });

/** At the provider's development pages: any password signs in as the subject typed as the login; then the consent. */
async function signInAtProvider(page: Page, subject: string): Promise<void> {
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill('any password at all');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === publicUrl);
}

/** Who the page's cookie is signed in as, asked of the API from inside the page. */
function signedInAs(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    const body = (await response.json()) as { data: { me: { username: string } | null } };
    return body.data.me?.username ?? null;
  });
}

describe.skipIf(!haveBrowser)('single sign-on through an OpenID Connect provider in Chromium', () => {
  beforeAll(async () => {
    // Both ends must know each other's address before either starts: the provider lists the platform's callback,
    // and the platform reads the provider's discovery document when it starts.
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    provider = await startIdentityProvider({
      port: await freePort(),
      clients: [
        {
          clientId: 'portfolio',
          clientSecret: 'a-long-test-secret-of-enough-length-123',
          redirectUris: [`${publicUrl}/auth/sso/tpe/callback`],
          postLogoutRedirectUris: [`${publicUrl}/`],
        },
      ],
    });
    app = await startTestApp({
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      SSO_PROVIDERS: 'tpe',
      OIDC_TPE_ISSUER: provider.issuer,
      OIDC_TPE_CLIENT_ID: 'portfolio',
      OIDC_TPE_CLIENT_SECRET: 'a-long-test-secret-of-enough-length-123',
      OIDC_TPE_LABEL: LABEL,
      OIDC_TPE_CLAIM: 'preferred_username',
    });
    school = await (await app.factory.city()).school();
    provider.addPerson({ sub: 'p-teacher', claims: { preferred_username: school.logins.teacher.username } });
    provider.addPerson({ sub: 'p-stranger', claims: { preferred_username: 'nobody.on.this.platform' } });
    browser = await launchBrowser();
    await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await provider?.close();
  });

  it('signs a teacher in through the provider on a phone, back on the page asked for, and out of both', async () => {
    const page = await phone(360);
    await page.goto(`${publicUrl}/#/grades`);
    const button = ssoButton(page);
    await button.waitFor();
    await page.getByRole('heading', { level: 2, name: '或使用單一登入' }).waitFor();
    // A plain link that leaves for the server's start, naming the page to come back to.
    expect(await button.getAttribute('href')).toBe(`/auth/sso/tpe/start?return=${encodeURIComponent('#/grades')}`);
    // The password form is still there, as it was.
    expect(await page.getByRole('button', { name: '登入', exact: true }).count()).toBe(1);
    await expectFitsAndAccessible(page, 'the login page with single sign-on at 360 px');
    await page.screenshot({ path: path.join(SHOTS, 'login-360.png'), fullPage: true });

    // By keyboard: the button follows the password form's own.
    await page.getByLabel('密碼').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`以${LABEL}登入`);
    await page.keyboard.press('Enter');
    await signInAtProvider(page, 'p-teacher');
    await page.getByRole('heading', { level: 1, name: '成績登錄' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/grades');
    expect(await page.getByTestId('viewer-name').textContent()).toBe('任課老師');
    expect(await signedInAs(page)).toBe(school.logins.teacher.username);

    await page.getByRole('button', { name: '登出' }).click();
    const notice = page.getByTestId('provider-sign-out');
    await notice.waitFor();
    expect(await notice.getByRole('paragraph').textContent()).toBe(
      `已登出本平臺。您在「${LABEL}」的登入仍然有效；在共用電腦上請一併登出。`,
    );
    // Focus moves to the notice, so that a screen reader reads it before anything else.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('provider-sign-out');
    expect(await signedInAs(page)).toBeNull();
    const providerLogout = page.getByRole('link', { name: `也登出${LABEL}`, exact: true });
    const logoutUrl = new URL((await providerLogout.getAttribute('href'))!);
    expect(logoutUrl.origin).toBe(provider.issuer);
    expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/`);
    // The sign-in form is there beside it, for whoever comes next.
    await ssoButton(page).waitFor();
    await expectFitsAndAccessible(page, 'the signed-out notice at 360 px');
    await page.screenshot({ path: path.join(SHOTS, 'signed-out-360.png'), fullPage: true });

    // The notice has focus: one Tab reaches its link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`也登出${LABEL}`);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${publicUrl}/`);
    await ssoButton(page).waitFor();
    expect(await page.getByTestId('provider-sign-out').count()).toBe(0);
    // Signed out at the provider too: the next press of the button asks for a login again instead of letting one in.
    await ssoButton(page).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').waitFor();
    await page.close();
  });

  it('gives the same notice after 登出所有裝置 on 登入裝置', async () => {
    const page = await phone(390);
    await page.goto(`${publicUrl}/#/`);
    await ssoButton(page).click();
    await signInAtProvider(page, 'p-teacher');
    await page.getByTestId('viewer-name').waitFor();
    await openFromMenu(page, '登入裝置');
    await page.getByRole('button', { name: '登出所有裝置' }).click();
    await page.getByRole('link', { name: `也登出${LABEL}`, exact: true }).waitFor();
    expect(await signedInAs(page)).toBeNull();
    expect(cspViolationsOf(page)).toEqual([]);
    await page.close();
  });

  it('tells someone the platform does not know, in the server’s words, and leaves no failure in the address', async () => {
    const page = await phone(360);
    await page.goto(`${publicUrl}/#/outcomes`);
    await ssoButton(page).click();
    await signInAtProvider(page, 'p-stranger');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(ssoFailureMessage(SsoFailure.NO_ACCOUNT, LABEL));
    expect(await alert.textContent()).toContain('找不到對應的帳號');
    const address = new URL(page.url());
    expect(address.search).toBe('');
    expect(page.url()).not.toContain('failure=');
    expect(address.hash).toBe('#/outcomes');
    expect(await signedInAs(page)).toBeNull();
    await expectFitsAndAccessible(page, 'the NO_ACCOUNT message at 360 px');
    await page.screenshot({ path: path.join(SHOTS, 'no-account-360.png'), fullPage: true });

    // Once at a desktop's width.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectFitsAndAccessible(page, 'the NO_ACCOUNT message at 1366 px');
    await page.screenshot({ path: path.join(SHOTS, 'no-account-1366.png'), fullPage: true });

    // The password still signs in on the same page, and the provider's failure gives way to the page asked for.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByLabel('帳號').fill(school.logins.student.username);
    await page.getByLabel('密碼').fill(school.logins.student.password);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '我的學習成果' }).waitFor();
    expect(await signedInAs(page)).toBe(school.logins.student.username);
    expect(cspViolationsOf(page)).toEqual([]);
    await page.close();
  });

  it('shows none of a hand-edited address’s own text, and only a general message for what it cannot vouch for', async () => {
    const page = await phone(360);
    const graphqlErrors: string[] = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith('/graphql')) return;
      const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
      for (const error of body?.errors ?? []) graphqlErrors.push(error.message);
    });
    const bait = '請撥打0800-000-000重設密碼';
    for (const query of [
      `sso=tpe&failure=${encodeURIComponent(bait)}`,
      'sso=tpe&failure=no_account',
      `sso=${encodeURIComponent(bait)}&failure=NO_ACCOUNT`,
    ]) {
      await page.goto(`${publicUrl}/?${query}&keep=1#/outcomes`);
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toBe(GENERIC_FAILURE);
      expect(await page.locator('body').innerText()).not.toContain(bait);
      // Only the provider's parameters leave the address; the rest of it stays.
      expect(new URL(page.url()).search).toBe('?keep=1');
      expect(new URL(page.url()).hash).toBe('#/outcomes');
    }
    // A known failure of a known provider: the server's own message.
    await page.goto(`${publicUrl}/?sso=tpe&failure=CANCELLED#/`);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(ssoFailureMessage(SsoFailure.CANCELLED, LABEL));
    expect(graphqlErrors).toEqual([]);
    await page.close();
  });
});

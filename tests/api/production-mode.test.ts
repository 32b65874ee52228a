import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', COOKIE_SECURE: 'true', TRUST_PROXY: 'loopback' });
});
afterAll(() => app.close());

describe('in production', () => {
  it('turns introspection off', async () => {
    const result = await app.client().request('{ __schema { types { name } } }');
    expect(result.data).toBeNull();
    expect(result.errors[0]?.message).toMatch(/introspection/i);
  });

  it('marks the session cookie Secure', async () => {
    const school = await (await app.factory.city()).school();
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: LoginInput!) { login(input: $input) { me { id } } }',
        variables: { input: school.logins.teacher },
      }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('suggests no field, type or value names in any error', async () => {
    const result = await app.client().request('{ mee { id } }');
    expect(result.status).toBe(400);
    expect(result.errors[0]?.message).toBe('Cannot query field "mee" on type "Query".');
    const mutation =
      'mutation ($input: SetAdminSectionInput!) { setAdminSection(input: $input) { userErrors { code } } }';
    for (const input of [
      { accountId: 'x', section: 'ITT', granted: true },
      { accountId: 'x', section: 'IT', grantd: true },
    ]) {
      const refused = await app.client().request(mutation, { input });
      expect(refused.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors[0]?.message).not.toMatch(/Did you mean/);
    }
  });

  it('sends security headers with the client, the API and the routes', async () => {
    for (const path of ['/', '/login', '/graphql?query=%7B__typename%7D', '/healthz', '/files/x']) {
      const response = await fetch(`${app.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      // Plain HTTP: no HSTS.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('pins HTTPS (HSTS) when the load balancer says the request came over HTTPS', async () => {
    const response = await fetch(`${app.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', COOKIE_SECURE: 'true' });
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
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let school: TestSchool;

beforeAll(async () => {
  app = await startTestApp({ GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_COST: '500' });
  school = await (await app.factory.city()).school();
});
afterAll(() => app.close());

describe('query size limits', () => {
  it('rejects a query deeper than the limit with a clear error, before running anything', async () => {
    const client = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const deep = '{ students { edges { node { schoolClass { homeroomTeacher { school { name } } } } } } }';
    const result = await client.request(deep);
    expect(result.status).toBe(400);
    expect(result.data).toBeNull();
    expect(result.errors[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', depth: 7, maxDepth: 5 },
      message: '查詢的巢狀層數為 7 層，超過上限 5 層，請拆成較小的查詢。',
    });
  });

  it('counts depth through fragments too', async () => {
    const client = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const result = await client.request(
      'fragment T on UserAccount { school { authority { name } } } { students { edges { node { schoolClass { homeroomTeacher { ...T } } } } } }',
    );
    expect(result.errors[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects a query whose page sizes multiply past the cost budget', async () => {
    const client = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const result = await client.request(
      'query ($n: Int) { students(first: $n) { nodes { id name studentNumber nationalId birthDate } } }',
      {
        n: 100,
      },
    );
    expect(result.errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    const small = await client.request('query ($n: Int) { students(first: $n) { nodes { id name } } }', { n: 10 });
    expect(small.errors).toEqual([]);
  });

  it('keeps login working for a sensible query', async () => {
    const client = await app.client().login(school.logins.student.username, school.logins.student.password);
    const result = await client.request('{ me { displayName school { displayName } currentTerm { label } } }');
    expect(result.errors).toEqual([]);
  });
});

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

/** Polls /healthz every 50 ms until stopped; resolves to the longest any answer took (or the wait for the last one). */
function watchHealth(): { stop(): Promise<number> } {
  let running = true;
  let slowest = 0;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      await fetch(`${app.url}/healthz`);
      slowest = Math.max(slowest, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return slowest;
    },
  };
}

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

  it('measures each fragment once: a kilobyte of fragments spreading the next one twice is answered at once', async () => {
    for (const levels of [22, 26]) {
      const fragments = Array.from(
        { length: levels + 1 },
        (_, i) => `fragment F${i} on Query { __typename ${i < levels ? `...F${i + 1} ...F${i + 1}` : ''} }`,
      ).join('\n');
      const document = `{ ...F0 } ${fragments}`;
      expect(document.length).toBeLessThan(1600);
      const health = watchHealth();
      const started = Date.now();
      const result = await app.client().request(document);
      const elapsed = Date.now() - started;
      const slowestHealth = await health.stop();
      expect(result.errors).toEqual([]);
      expect(result.data).toEqual({ __typename: 'Query' });
      // Walking every path took ~11 s at 22 levels and minutes at 26, and /healthz waited all along.
      expect(elapsed).toBeLessThan(1000);
      expect(slowestHealth).toBeLessThan(1000);
    }
  });

  it('refuses a fragment bomb over real fields by its cost, before running it', async () => {
    const levels = 30;
    const fragments = Array.from(
      { length: levels + 1 },
      (_, i) => `fragment F${i} on Query { me { id } ${i < levels ? `...F${i + 1} ...F${i + 1}` : ''} }`,
    ).join('\n');
    const started = Date.now();
    const result = await app.client().request(`{ ...F0 } ${fragments}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.status).toBe(400);
    expect(result.errors[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('costs a page size left to a variable’s default as that default', async () => {
    const client = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const query =
      'query ($n: Int = 100) { students(first: $n) { nodes { id name studentNumber nationalId birthDate } } }';
    const result = await client.request(query);
    expect(result.status).toBe(400);
    expect(result.errors[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // A page size left out entirely is the server's default page (20), not one row.
    const fields = 'nodes { id name studentNumber nationalId birthDate }';
    const unsized = await client.request(
      `{ ${['a', 'b', 'c', 'd', 'e'].map((k) => `${k}: students { ${fields} }`).join(' ')} }`,
    );
    expect(unsized.errors[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await client.request(query, { n: 10 })).errors).toEqual([]);
  });

  it('refuses a zero or negative page size before anything runs, so it cannot offset its siblings', async () => {
    const client = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const siblings = Array.from({ length: 60 }, (_, i) => `s${i}: students(first: 100) { nodes { id } }`).join(' ');
    for (const first of ['-100000000', '0']) {
      const result = await client.request(`{ neg: students(first: ${first}) { nodes { id } } ${siblings} }`);
      expect(result.status).toBe(400);
      expect(result.data).toBeNull();
      expect(result.errors[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
        message: `每頁筆數必須介於 1 到 100 之間，目前是 ${Number(first)}。`,
      });
    }
    const viaVariable = await client.request('query ($n: Int) { students(first: $n) { nodes { id } } }', { n: -1 });
    expect(viaVariable.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stops parsing a document with more tokens than any client sends', async () => {
    const huge = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const result = await app.client().request(huge);
    expect(result.status).toBe(400);
    expect(result.errors[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('keeps login working for a sensible query', async () => {
    const client = await app.client().login(school.logins.student.username, school.logins.student.password);
    const result = await client.request('{ me { displayName school { displayName } currentTerm { label } } }');
    expect(result.errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, toGlobalId } from '../../api/src/common/ids.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// A first page of `terms` comes from the school's cached reference rows (term.service.ts termsPage); later pages,
// after a cursor, from PostgreSQL. Both must give the same terms in the same order, and a new term at once.

interface TermsPage {
  terms: { nodes: { id: string; startsOn: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const TERMS = `query ($first: Int, $after: String) {
  terms(first: $first, after: $after) { nodes { id startsOn } pageInfo { hasNextPage endCursor } }
}`;

let app: TestApp;
let school: TestSchool;
let registration: ApiClient;

beforeAll(async () => {
  app = await startTestApp();
  const city = await app.factory.city();
  school = await city.school({ studentsPerClass: 1 });
  await city.school({ studentsPerClass: 1 });
  registration = await app.client().login(school.logins.registration.username, school.logins.registration.password);
});
afterAll(() => app.close());

async function walk(first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { data: TermsPage | null } = await registration.request<TermsPage>(TERMS, { first, after });
    ids.push(...page.data!.terms.nodes.map((node) => node.id));
    if (!page.data!.terms.pageInfo.hasNextPage) return ids;
    after = page.data!.terms.pageInfo.endCursor;
  }
}

describe('the terms list', () => {
  it('gives the school’s own terms, oldest first, whether read whole or page by page', async () => {
    const expected = [...school.terms]
      .sort((a, b) => (a.startsOn === b.startsOn ? (a.id < b.id ? -1 : 1) : a.startsOn < b.startsOn ? -1 : 1))
      .map((term) => toGlobalId('Term', term.id));
    expect(expected.length).toBeGreaterThan(1);
    expect(await walk(100)).toEqual(expected);
    expect(await walk(1)).toEqual(expected);
    const first = await registration.request<TermsPage>(TERMS, { first: 1 });
    expect(first.data!.terms.nodes.map((node) => node.id)).toEqual(expected.slice(0, 1));
    expect(first.data!.terms.pageInfo.hasNextPage).toBe(true);
  });

  it('lists a term added in the database on the next request', async () => {
    await registration.request<TermsPage>(TERMS, { first: 100 });
    const yearId = newId();
    const termId = newId();
    await app.sql(`insert into academic_year (school_id, id, year, starts_on, ends_on) values (?, ?, 190, ?, ?)`, [
      school.school.id,
      yearId,
      '2101-08-01',
      '2102-07-31',
    ]);
    await app.sql(
      `insert into term (school_id, id, academic_year_id, semester, starts_on, ends_on) values (?, ?, ?, 1, ?, ?)`,
      [school.school.id, termId, yearId, '2101-08-01', '2102-01-31'],
    );
    const after = await registration.request<TermsPage>(TERMS, { first: 100 });
    expect(after.data!.terms.nodes.at(-1)).toEqual({ id: toGlobalId('Term', termId), startsOn: '2101-08-01' });
  });

  it('refuses a page size out of range as before', async () => {
    const result = await registration.request<TermsPage>(TERMS, { first: 0 });
    expect(result.data).toBeNull();
    expect(result.errors.map((error) => error.extensions?.field)).toEqual(['first']);
  });
});

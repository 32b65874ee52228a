import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// Every operation that takes a term reads it one way: a malformed id and another school's term get the same answer.
const OPERATIONS: { name: string; query: string; variables: (termId: string) => Record<string, unknown> }[] = [
  { name: 'submissions', query: `query ($t: ID!) { submissions(termId: $t) { id } }`, variables: (t) => ({ t }) },
  {
    name: 'submissionConsole',
    query: `query ($t: ID!) { submissionConsole(termId: $t) { category } }`,
    variables: (t) => ({ t }),
  },
  {
    name: 'disputes',
    query: `query ($t: ID!) { disputes(termId: $t) { nodes { id } } }`,
    variables: (t) => ({ t }),
  },
  {
    name: 'precheckRuns',
    query: `query ($t: ID!) { precheckRuns(termId: $t) { nodes { id } } }`,
    variables: (t) => ({ t }),
  },
  {
    name: 'schoolTermProgress',
    query: `query ($t: ID!) { schoolTermProgress(termId: $t) { nodes { className } } }`,
    variables: (t) => ({ t }),
  },
  { name: 'timeline', query: `query ($t: ID) { timeline(termId: $t) { id } }`, variables: (t) => ({ t }) },
  {
    name: 'submitTerm',
    query: `mutation ($input: SubmitTermInput!) { submitTerm(input: $input) { submission { id } userErrors { code } } }`,
    variables: (termId) => ({ input: { termId, category: 'COURSE_RECORDS', idempotencyKey: 'term-argument-01' } }),
  },
  {
    name: 'exportPrecheckRoster',
    query: `mutation ($input: ExportPrecheckRosterInput!) {
      exportPrecheckRoster(input: $input) { userErrors { code } }
    }`,
    variables: (termId) => ({ input: { termId } }),
  },
  {
    name: 'finalizeTerm',
    query: `mutation ($input: FinalizeTermInput!) { finalizeTerm(input: $input) { userErrors { code } } }`,
    variables: (termId) => ({ input: { termId, category: 'COURSE_RECORDS' } }),
  },
];

let app: TestApp;
let mine: TestSchool;
let registration: ApiClient;
let otherSchoolsTerm: string;

beforeAll(async () => {
  app = await startTestApp();
  const city = await app.factory.city();
  mine = await city.school({ studentsPerClass: 1 });
  const other = await city.school({ studentsPerClass: 1 });
  otherSchoolsTerm = toGlobalId('Term', app.factory.currentTerm(other).id);
  registration = await app.client().login(mine.logins.registration.username, mine.logins.registration.password);
});
afterAll(() => app.close());

describe('a term argument', () => {
  it.each(OPERATIONS)('$name answers a malformed id and another school’s term alike, changing nothing', async (op) => {
    const before = await app.sqlOne<{ n: number }>(
      `select (select count(*) from submission where school_id = ?) + (select count(*) from precheck_run
         where school_id = ?) + (select count(*) from audit_log where school_id = ?) as n`,
      [mine.school.id, mine.school.id, mine.school.id],
    );
    for (const termId of ['not-a-term', toGlobalId('Student', mine.students[0]!.id), otherSchoolsTerm]) {
      const result = await registration.request(op.query, op.variables(termId));
      expect(result.data, `${op.name} with ${termId}`).toBeNull();
      expect(result.errors.map((error) => [error.extensions?.code, error.extensions?.field, error.message])).toEqual([
        ['BAD_USER_INPUT', 'termId', '找不到指定的學期。'],
      ]);
    }
    const after = await app.sqlOne<{ n: number }>(
      `select (select count(*) from submission where school_id = ?) + (select count(*) from precheck_run
         where school_id = ?) + (select count(*) from audit_log where school_id = ?) as n`,
      [mine.school.id, mine.school.id, mine.school.id],
    );
    expect(after.n).toBe(before.n);
  });

  it('still reads this school’s own term', async () => {
    const own = toGlobalId('Term', app.factory.currentTerm(mine).id);
    const data = await registration.ok<{ submissions: unknown[]; timeline: unknown[] }>(
      `query ($t: ID!) { submissions(termId: $t) { id } timeline(termId: $t) { id } }`,
      { t: own },
    );
    expect(data.submissions).toEqual([]);
    expect(Array.isArray(data.timeline)).toBe(true);
  });
});

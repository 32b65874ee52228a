import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { SchoolDivision } from '../../api/src/modules/school/school.entity.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let schoolA: TestSchool;
let schoolB: TestSchool;
let otherCitySchool: TestSchool;
let bureauLogin: { username: string; password: string };

/** Every global id a school owns, by type. */
function globalIdsOf(school: TestSchool): string[] {
  return [
    toGlobalId('School', school.school.id),
    ...school.years.map((y) => toGlobalId('AcademicYear', y.id)),
    ...school.terms.map((t) => toGlobalId('Term', t.id)),
    ...school.classes.map((c) => toGlobalId('SchoolClass', c.id)),
    ...school.accounts.map((a) => toGlobalId('UserAccount', a.id)),
    ...school.students.map((s) => toGlobalId('Student', s.id)),
  ];
}

const LISTS = `{
  schools(first: 100) { nodes { id } }
  classes(first: 100) { nodes { id homeroomTeacher { id } academicYear { id } } }
  terms(first: 100) { nodes { id academicYear { id } } }
  students(first: 100) { nodes { id schoolClass { id } } }
  me { school { id } currentTerm { id } homeroomClasses { id } student { id } }
}`;

function collectIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => collectIds(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') into.add(v);
      else collectIds(v, into);
    }
  }
  return into;
}

beforeAll(async () => {
  app = await startTestApp();
  const city = await app.factory.city();
  schoolA = await city.school();
  // B is the night division of the same school: same code, another tenant.
  schoolB = await city.school({ division: SchoolDivision.NIGHT, code: schoolA.school.code });
  otherCitySchool = await (await app.factory.city()).school();
  bureauLogin = city.bureauLogin;
});
afterAll(() => app.close());

describe('a user of school A', () => {
  const roles = ['registration', 'teacher', 'homeroom', 'counselor', 'student'] as const;

  it.each(roles)('as %s gets nothing of school B through node(id:)', async (role) => {
    const client = await app.client().login(schoolA.logins[role].username, schoolA.logins[role].password);
    for (const id of globalIdsOf(schoolB)) {
      const result = await client.ok<{ node: { id: string } | null }>('query ($id: ID!) { node(id: $id) { id } }', {
        id,
      });
      expect(result.node, `node(${id})`).toBeNull();
    }
  });

  it.each(roles)('as %s sees no id of school B in any list', async (role) => {
    const client = await app.client().login(schoolA.logins[role].username, schoolA.logins[role].password);
    const seen = new Set<string>();
    for (const field of ['schools', 'classes', 'terms', 'students', 'me']) {
      const query = LISTS.replace(/^\{|\}$/g, '')
        .split('\n')
        .find((line) => line.trim().startsWith(field));
      const result = await client.request(`{ ${query} }`);
      collectIds(result.data, seen);
    }
    const foreign = globalIdsOf(schoolB).filter((id) => seen.has(id));
    expect(foreign).toEqual([]);
    // The lists are not simply empty: A's own rows are there for the roles that may see them.
    expect(seen.has(toGlobalId('School', schoolA.school.id))).toBe(true);
  });

  it('filtering students by a class of school B yields nothing', async () => {
    const client = await app.client().login(schoolA.logins.registration.username, schoolA.logins.registration.password);
    const result = await client.ok<{ students: { nodes: unknown[] } }>(
      'query ($c: ID) { students(classId: $c) { nodes { id } } }',
      {
        c: toGlobalId('SchoolClass', schoolB.classes[0]!.id),
      },
    );
    expect(result.students.nodes).toEqual([]);
  });

  it('cannot change a student of school B, and the row stays as it was', async () => {
    const client = await app.client().login(schoolA.logins.registration.username, schoolA.logins.registration.password);
    const victim = schoolB.students[0]!;
    const result = await client.request(
      'mutation ($input: UpdateStudentInput!) { updateStudent(input: $input) { student { id } userErrors { code } } }',
      {
        input: { id: toGlobalId('Student', victim.id), name: '被改掉的名字' },
      },
    );
    expect(result.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    const row = await app.sqlOne<{ name: string }>('select name from student where id = ?', [victim.id]);
    expect(row.name).toBe(victim.name);
  });

  it('cannot put a new student into a class of school B', async () => {
    const client = await app.client().login(schoolA.logins.registration.username, schoolA.logins.registration.password);
    const result = await client.ok<{
      createStudent: { student: null; userErrors: { code: string; field: string[] }[] };
    }>(
      'mutation ($input: CreateStudentInput!) { createStudent(input: $input) { student { id } userErrors { code field } } }',
      {
        input: {
          studentNumber: 'X0001',
          name: '越界生',
          nationalId: 'A123456789',
          birthDate: '2009-01-01',
          cohort: 115,
          classId: toGlobalId('SchoolClass', schoolB.classes[0]!.id),
        },
      },
    );
    expect(result.createStudent.userErrors).toEqual([{ code: 'CLASS_NOT_FOUND', field: ['input', 'classId'] }]);
    const count = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from student where student_number = 'X0001'`,
    );
    expect(count.n).toBe(0);
  });

  it('cannot smuggle a school id into an input: the schema has no such field and nothing is written', async () => {
    const client = await app.client().login(schoolA.logins.registration.username, schoolA.logins.registration.password);
    const result = await client.request(
      'mutation ($input: CreateStudentInput!) { createStudent(input: $input) { student { id } } }',
      {
        input: {
          schoolId: toGlobalId('School', schoolB.school.id),
          studentNumber: 'X0002',
          name: '走私生',
          nationalId: 'A123456789',
          birthDate: '2009-01-01',
          cohort: 115,
        },
      },
    );
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.message).toMatch(/schoolId/);
    const count = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from student where student_number = 'X0002'`,
    );
    expect(count.n).toBe(0);
  });
});

describe('the bureau', () => {
  it('sees its own schools in the directory, not another authority’s, and no student rows', async () => {
    const client = await app.client().login(bureauLogin.username, bureauLogin.password);
    const data = await client.ok<{ schools: { nodes: { id: string }[] } }>('{ schools(first: 100) { nodes { id } } }');
    const ids = data.schools.nodes.map((s) => s.id).sort();
    expect(ids).toEqual([toGlobalId('School', schoolA.school.id), toGlobalId('School', schoolB.school.id)].sort());

    const foreignSchool = await client.ok<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: toGlobalId('School', otherCitySchool.school.id),
    });
    expect(foreignSchool.node).toBeNull();

    const schoolIds = new Set([toGlobalId('School', schoolA.school.id), toGlobalId('School', schoolB.school.id)]);
    for (const id of [...globalIdsOf(schoolA), ...globalIdsOf(schoolB)]) {
      const result = await client.ok<{ node: { id: string } | null }>('query ($id: ID!) { node(id: $id) { id } }', {
        id,
      });
      expect(result.node, `node(${id})`).toEqual(schoolIds.has(id) ? { id } : null);
    }
    const students = await client.request('{ students { nodes { id } } }');
    expect(students.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('an anonymous caller', () => {
  it('gets null from node(id:) and UNAUTHENTICATED from lists', async () => {
    const anonymous: ApiClient = app.client();
    const node = await anonymous.ok<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: toGlobalId('Student', schoolA.students[0]!.id),
    });
    expect(node.node).toBeNull();
    const list = await anonymous.request('{ students { nodes { id } } }');
    expect(list.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(list.errors[0]?.message).toBe('請先登入，或登入已逾時，請重新登入。');
  });

  it('gets a clear error for a malformed id', async () => {
    const result = await app.client().request('{ node(id: "not-an-id") { id } }');
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

import { fromGlobalId } from '../../api/src/common/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let school: TestSchool;

const CREATE = `mutation ($input: CreateStudentInput!) {
  createStudent(input: $input) {
    student { id studentNumber name nationalId viewerCanSeeFullNationalId schoolClass { name } }
    userErrors { field code message }
  }
}`;

interface CreateData {
  createStudent: {
    student: {
      id: string;
      studentNumber: string;
      name: string;
      nationalId: string;
      viewerCanSeeFullNationalId: boolean;
    } | null;
    userErrors: { field: string[]; code: string; message: string }[];
  };
}

const validInput = (overrides: Record<string, unknown> = {}) => ({
  studentNumber: 'N0001',
  name: '新同學',
  nationalId: 'A123456789',
  birthDate: '2010-03-05',
  cohort: 115,
  seatNumber: 30,
  ...overrides,
});

async function studentCount(number: string): Promise<number> {
  const row = await app.sqlOne<{ n: number }>(
    'select count(*)::int as n from student where school_id = ? and student_number = ?',
    [school.school.id, number],
  );
  return row.n;
}

beforeAll(async () => {
  app = await startTestApp();
  school = await (await app.factory.city()).school({ studentsPerClass: 3 });
});
afterAll(() => app.close());

describe('creating students (註冊組)', () => {
  it('creates a student, encrypts the national ID at rest, shows it in full to 註冊組, and audits', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const result = await staff.ok<CreateData>(CREATE, {
      input: validInput({ classId: toGlobalId('SchoolClass', school.classes[1]!.id) }),
    });
    expect(result.createStudent.userErrors).toEqual([]);
    expect(result.createStudent.student).toMatchObject({
      studentNumber: 'N0001',
      nationalId: 'A123456789',
      viewerCanSeeFullNationalId: true,
    });

    const row = await app.sqlOne<{ national_id_encrypted: string; national_id_digest: string }>(
      'select national_id_encrypted, national_id_digest from student where school_id = ? and student_number = ?',
      [school.school.id, 'N0001'],
    );
    expect(row.national_id_encrypted).not.toContain('A123456789');
    expect(row.national_id_digest).not.toContain('A123456789');
    const audit = await app.sqlOne<{ operation: string; target_ids: string[] }>(
      `select operation, target_ids from audit_log where school_id = ? and operation = 'student.create'`,
      [school.school.id],
    );
    expect(audit.target_ids).toHaveLength(1);
  });

  it('rejects a malformed national ID with a clear message and writes nothing', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const result = await staff.ok<CreateData>(CREATE, {
      input: validInput({ studentNumber: 'N0002', nationalId: 'A123456788' }),
    });
    expect(result.createStudent.student).toBeNull();
    expect(result.createStudent.userErrors).toEqual([
      {
        field: ['input', 'nationalId'],
        code: 'INVALID_NATIONAL_ID',
        message: '身分證字號檢查碼不正確，請再核對一次。',
      },
    ]);
    expect(await studentCount('N0002')).toBe(0);
  });

  it('reports every problem of a bad form at once', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const result = await staff.ok<CreateData>(CREATE, {
      input: validInput({
        studentNumber: 'N 3',
        name: ' ',
        nationalId: 'X',
        birthDate: '2010-02-30',
        cohort: 99,
        seatNumber: 0,
      }),
    });
    expect(result.createStudent.userErrors.map((e) => e.code).sort()).toEqual(
      [
        'INVALID_BIRTH_DATE',
        'INVALID_COHORT',
        'INVALID_NAME',
        'INVALID_NATIONAL_ID',
        'INVALID_SEAT_NUMBER',
        'INVALID_STUDENT_NUMBER',
      ].sort(),
    );
  });

  it('refuses a duplicate 學號 or national ID in the same school', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const existing = school.students[0]!;
    const duplicateNumber = await staff.ok<CreateData>(CREATE, {
      input: validInput({ studentNumber: existing.studentNumber, nationalId: 'F131104093' }),
    });
    expect(duplicateNumber.createStudent.userErrors.map((e) => e.code)).toEqual(['DUPLICATE_STUDENT_NUMBER']);
    const duplicateId = await staff.ok<CreateData>(CREATE, {
      input: validInput({ studentNumber: 'N0004', nationalId: 'A123456789' }),
    });
    expect(duplicateId.createStudent.userErrors.map((e) => e.code)).toEqual(['DUPLICATE_NATIONAL_ID']);
    expect(await studentCount('N0004')).toBe(0);
  });

  it('is refused to a teacher and to 教學組-less staff roles', async () => {
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    const result = await teacher.request(CREATE, { input: validInput({ studentNumber: 'N0005' }) });
    expect(result.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await studentCount('N0005')).toBe(0);
  });
});

describe('who sees which student', () => {
  it('masks the national ID for the homeroom teacher and the student', async () => {
    const homeroom = await app.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    const list = await homeroom.ok<{ students: { nodes: { nationalId: string; schoolClass: { name: string } }[] } }>(
      '{ students { nodes { nationalId schoolClass { name } } } }',
    );
    expect(list.students.nodes).toHaveLength(3);
    for (const student of list.students.nodes) {
      expect(student.nationalId).toMatch(/^[A-Z]\d{2}\*{4}\d{3}$/);
      expect(student.schoolClass.name).toBe('301');
    }
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    const me = await student.ok<{ me: { student: { nationalId: string; studentNumber: string } } }>(
      '{ me { student { nationalId studentNumber } } }',
    );
    expect(me.me.student.nationalId).toMatch(/^[A-Z]\d{2}\*{4}\d{3}$/);
    expect(me.me.student.studentNumber).toBe(school.students[0]!.studentNumber);
  });

  it('lets a student fetch themselves but not a classmate through node(id:)', async () => {
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    const self = await student.ok<{ node: { id: string } | null }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: toGlobalId('Student', school.students[0]!.id),
    });
    expect(self.node).not.toBeNull();
    const classmate = await student.ok<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: toGlobalId('Student', school.students[1]!.id),
    });
    expect(classmate.node).toBeNull();
    const list = await student.request('{ students { nodes { id } } }');
    expect(list.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('pagination', () => {
  it('walks all students with cursors, in 學號 order, without repeats', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const data: {
        students: {
          edges: { cursor: string; node: { studentNumber: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await staff.ok(
        'query ($after: String) { students(first: 2, after: $after) { edges { cursor node { studentNumber } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...data.students.edges.map((e) => e.node.studentNumber));
      if (!data.students.pageInfo.hasNextPage) break;
      after = data.students.pageInfo.endCursor;
    }
    const { n } = await app.sqlOne<{ n: number }>('select count(*)::int as n from student where school_id = ?', [
      school.school.id,
    ]);
    expect(seen).toHaveLength(n);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a page over 100 and a forged cursor', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const big = await staff.request('{ students(first: 101) { nodes { id } } }');
    expect(big.errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: '每頁筆數必須介於 1 到 100 之間，目前是 101。',
    });
    const forged = await staff.request('{ students(after: "garbage") { nodes { id } } }');
    expect(forged.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('finding a student by 學號', () => {
  const FIND = 'query ($n: String) { students(first: 5, studentNumber: $n) { edges { node { studentNumber } } } }';

  it('finds exactly that student, none for an unknown number, and refuses an over-long one', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const wanted = school.students[1]!.studentNumber;
    const found = await staff.ok<{ students: { edges: { node: { studentNumber: string } }[] } }>(FIND, {
      n: ` ${wanted} `,
    });
    expect(found.students.edges.map((edge) => edge.node.studentNumber)).toEqual([wanted]);
    const none = await staff.ok<{ students: { edges: unknown[] } }>(FIND, { n: '999999' });
    expect(none.students.edges).toEqual([]);
    const long = await staff.request(FIND, { n: '1'.repeat(31) });
    expect(long.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors[0]?.message).toBe('學號最多 30 個字。');
  });
});

describe('searching 學生名單', () => {
  const SEARCH = `query ($q: String, $status: StudentStatus, $classId: ID) {
    students(first: 100, search: $q, status: $status, classId: $classId) { nodes { id studentNumber name status } }
  }`;
  type Found = { students: { nodes: { id: string; studentNumber: string; name: string; status: string }[] } };

  it('matches a name anywhere or a 學號 from its start, by status, and takes % and _ as text', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const everyone = await app.sql<{ student_number: string; name: string; status: string }>(
      'select student_number, name, status from student where school_id = ? order by student_number',
      [school.school.id],
    );
    const numbers = async (variables: Record<string, unknown>) =>
      (await staff.ok<Found>(SEARCH, variables)).students.nodes.map((node) => node.studentNumber);

    const someone = everyone[2]!;
    const part = [...someone.name].slice(1).join('');
    expect(await numbers({ q: part })).toEqual(
      everyone.filter((s) => s.name.includes(part) || s.student_number.startsWith(part)).map((s) => s.student_number),
    );
    const prefix = someone.student_number.slice(0, -1);
    expect(await numbers({ q: prefix })).toEqual(
      everyone.filter((s) => s.student_number.startsWith(prefix)).map((s) => s.student_number),
    );
    // The middle of a 學號 is not a match: numbers are looked up from their start.
    expect(await numbers({ q: someone.student_number.slice(1) })).not.toContain(someone.student_number);
    expect(await numbers({ q: '%' })).toEqual([]);
    expect(await numbers({ q: '_' })).toEqual([]);
    expect(await numbers({ q: '   ' })).toEqual(everyone.map((s) => s.student_number));

    await app.sql("update student set status = 'SUSPENDED' where school_id = ? and student_number = ?", [
      school.school.id,
      someone.student_number,
    ]);
    expect(await numbers({ status: 'SUSPENDED' })).toEqual([someone.student_number]);
    expect(await numbers({ status: 'ENROLLED' })).not.toContain(someone.student_number);
    await app.sql("update student set status = 'ENROLLED' where school_id = ? and student_number = ?", [
      school.school.id,
      someone.student_number,
    ]);

    const long = await staff.request(SEARCH, { q: '名'.repeat(31) });
    expect(long.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors[0]?.message).toBe('搜尋文字最多 30 個字。');
    const badStatus = await staff.request(SEARCH, { status: 'EXPELLED' });
    expect(badStatus.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the homeroom teacher to their own class, whatever the search', async () => {
    const homeroom = await app.client().login(school.logins.homeroom.username, school.logins.homeroom.password);
    const found = await homeroom.ok<Found>(SEARCH, { q: '' });
    const teacherId = school.accounts.find((account) => account.username === school.logins.homeroom.username)!.id;
    const own = await app.sql<{ id: string }>(
      `select s.id from student s join school_class c on c.id = s.class_id
        where s.school_id = ? and c.homeroom_teacher_id = ? order by s.student_number`,
      [school.school.id, teacherId],
    );
    expect(found.students.nodes.map((node) => fromGlobalId(node.id)!.id).sort()).toEqual(
      own.map((row) => row.id).sort(),
    );
    expect(found.students.nodes.length).toBeLessThan(school.students.length);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../api/src/common/ids.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let school: TestSchool;
let otherSchool: TestSchool;

const CADRE = `mutation ($input: RecordCadreInput!) {
  recordCadre(input: $input) { record { id unit position level startsOn endsOn } userErrors { field code message } }
}`;
const COUNSELING = `mutation ($input: RecordCounselingInput!) {
  recordCounseling(input: $input) { record { id kind topic students { id } } userErrors { field code message } }
}`;
const LIST = '{ counselingRecords(first: 100) { nodes { id topic students { id } } } }';

interface Payload<T> {
  record: T | null;
  userErrors: { field: string[]; code: string; message: string }[];
}

const studentId = (index: number, target = school) => toGlobalId('Student', target.students[index]!.id);

beforeAll(async () => {
  app = await startTestApp();
  const city = await app.factory.city();
  school = await city.school({ studentsPerClass: 3 });
  otherSchool = await city.school();
});
afterAll(() => app.close());

describe('校內幹部 by 訓育組', () => {
  it('records a cadre position that the student and staff then see', async () => {
    const affairs = await app.client().login(school.logins.affairs.username, school.logins.affairs.password);
    const result = await affairs.ok<{ recordCadre: Payload<{ unit: string; level: number }> }>(CADRE, {
      input: {
        studentId: studentId(0),
        unit: '班級',
        position: '班長',
        level: 1,
        startsOn: '2026-09-01',
        endsOn: '2027-01-20',
      },
    });
    expect(result.recordCadre.userErrors).toEqual([]);
    expect(result.recordCadre.record).toMatchObject({ unit: '班級', level: 1 });
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    const mine = await student.ok<{ me: { student: { cadreRecords: { position: string }[] } } }>(
      '{ me { student { cadreRecords { position } } } }',
    );
    expect(mine.me.student.cadreRecords.map((c) => c.position)).toEqual(['班長']);
  });

  it('refuses bad input and another school’s student, writing nothing', async () => {
    const affairs = await app.client().login(school.logins.affairs.username, school.logins.affairs.password);
    const before = await app.sqlOne<{ n: number }>('select count(*)::int as n from cadre_record where school_id = ?', [
      school.school.id,
    ]);
    const result = await affairs.ok<{ recordCadre: Payload<unknown> }>(CADRE, {
      input: {
        studentId: studentId(0, otherSchool),
        unit: '',
        position: '班長',
        level: 4,
        startsOn: '2026-09-01',
        endsOn: '2026-08-01',
      },
    });
    expect(result.recordCadre.userErrors.map((e) => e.code).sort()).toEqual([
      'ENDS_BEFORE_START',
      'INVALID_LEVEL',
      'INVALID_TEXT',
      'STUDENT_NOT_FOUND',
    ]);
    const after = await app.sqlOne<{ n: number }>('select count(*)::int as n from cadre_record where school_id = ?', [
      school.school.id,
    ]);
    expect(after.n).toBe(before.n);
  });

  it('is refused to other staff', async () => {
    const registration = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    const result = await registration.request(CADRE, {
      input: {
        studentId: studentId(0),
        unit: '班級',
        position: '副班長',
        level: 1,
        startsOn: '2026-09-01',
        endsOn: '2027-01-20',
      },
    });
    expect(result.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('課程諮詢紀錄 by course counselors', () => {
  it('records individual and group sessions, visible to the counselor, the school admin and the students concerned only', async () => {
    const counselor = await app.client().login(school.logins.counselor.username, school.logins.counselor.password);
    const individual = await counselor.ok<{ recordCounseling: Payload<{ id: string; students: { id: string }[] }> }>(
      COUNSELING,
      {
        input: {
          kind: 'INDIVIDUAL',
          studentIds: [studentId(0)],
          heldOn: '2026-11-20',
          topic: '選修規劃',
          content: '討論高三選修與升學方向。',
        },
      },
    );
    expect(individual.recordCounseling.userErrors).toEqual([]);
    const group = await counselor.ok<{ recordCounseling: Payload<{ id: string; students: { id: string }[] }> }>(
      COUNSELING,
      {
        input: {
          kind: 'GROUP',
          studentIds: [studentId(1), studentId(2)],
          heldOn: '2026-11-21',
          topic: '自主學習',
          content: '團體說明自主學習計畫。',
        },
      },
    );
    expect(group.recordCounseling.record!.students).toHaveLength(2);

    const ids = (data: { counselingRecords: { nodes: { id: string }[] } }) =>
      data.counselingRecords.nodes.map((n) => n.id).sort();
    const both = [individual.recordCounseling.record!.id, group.recordCounseling.record!.id].sort();
    expect(ids(await counselor.ok(LIST))).toEqual(both);
    // Newest session first, across pages.
    const firstPage = await counselor.ok<{
      counselingRecords: { nodes: { id: string }[]; pageInfo: { endCursor: string } };
    }>('{ counselingRecords(first: 1) { nodes { id } pageInfo { endCursor } } }');
    expect(firstPage.counselingRecords.nodes.map((n) => n.id)).toEqual([group.recordCounseling.record!.id]);
    const secondPage = await counselor.ok<{ counselingRecords: { nodes: { id: string }[] } }>(
      'query ($after: String) { counselingRecords(first: 1, after: $after) { nodes { id } } }',
      { after: firstPage.counselingRecords.pageInfo.endCursor },
    );
    expect(secondPage.counselingRecords.nodes.map((n) => n.id)).toEqual([individual.recordCounseling.record!.id]);
    // Counselors advise any student of the school, so they can find every one of them.
    const roster = await counselor.ok<{ students: { nodes: { id: string }[] } }>(
      '{ students(first: 100) { nodes { id } } }',
    );
    expect(roster.students.nodes).toHaveLength(school.students.length);
    const admin = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    expect(ids(await admin.ok(LIST))).toEqual(both);
    const other = await app
      .client()
      .login(school.logins.otherCounselor.username, school.logins.otherCounselor.password);
    expect(ids(await other.ok(LIST))).toEqual([]);
    const student = await app.client().login(school.logins.student.username, school.logins.student.password);
    expect(ids(await student.ok(LIST))).toEqual([individual.recordCounseling.record!.id]);
    const groupNode = await student.ok<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', {
      id: group.recordCounseling.record!.id,
    });
    expect(groupNode.node).toBeNull();
    const teacher = await app.client().login(school.logins.teacher.username, school.logins.teacher.password);
    expect((await teacher.request(LIST)).errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('checks the kind against the students, the date and the texts, writing nothing', async () => {
    const counselor = await app.client().login(school.logins.counselor.username, school.logins.counselor.password);
    const before = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from counseling_record where school_id = ?',
      [school.school.id],
    );
    const individual = await counselor.ok<{ recordCounseling: Payload<unknown> }>(COUNSELING, {
      input: {
        kind: 'INDIVIDUAL',
        studentIds: [studentId(0), studentId(1)],
        heldOn: '2026-12-31',
        topic: '',
        content: '內容',
      },
    });
    expect(individual.recordCounseling.userErrors.map((e) => e.code).sort()).toEqual([
      'INDIVIDUAL_NEEDS_ONE',
      'INVALID_DATE',
      'INVALID_TEXT',
    ]);
    const group = await counselor.ok<{ recordCounseling: Payload<unknown> }>(COUNSELING, {
      input: {
        kind: 'GROUP',
        studentIds: [studentId(0), studentId(0, otherSchool)],
        heldOn: '2026-11-20',
        topic: '主題',
        content: '內容',
      },
    });
    expect(group.recordCounseling.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.studentIds.1', 'STUDENT_NOT_FOUND'],
      ['input.studentIds', 'GROUP_NEEDS_TWO'],
    ]);
    const after = await app.sqlOne<{ n: number }>(
      'select count(*)::int as n from counseling_record where school_id = ?',
      [school.school.id],
    );
    expect(after.n).toBe(before.n);
  });

  it('lets the counselor who recorded a session correct it, audited without its words; nobody else', async () => {
    const counselor = await app.client().login(school.logins.counselor.username, school.logins.counselor.password);
    const recorded = await counselor.ok<{ recordCounseling: Payload<{ id: string }> }>(COUNSELING, {
      input: { kind: 'INDIVIDUAL', studentIds: [studentId(0)], heldOn: '2026-11-20', topic: '選課', content: '談選修' },
    });
    const recordId = recorded.recordCounseling.record!.id;
    const UPDATE = `mutation ($input: UpdateCounselingInput!) {
      updateCounselingRecord(input: $input) { record { id kind topic content heldOn viewerCanEdit students { id } } userErrors { field code message } }
    }`;
    const change = { recordId, kind: 'GROUP', studentIds: [studentId(0), studentId(1)], heldOn: '2026-11-21' };
    const stored = () =>
      app.sqlOne<{ topic: string; content: string; n: number }>(
        `select topic, content, (select count(*)::int from counseling_participant p where p.record_id = r.id) as n
         from counseling_record r where r.id = ?`,
        [fromGlobalId(recordId)!.id],
      );

    // Another counselor, bad input and an id of another kind change nothing.
    const other = await app
      .client()
      .login(school.logins.otherCounselor.username, school.logins.otherCounselor.password);
    const foreign = await other.ok<{ updateCounselingRecord: Payload<unknown> }>(UPDATE, {
      input: { ...change, topic: '選課', content: '改寫' },
    });
    expect(foreign.updateCounselingRecord.userErrors.map((e) => e.code)).toEqual(['RECORD_NOT_FOUND']);
    const bad = await counselor.ok<{ updateCounselingRecord: Payload<unknown> }>(UPDATE, {
      input: { ...change, heldOn: '2099-01-01', topic: '題'.repeat(101), content: '改寫' },
    });
    expect(bad.updateCounselingRecord.userErrors.map((e) => e.code).sort()).toEqual(['INVALID_DATE', 'INVALID_TEXT']);
    const wrongType = await counselor.ok<{ updateCounselingRecord: Payload<unknown> }>(UPDATE, {
      input: { ...change, recordId: studentId(0), topic: '選課', content: '改寫' },
    });
    expect(wrongType.updateCounselingRecord.userErrors.map((e) => e.code)).toEqual(['RECORD_NOT_FOUND']);
    const tooMany = await counselor.ok<{ updateCounselingRecord: Payload<unknown> }>(UPDATE, {
      input: { ...change, studentIds: Array.from({ length: 301 }, () => studentId(0)), topic: '選課', content: '改寫' },
    });
    expect(tooMany.updateCounselingRecord.userErrors.map((e) => e.code)).toEqual(['TOO_MANY_STUDENTS']);
    const affairs = await app.client().login(school.logins.affairs.username, school.logins.affairs.password);
    expect(
      (await affairs.request(UPDATE, { input: { ...change, topic: '選課', content: '改寫' } })).errors[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(await stored()).toEqual({ topic: '選課', content: '談選修', n: 1 });

    const updated = await counselor.ok<{
      updateCounselingRecord: Payload<{ kind: string; content: string; viewerCanEdit: boolean; students: unknown[] }>;
    }>(UPDATE, { input: { ...change, topic: '選課', content: '兩人一起談選修' } });
    expect(updated.updateCounselingRecord.userErrors).toEqual([]);
    expect(updated.updateCounselingRecord.record).toMatchObject({ kind: 'GROUP', viewerCanEdit: true });
    expect(updated.updateCounselingRecord.record!.students).toHaveLength(2);
    expect(await stored()).toEqual({ topic: '選課', content: '兩人一起談選修', n: 2 });
    const same = await counselor.ok<{ updateCounselingRecord: Payload<unknown> }>(UPDATE, {
      input: { ...change, topic: '選課', content: '兩人一起談選修' },
    });
    expect(same.updateCounselingRecord.userErrors.map((e) => e.code)).toEqual(['NOTHING_CHANGED']);

    const registration = await app
      .client()
      .login(school.logins.registration.username, school.logins.registration.password);
    const audit = await registration.ok<{ auditLog: { nodes: { operation: string; detail: string }[] } }>(
      '{ auditLog(area: RECORDS, first: 20) { nodes { operation detail } } }',
    );
    const entry = audit.auditLog.nodes.find((n) => n.operation === 'counseling.update')!;
    expect(JSON.parse(entry.detail)).toMatchObject({ fields: ['種類', '諮詢日期', '內容', '學生'] });
    expect(entry.detail).not.toContain('談選修');
  });
});

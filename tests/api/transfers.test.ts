import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { withCheckDigit } from '../../api/src/common/national-id.js';
import { SchoolDivision } from '../../api/src/modules/school/school.entity.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestSchool } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';

// Transfers between schools of one city: R (the receiving school) asks, S (the school of origin) answers, R receives
// the student's portfolio as an exchange file. Sn is S's 進修部 (a day ↔ night move is the same flow), Y another school
// of the same city, X a school of another city.
let app: TestApp;
let schoolR: TestSchool;
let schoolS: TestSchool;
let schoolSn: TestSchool;
let schoolY: TestSchool;
let schoolX: TestSchool;

interface UserErrorShape {
  field: string[];
  code: string;
  message: string;
}

const TRANSFER_IN_FIELDS = `
  id status statusLabel birthDate createsStudent nationalIdMasked recordsImported declineReason
  requestedAt decidedAt completedAt viewerCanCancel viewerCanReceive
  originSchool { id code name division }
  student { id studentNumber name }
  newStudent { studentNumber name cohort seatNumber schoolClass { name } }
  requestedBy { displayName }
`;
const TRANSFER_OUT_FIELDS = `
  id status statusLabel requestedAt requestedByName decidedAt declineReason completedAt viewerCanAnswer
  destinationSchool { id code name division }
  student { id studentNumber name status }
`;

const LOOKUP = `query ($nationalId: String!, $birthDate: String!) {
  transferLookup(nationalId: $nationalId, birthDate: $birthDate) {
    userErrors { field code message }
    originSchools { id code name division }
    existingStudent { id studentNumber name }
  }
}`;
const REQUEST = `mutation ($input: RequestTransferInInput!) {
  requestTransferIn(input: $input) { transfer { ${TRANSFER_IN_FIELDS} } userErrors { field code message } }
}`;
const CANCEL = `mutation ($input: TransferInIdInput!) {
  cancelTransferIn(input: $input) { transfer { ${TRANSFER_IN_FIELDS} } userErrors { field code message } }
}`;
const RECEIVE = `mutation ($input: TransferInIdInput!) {
  receiveTransferIn(input: $input) { transfer { ${TRANSFER_IN_FIELDS} } userErrors { field code message } }
}`;
const APPROVE = `mutation ($input: ApproveTransferOutInput!) {
  approveTransferOut(input: $input) { transfer { ${TRANSFER_OUT_FIELDS} } userErrors { field code message } }
}`;
const DECLINE = `mutation ($input: DeclineTransferOutInput!) {
  declineTransferOut(input: $input) { transfer { ${TRANSFER_OUT_FIELDS} } userErrors { field code message } }
}`;
const LIST_IN = `{ transfersIn(first: 50) { nodes { ${TRANSFER_IN_FIELDS} } } me { transfersAwaitingViewer } }`;
const LIST_OUT = `{ transfersOut(first: 50) { nodes { ${TRANSFER_OUT_FIELDS} } } me { transfersAwaitingViewer } }`;

interface TransferInShape {
  id: string;
  status: string;
  statusLabel: string;
  birthDate: string;
  createsStudent: boolean;
  nationalIdMasked: string;
  recordsImported: number | null;
  declineReason: string | null;
  viewerCanCancel: boolean;
  viewerCanReceive: boolean;
  originSchool: { id: string; code: string; name: string; division: string };
  student: { id: string; studentNumber: string; name: string } | null;
  newStudent: { studentNumber: string; name: string; cohort: number; schoolClass: { name: string } | null } | null;
  requestedBy: { displayName: string } | null;
}
interface TransferOutShape {
  id: string;
  status: string;
  statusLabel: string;
  requestedByName: string;
  declineReason: string | null;
  viewerCanAnswer: boolean;
  destinationSchool: { id: string; code: string; name: string; division: string };
  student: { id: string; studentNumber: string; name: string; status: string } | null;
}
type InPayload = { transfer: TransferInShape | null; userErrors: UserErrorShape[] };
type OutPayload = { transfer: TransferOutShape | null; userErrors: UserErrorShape[] };

const staffOf = (school: TestSchool): Promise<ApiClient> =>
  app.client().login(school.logins.registration.username, school.logins.registration.password);

const nationalIdOf = (school: TestSchool, index: number): string =>
  app.services.pii.decrypt(school.students[index]!.nationalIdEncrypted);

async function request(client: ApiClient, input: Record<string, unknown>): Promise<InPayload> {
  return (await client.ok<{ requestTransferIn: InPayload }>(REQUEST, { input })).requestTransferIn;
}
async function approve(client: ApiClient, input: Record<string, unknown>): Promise<OutPayload> {
  return (await client.ok<{ approveTransferOut: OutPayload }>(APPROVE, { input })).approveTransferOut;
}
async function receive(client: ApiClient, transferId: string): Promise<InPayload> {
  return (await client.ok<{ receiveTransferIn: InPayload }>(RECEIVE, { input: { transferId } })).receiveTransferIn;
}
async function outgoingFor(client: ApiClient): Promise<TransferOutShape[]> {
  return (await client.ok<{ transfersOut: { nodes: TransferOutShape[] } }>(LIST_OUT)).transfersOut.nodes;
}
async function incomingFor(client: ApiClient): Promise<TransferInShape[]> {
  return (await client.ok<{ transfersIn: { nodes: TransferInShape[] } }>(LIST_IN)).transfersIn.nodes;
}
const transferOutId = (transferIn: TransferInShape): string =>
  toGlobalId('TransferOut', Buffer.from(transferIn.id, 'base64url').toString('utf8').split(':')[1]!);

/** Everything a transfer writes, in every school of the test, so a refused request can be shown to write nothing. */
async function footprint(): Promise<Record<string, number>> {
  const ids = [schoolR, schoolS, schoolSn, schoolY, schoolX].map((s) => s.school.id);
  const row = await app.sqlOne<Record<string, number>>(
    `select (select count(*) from transfer_in where school_id = any(?::uuid[]))::int as transfer_in,
            (select count(*) from transfer_in where school_id = any(?::uuid[]) and status = 'PENDING')::int as pending_in,
            (select count(*) from transfer_out where school_id = any(?::uuid[]))::int as transfer_out,
            (select count(*) from transfer_out where school_id = any(?::uuid[]) and status = 'PENDING')::int as pending_out,
            (select count(*) from student where school_id = any(?::uuid[]))::int as students,
            (select count(*) from student where school_id = any(?::uuid[]) and status = 'TRANSFERRED')::int as transferred,
            (select count(*) from audit_log where school_id = any(?::uuid[]) and operation like 'transfer.%'
                and operation <> 'transfer.lookup')::int as audits`,
    Array(7).fill(`{${ids.join(',')}}`),
  );
  return row;
}

let nobodyCounter = 0;
/** A valid national ID nobody in the test's cities holds. */
const nobody = (): string => withCheckDigit('Z', 1, String(9_000_000 + (nobodyCounter += 1)).slice(-7));

beforeAll(async () => {
  app = await startTestApp();
  const city = await app.factory.city();
  schoolR = await city.school({ studentsPerClass: 2 });
  schoolS = await city.school({ studentsPerClass: 4 });
  schoolSn = await city.school({ code: schoolS.school.code, division: SchoolDivision.NIGHT, studentsPerClass: 1 });
  schoolY = await city.school({ studentsPerClass: 1 });
  schoolX = await (await app.factory.city()).school({ studentsPerClass: 2 });
  // Course records and course outcomes of S's students (the first class's have both), for the exchange file to carry.
  const { physics } = await app.factory.gradedSections(schoolS);
  const teacher = schoolS.accounts.find((a) => a.username === schoolS.logins.teacher.username)!;
  await app.factory.outcomes(schoolS, physics, 1, teacher.id);
  // Certified, as only certified outcomes travel with the student.
  await app.sql(
    `update course_outcome_version set status = 'CERTIFIED', decided_at = now(), decided_by = ? where school_id = ?`,
    [teacher.id, schoolS.school.id],
  );
  await app.sql(`update course_outcome set status = 'CERTIFIED' where school_id = ?`, [schoolS.school.id]);
});
afterAll(() => app?.close());

describe('a transfer to another school of the city', () => {
  it('goes R requests → S approves (setting 轉出) → R receives, creating the student, records read-only at R', async () => {
    const [r, s] = [await staffOf(schoolR), await staffOf(schoolS)];
    const student = schoolS.students[0]!;
    const nationalId = nationalIdOf(schoolS, 0);

    const lookup = await r.ok<{
      transferLookup: {
        userErrors: UserErrorShape[];
        originSchools: { id: string; code: string }[];
        existingStudent: unknown;
      };
    }>(LOOKUP, { nationalId: nationalId.toLowerCase(), birthDate: student.birthDate });
    expect(lookup.transferLookup).toEqual({
      userErrors: [],
      originSchools: [
        {
          id: toGlobalId('School', schoolS.school.id),
          code: schoolS.school.code,
          name: schoolS.school.name,
          division: 'DAY',
        },
      ],
      existingStudent: null,
    });

    const asked = await request(r, {
      nationalId,
      birthDate: student.birthDate,
      newStudent: {
        studentNumber: 'T90001',
        name: student.name,
        classId: toGlobalId('SchoolClass', schoolR.classes[0]!.id),
      },
    });
    expect(asked.userErrors).toEqual([]);
    const transfer = asked.transfer!;
    expect(transfer).toMatchObject({
      status: 'PENDING',
      statusLabel: '待原校同意',
      createsStudent: true,
      nationalIdMasked: `${nationalId.slice(0, 3)}****${nationalId.slice(-3)}`,
      originSchool: { code: schoolS.school.code, division: 'DAY' },
      student: null,
      // The class is 301 of this academic year (115): grade 12, so the cohort is 113.
      newStudent: { studentNumber: 'T90001', name: student.name, cohort: 113, schoolClass: { name: '301' } },
      requestedBy: { displayName: '註冊組長' },
      viewerCanCancel: true,
      viewerCanReceive: false,
    });

    // S sees the incoming request: who asks, for which of its students; nothing of it reaches Y or X.
    const incoming = await outgoingFor(s);
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({
      id: transferOutId(transfer),
      status: 'PENDING',
      statusLabel: '待本校同意',
      requestedByName: '註冊組長',
      viewerCanAnswer: true,
      destinationSchool: { id: toGlobalId('School', schoolR.school.id), name: schoolR.school.name },
      student: { id: toGlobalId('Student', student.id), name: student.name, status: 'ENROLLED' },
    });
    expect((await s.ok<{ me: { transfersAwaitingViewer: number } }>('{ me { transfersAwaitingViewer } }')).me).toEqual({
      transfersAwaitingViewer: 1,
    });

    // Approving needs the student 轉出: refused with nothing written, then done in the same step.
    const before = await footprint();
    const refused = await approve(s, { transferId: incoming[0]!.id });
    expect(refused.transfer).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual(['STUDENT_NOT_TRANSFERRED']);
    expect(refused.userErrors[0]!.message).toContain('在學');
    expect(await footprint()).toEqual(before);

    const approved = await approve(s, { transferId: incoming[0]!.id, markTransferred: true });
    expect(approved.userErrors).toEqual([]);
    expect(approved.transfer).toMatchObject({
      status: 'APPROVED',
      statusLabel: '本校已同意（待轉入學校接收）',
      viewerCanAnswer: false,
      student: { status: 'TRANSFERRED' },
    });
    const [atR] = await incomingFor(r);
    expect(atR).toMatchObject({ status: 'APPROVED', statusLabel: '原校已同意（待接收）', viewerCanReceive: true });

    const received = await receive(r, transfer.id);
    expect(received.userErrors).toEqual([]);
    expect(received.transfer).toMatchObject({
      status: 'COMPLETED',
      statusLabel: '已完成',
      student: { studentNumber: 'T90001', name: student.name },
      viewerCanReceive: false,
    });
    expect(received.transfer!.recordsImported).toBeGreaterThan(0);
    const [atS] = await outgoingFor(s);
    expect(atS).toMatchObject({ status: 'COMPLETED', statusLabel: '已完成' });

    // The new student at R: the same person (digest), enrolled, with a login by R's rule.
    const created = await app.sqlOne<{ digest_matches: boolean; status: string; has_login: boolean; class_id: string }>(
      `select n.national_id_digest = o.national_id_digest as digest_matches, n.status, n.account_id is not null as has_login,
              n.class_id
       from student n, student o where n.school_id = ? and n.student_number = 'T90001' and o.id = ?`,
      [schoolR.school.id, student.id],
    );
    expect(created).toEqual({
      digest_matches: true,
      status: 'ENROLLED',
      has_login: true,
      class_id: schoolR.classes[0]!.id,
    });

    // The records are on the student at R, read-only, marked with S as their school of origin.
    const atRStudent = received.transfer!.student!.id;
    const shown = await r.ok<{
      node: {
        transferredRecords: {
          originSchoolCode: string;
          originSchoolName: string;
          recordCount: number;
          records: { kind: string }[];
        }[];
      };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Student { transferredRecords {
         originSchoolCode originSchoolName recordCount records { kind } } } } }`,
      { id: atRStudent },
    );
    expect(shown.node.transferredRecords).toHaveLength(1);
    const [exchange] = shown.node.transferredRecords;
    expect(exchange).toMatchObject({
      originSchoolCode: schoolS.school.code,
      originSchoolName: schoolS.school.name,
      recordCount: received.transfer!.recordsImported,
    });
    expect(new Set(exchange!.records.map((record) => record.kind))).toEqual(
      new Set(['COURSE_RECORD', 'COURSE_OUTCOME']),
    );
    await expect(
      app.sql(`update exchanged_record set title = 'x' where school_id = ?`, [schoolR.school.id]),
    ).rejects.toThrow();

    // Receiving twice is refused, nothing new written.
    const again = await footprint();
    const twice = await receive(r, transfer.id);
    expect(twice.userErrors.map((e) => e.code)).toEqual(['TRANSFER_NOT_RECEIVABLE']);
    expect(await footprint()).toEqual(again);

    // Every step audited, by id: no national ID anywhere in the audit.
    const audits = await app.sql<{ operation: string; detail: unknown; target_ids: string[] }>(
      `select operation, detail, target_ids from audit_log where school_id = any(?::uuid[]) and operation like 'transfer.%'
       order by occurred_at`,
      [`{${schoolR.school.id},${schoolS.school.id}}`],
    );
    expect(audits.map((a) => a.operation).filter((operation) => operation !== 'transfer.lookup')).toEqual([
      'transfer.request',
      'transfer.approve',
      'transfer.receive',
    ]);
    expect(JSON.stringify(audits)).not.toContain(nationalId);
    expect(app.logLines.join('\n')).not.toContain(nationalId);
  });

  it('moves a student from 日間部 to 進修部 of the same school, picking the student 進修部 already has', async () => {
    const [night, day] = [await staffOf(schoolSn), await staffOf(schoolS)];
    const student = schoolS.students[1]!;
    const nationalId = nationalIdOf(schoolS, 1);
    // 進修部 imported the student already (as the roster import would), and the day division set 轉出 beforehand.
    const made = await night.ok<{ createStudent: { student: { id: string } | null; userErrors: UserErrorShape[] } }>(
      `mutation ($input: CreateStudentInput!) { createStudent(input: $input) { student { id } userErrors { field code message } } }`,
      { input: { studentNumber: 'N1001', name: student.name, nationalId, birthDate: student.birthDate, cohort: 113 } },
    );
    expect(made.createStudent.userErrors).toEqual([]);
    const studentAtNight = made.createStudent.student!.id;
    await day.ok(`mutation ($input: UpdateStudentInput!) { updateStudent(input: $input) { userErrors { code } } }`, {
      input: { id: toGlobalId('Student', student.id), status: 'TRANSFERRED' },
    });

    const lookup = await night.ok<{
      transferLookup: { originSchools: { code: string; division: string }[]; existingStudent: { id: string } | null };
    }>(LOOKUP, { nationalId, birthDate: student.birthDate });
    expect(lookup.transferLookup.originSchools).toEqual([
      expect.objectContaining({ code: schoolS.school.code, division: 'DAY' }),
    ]);
    expect(lookup.transferLookup.existingStudent?.id).toBe(studentAtNight);

    const asked = await request(night, { nationalId, birthDate: student.birthDate, studentId: studentAtNight });
    expect(asked.userErrors).toEqual([]);
    expect(asked.transfer).toMatchObject({ createsStudent: false, student: { id: studentAtNight }, newStudent: null });

    const [incoming] = (await outgoingFor(day)).filter((t) => t.status === 'PENDING');
    expect(incoming).toMatchObject({ destinationSchool: { code: schoolS.school.code, division: 'NIGHT' } });
    const approved = await approve(day, { transferId: incoming!.id });
    expect(approved.userErrors).toEqual([]);
    const received = await receive(night, asked.transfer!.id);
    expect(received.userErrors).toEqual([]);
    expect(received.transfer).toMatchObject({ status: 'COMPLETED', student: { id: studentAtNight } });
    expect(received.transfer!.recordsImported).toBeGreaterThan(0);
    // No second student was made at 進修部.
    const count = await app.sqlOne<{ n: number }>('select count(*)::int as n from student where school_id = ?', [
      schoolSn.school.id,
    ]);
    expect(count.n).toBe(schoolSn.students.length + 1);
  });

  it('lets S decline with a reason, which R reads; R cannot receive it', async () => {
    const [r, s] = [await staffOf(schoolR), await staffOf(schoolS)];
    const student = schoolS.students[2]!;
    const asked = await request(r, {
      nationalId: nationalIdOf(schoolS, 2),
      birthDate: student.birthDate,
      newStudent: {
        studentNumber: 'T90002',
        name: student.name,
        classId: toGlobalId('SchoolClass', schoolR.classes[1]!.id),
      },
    });
    expect(asked.userErrors).toEqual([]);
    const outId = transferOutId(asked.transfer!);

    const before = await footprint();
    const empty = await s.ok<{ declineTransferOut: OutPayload }>(DECLINE, {
      input: { transferId: outId, reason: '  ' },
    });
    expect(empty.declineTransferOut.userErrors.map((e) => e.code)).toEqual(['INVALID_DECLINE_REASON']);
    expect(await footprint()).toEqual(before);

    const declined = await s.ok<{ declineTransferOut: OutPayload }>(DECLINE, {
      input: { transferId: outId, reason: '學生仍在本校就讀，家長未提出轉學申請。' },
    });
    expect(declined.declineTransferOut.userErrors).toEqual([]);
    expect(declined.declineTransferOut.transfer).toMatchObject({
      status: 'DECLINED',
      statusLabel: '本校未同意（學生仍在本校就讀，家長未提出轉學申請。）',
      student: { status: 'ENROLLED' },
    });
    const mine = (await incomingFor(r)).find((t) => t.id === asked.transfer!.id)!;
    expect(mine).toMatchObject({
      status: 'DECLINED',
      statusLabel: '原校未同意（學生仍在本校就讀，家長未提出轉學申請。）',
      declineReason: '學生仍在本校就讀，家長未提出轉學申請。',
      viewerCanReceive: false,
      viewerCanCancel: false,
    });
    const after = await footprint();
    const refused = await receive(r, asked.transfer!.id);
    expect(refused.userErrors.map((e) => e.code)).toEqual(['TRANSFER_NOT_RECEIVABLE']);
    expect(refused.userErrors[0]!.message).toBe('原校未同意這筆申請，無法接收。');
    // Answering twice is refused too.
    const twice = await approve(s, { transferId: outId, markTransferred: true });
    expect(twice.userErrors.map((e) => e.code)).toEqual(['TRANSFER_ALREADY_ANSWERED']);
    expect(await footprint()).toEqual(after);
  });

  it('lets R cancel while S has not answered; S then cannot approve', async () => {
    const [r, s] = [await staffOf(schoolR), await staffOf(schoolS)];
    const student = schoolS.students[3]!;
    const asked = await request(r, {
      nationalId: nationalIdOf(schoolS, 3),
      birthDate: student.birthDate,
      newStudent: {
        studentNumber: 'T90003',
        name: student.name,
        classId: toGlobalId('SchoolClass', schoolR.classes[1]!.id),
      },
    });
    expect(asked.userErrors).toEqual([]);
    const cancelled = await r.ok<{ cancelTransferIn: InPayload }>(CANCEL, {
      input: { transferId: asked.transfer!.id },
    });
    expect(cancelled.cancelTransferIn.userErrors).toEqual([]);
    expect(cancelled.cancelTransferIn.transfer).toMatchObject({ status: 'CANCELLED', statusLabel: '已取消' });
    const atS = (await outgoingFor(s)).find((t) => t.id === transferOutId(asked.transfer!))!;
    expect(atS).toMatchObject({ status: 'CANCELLED', statusLabel: '轉入學校已取消', viewerCanAnswer: false });

    const before = await footprint();
    const late = await approve(s, { transferId: atS.id, markTransferred: true });
    expect(late.userErrors.map((e) => e.code)).toEqual(['TRANSFER_ALREADY_ANSWERED']);
    const again = await r.ok<{ cancelTransferIn: InPayload }>(CANCEL, { input: { transferId: asked.transfer!.id } });
    expect(again.cancelTransferIn.userErrors.map((e) => e.code)).toEqual(['TRANSFER_NOT_CANCELLABLE']);
    expect(await footprint()).toEqual(before);
  });
});

describe('refused transfer requests write nothing', () => {
  it('refuses creating a student R already has, naming that student', async () => {
    const r = await staffOf(schoolR);
    // R's own student, who also studies at S under the same national ID (as if imported by both).
    const mine = schoolR.students[0]!;
    const before = await footprint();
    const result = await request(r, {
      nationalId: nationalIdOf(schoolR, 0),
      birthDate: mine.birthDate,
      newStudent: {
        studentNumber: 'T99999',
        name: mine.name,
        classId: toGlobalId('SchoolClass', schoolR.classes[0]!.id),
      },
    });
    expect(result.transfer).toBeNull();
    expect(result.userErrors).toEqual([
      {
        field: ['input', 'newStudent'],
        code: 'TRANSFER_STUDENT_EXISTS',
        message: `本校已有這位學生（${mine.name}，學號 ${mine.studentNumber}），請改為選擇這位學生辦理轉入，不要另建新學生。`,
      },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a second open request for the same student and school of origin', async () => {
    const y = await staffOf(schoolY);
    const student = schoolS.students[3]!;
    const input = {
      nationalId: nationalIdOf(schoolS, 3),
      birthDate: student.birthDate,
      newStudent: {
        studentNumber: 'Y0001',
        name: student.name,
        classId: toGlobalId('SchoolClass', schoolY.classes[0]!.id),
      },
    };
    expect((await request(y, input)).userErrors).toEqual([]);
    const before = await footprint();
    const second = await request(y, { ...input, newStudent: { ...input.newStudent, studentNumber: 'Y0002' } });
    expect(second.transfer).toBeNull();
    expect(second.userErrors.map((e) => e.code)).toEqual(['TRANSFER_ALREADY_REQUESTED']);
    expect(await footprint()).toEqual(before);
  });

  it('refuses receiving once the new student’s 學號 is taken, writing nothing; the approved request can be cancelled', async () => {
    const [y, s] = [await staffOf(schoolY), await staffOf(schoolS)];
    const [mine] = (await incomingFor(y)).filter((t) => t.status === 'PENDING');
    expect(mine!.newStudent).toMatchObject({ studentNumber: 'Y0001' });
    expect((await approve(s, { transferId: transferOutId(mine!), markTransferred: true })).userErrors).toEqual([]);
    // Meanwhile Y gives 學號 Y0001 to somebody else.
    const made = await y.ok<{ createStudent: { userErrors: UserErrorShape[] } }>(
      `mutation ($input: CreateStudentInput!) { createStudent(input: $input) { userErrors { field code message } } }`,
      {
        input: {
          studentNumber: 'Y0001',
          name: '另一位同學',
          nationalId: nobody(),
          birthDate: '2009-01-02',
          cohort: 114,
        },
      },
    );
    expect(made.createStudent.userErrors).toEqual([]);

    const before = await footprint();
    const refused = await receive(y, mine!.id);
    expect(refused.transfer).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual(['DUPLICATE_STUDENT_NUMBER']);
    expect(refused.userErrors[0]!.message).toContain('請取消這筆申請');
    expect(await footprint()).toEqual(before);
    const atS = (await outgoingFor(s)).find((t) => t.id === transferOutId(mine!))!;
    expect(atS.status).toBe('APPROVED');

    const cancelled = await y.ok<{ cancelTransferIn: InPayload }>(CANCEL, { input: { transferId: mine!.id } });
    expect(cancelled.cancelTransferIn.userErrors).toEqual([]);
    expect(cancelled.cancelTransferIn.transfer).toMatchObject({ status: 'CANCELLED', viewerCanReceive: false });
    expect((await outgoingFor(s)).find((t) => t.id === transferOutId(mine!))).toMatchObject({
      status: 'CANCELLED',
      statusLabel: '轉入學校已取消',
    });
  });

  it('refuses a national ID nobody of the city holds, a wrong birth date, a student of another city, a bad ID', async () => {
    const r = await staffOf(schoolR);
    const classId = toGlobalId('SchoolClass', schoolR.classes[0]!.id);
    const newStudent = { studentNumber: 'T98888', name: '王小明', classId };
    const before = await footprint();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ nationalId: nobody(), birthDate: '2008-05-01' }, 'TRANSFER_ORIGIN_NOT_FOUND', 'nationalId'],
      // S's student, with a birth date that is not theirs.
      [{ nationalId: nationalIdOf(schoolS, 2), birthDate: '2008-05-02' }, 'TRANSFER_ORIGIN_NOT_FOUND', 'nationalId'],
      // X's student: X is in another city, so it is nobody here.
      [{ nationalId: nationalIdOf(schoolX, 0), birthDate: '2008-05-01' }, 'TRANSFER_ORIGIN_NOT_FOUND', 'nationalId'],
      [{ nationalId: 'A12345678', birthDate: '2008-05-01' }, 'INVALID_NATIONAL_ID', 'nationalId'],
      [{ nationalId: 'A123456788', birthDate: '2008-05-01' }, 'INVALID_NATIONAL_ID', 'nationalId'],
      [{ nationalId: nationalIdOf(schoolS, 2), birthDate: '97/05/01' }, 'INVALID_BIRTH_DATE', 'birthDate'],
    ];
    for (const [person, code, field] of cases) {
      const result = await request(r, { ...person, newStudent });
      expect(result.transfer, code).toBeNull();
      expect(
        result.userErrors.map((e) => [e.code, e.field.join('.')]),
        JSON.stringify(person),
      ).toEqual([[code, `input.${field}`]]);
    }
    const lookup = await r.ok<{ transferLookup: { userErrors: UserErrorShape[]; originSchools: unknown[] } }>(LOOKUP, {
      nationalId: nationalIdOf(schoolX, 0),
      birthDate: '2008-05-01',
    });
    expect(lookup.transferLookup.originSchools).toEqual([]);
    expect(lookup.transferLookup.userErrors.map((e) => e.code)).toEqual(['TRANSFER_ORIGIN_NOT_FOUND']);
    // Neither a student nor a new one, or both; a 學號 R already uses; a class that is not R's.
    const student = schoolS.students[2]!;
    const person = { nationalId: nationalIdOf(schoolS, 2), birthDate: student.birthDate };
    expect((await request(r, person)).userErrors.map((e) => e.code)).toEqual(['TRANSFER_STUDENT_CHOICE']);
    expect(
      (
        await request(r, {
          ...person,
          newStudent: { ...newStudent, studentNumber: schoolR.students[0]!.studentNumber },
        })
      ).userErrors.map((e) => e.code),
    ).toEqual(['DUPLICATE_STUDENT_NUMBER']);
    expect(
      (
        await request(r, {
          ...person,
          newStudent: { ...newStudent, classId: toGlobalId('SchoolClass', schoolS.classes[0]!.id) },
        })
      ).userErrors.map((e) => e.code),
    ).toEqual(['CLASS_NOT_FOUND']);
    // Odd values of the new student's fields: each a userError, never a failure of the server.
    for (const [fields, code] of [
      [{ seatNumber: 1000 }, 'INVALID_SEAT_NUMBER'],
      [{ gender: 'X' }, 'INVALID_GENDER'],
      [{ name: '\u200B\u3164' }, 'INVALID_NAME'],
      [{ studentNumber: 'A-1' }, 'INVALID_STUDENT_NUMBER'],
      [{ cohort: 99 }, 'INVALID_COHORT'],
      [{ classId: 'not-an-id' }, 'CLASS_NOT_FOUND'],
    ] as const) {
      const result = await request(r, { ...person, newStudent: { ...newStudent, ...fields } });
      expect(
        result.userErrors.map((e) => e.code),
        JSON.stringify(fields),
      ).toEqual([code]);
    }
    const odd = await r.request(CANCEL, { input: { transferId: 'not-an-id' } });
    expect(odd.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    // Picking R's student for someone else's national ID.
    expect(
      (await request(r, { ...person, studentId: toGlobalId('Student', schoolR.students[1]!.id) })).userErrors.map(
        (e) => e.code,
      ),
    ).toEqual(['TRANSFER_STUDENT_MISMATCH']);
    expect(await footprint()).toEqual(before);
  });
});

describe('looking a person up', () => {
  it('holds trying birth dates to 30 lookups an hour per account, each audited, aliases counted one by one', async () => {
    const school = await (await app.factory.city()).school({ studentsPerClass: 1, studentLogins: 'first' });
    const staff = await staffOf(school);
    const aliases = Array.from(
      { length: 32 },
      (_, i) =>
        `l${i}: transferLookup(nationalId: "${nobody()}", birthDate: "2008-01-${String((i % 28) + 1).padStart(2, '0')}") { userErrors { code } }`,
    );
    const result = await staff.ok<Record<string, { userErrors: { code: string }[] }>>(`{ ${aliases.join('\n')} }`);
    const codes = Object.values(result).map((lookup) => lookup.userErrors[0]?.code);
    expect(codes.filter((code) => code === 'TRANSFER_ORIGIN_NOT_FOUND').length).toBe(30);
    expect(codes.slice(30)).toEqual(['TOO_MANY_LOOKUPS', 'TOO_MANY_LOOKUPS']);
    const audited = await app.sqlOne<{ n: number }>(
      `select count(*)::int as n from audit_log where school_id = ? and operation = 'transfer.lookup'`,
      [school.school.id],
    );
    expect(audited.n).toBe(30);
  });
});

describe('who may see and answer a transfer', () => {
  it('keeps a request from staff of a third school, of this city or another', async () => {
    const r = await staffOf(schoolR);
    const student = schoolS.students[2]!;
    // A fresh request after the declined one (a declined request is not open).
    const asked = await request(r, {
      nationalId: nationalIdOf(schoolS, 2),
      birthDate: student.birthDate,
      newStudent: {
        studentNumber: 'T90004',
        name: student.name,
        classId: toGlobalId('SchoolClass', schoolR.classes[1]!.id),
      },
    });
    expect(asked.userErrors).toEqual([]);
    const outId = transferOutId(asked.transfer!);
    const before = await footprint();
    for (const third of [schoolY, schoolX]) {
      const staff = await staffOf(third);
      expect((await outgoingFor(staff)).map((t) => t.id)).not.toContain(outId);
      expect((await incomingFor(staff)).map((t) => t.id)).not.toContain(asked.transfer!.id);
      for (const [query, input] of [
        [APPROVE, { transferId: outId, markTransferred: true }],
        [DECLINE, { transferId: outId, reason: '不同意' }],
        [CANCEL, { transferId: asked.transfer!.id }],
        [RECEIVE, { transferId: asked.transfer!.id }],
      ] as const) {
        const result = await staff.request(query, { input });
        expect(
          result.errors.map((e) => e.extensions?.code),
          query,
        ).toEqual(['NOT_FOUND']);
      }
    }
    // R itself cannot answer its own request (it is not S's row at R).
    const own = await r.request(APPROVE, { input: { transferId: outId, markTransferred: true } });
    expect(own.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // S itself: a reason over 200 characters is refused.
    const long = await (
      await staffOf(schoolS)
    ).ok<{ declineTransferOut: OutPayload }>(DECLINE, {
      input: { transferId: outId, reason: '理'.repeat(201) },
    });
    expect(long.declineTransferOut.userErrors.map((e) => e.code)).toEqual(['INVALID_DECLINE_REASON']);
    expect(await footprint()).toEqual(before);
  });

  it('refuses students, teachers and staff outside 註冊組', async () => {
    const student = schoolS.students[2]!;
    const asked = (await incomingFor(await staffOf(schoolR))).find((t) => t.status === 'PENDING')!;
    const outId = transferOutId(asked);
    const before = await footprint();
    for (const login of [
      // S's first student is 轉出 by now (read-only, refused before any role check); R's is enrolled.
      schoolR.logins.student,
      schoolS.logins.teacher,
      schoolS.logins.homeroom,
      schoolS.logins.affairs,
    ]) {
      const client = await app.client().login(login.username, login.password);
      for (const [query, variables] of [
        [APPROVE, { input: { transferId: outId, markTransferred: true } }],
        [DECLINE, { input: { transferId: outId, reason: '不同意' } }],
        [REQUEST, { input: { nationalId: nationalIdOf(schoolR, 1), birthDate: '2008-05-01', studentId: null } }],
        [CANCEL, { input: { transferId: asked.id } }],
        [RECEIVE, { input: { transferId: asked.id } }],
        [LIST_OUT, {}],
        [LOOKUP, { nationalId: nationalIdOf(schoolS, 2), birthDate: student.birthDate }],
      ] as const) {
        const result = await client.request(query, variables);
        expect(
          result.errors.map((e) => e.extensions?.code),
          `${login.username}: ${query.slice(0, 40)}`,
        ).toEqual(['FORBIDDEN']);
      }
    }
    expect(await footprint()).toEqual(before);
  });

  it('pages through a school’s requests newest first, refusing a forged cursor', async () => {
    const r = await staffOf(schoolR);
    const all = await incomingFor(r);
    expect(all.length).toBeGreaterThan(3);
    const PAGE = `query ($after: String) { transfersIn(first: 2, after: $after) {
      nodes { id } pageInfo { hasNextPage endCursor } } }`;
    type Page = { transfersIn: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await r.ok<Page>(PAGE, { after });
      seen.push(...page.transfersIn.nodes.map((node) => node.id));
      if (!page.transfersIn.pageInfo.hasNextPage) break;
      after = page.transfersIn.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((t) => t.id));
    const forged = Buffer.from(JSON.stringify(['yesterday', '00000000-0000-4000-8000-000000000000'])).toString(
      'base64url',
    );
    const refused = await r.request(PAGE, { after: forged });
    expect(refused.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

import type { Knex } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSchool } from '../support/factory.js';
import { toGlobalId } from '../../api/src/common/ids.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { csvFile, uploadImportFile } from '../support/uploads.js';

let app: TestApp;
let schoolA: TestSchool;
let schoolB: TestSchool;
let knex: Knex;
let tenantTables: string[];

/** Runs fn as portfolio_app inside a transaction that is always rolled back. */
async function asApp<T>(settings: Record<string, string>, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  const trx = await knex.transaction();
  try {
    await trx.raw('set local role portfolio_app');
    for (const [key, value] of Object.entries(settings)) await trx.raw('select set_config(?, ?, true)', [key, value]);
    return await fn(trx);
  } finally {
    await trx.rollback();
  }
}

beforeAll(async () => {
  app = await startTestApp();
  const city = await app.factory.city();
  schoolA = await city.school();
  schoolB = await city.school();
  // Audit rows for both schools, so audit_log is not trivially empty.
  await app.client().login(schoolA.logins.teacher.username, schoolA.logins.teacher.password);
  await app.client().login(schoolB.logins.teacher.username, schoolB.logins.teacher.password);
  // Timeline rows for both schools: windows, their alerts, and an extension each.
  const soon = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * 24 * 3600_000);
  await city.timeline(
    [
      { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: soon(1), endsAt: soon(5) },
      { kind: TaskKind.SUBMIT, category: SubmissionCategory.COURSE_RECORDS, startsAt: soon(-1), endsAt: soon(5) },
      { kind: TaskKind.PRECHECK, startsAt: soon(-1), endsAt: soon(5) },
    ],
    [schoolA, schoolB],
  );
  for (const school of [schoolA, schoolB]) {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const task = await app.sqlOne<{ id: string }>(
      "select id from timeline_task where school_id = ? and kind = 'UPLOAD_COURSE_OUTCOMES'",
      [school.school.id],
    );
    await staff.ok(
      'mutation ($input: GrantDeadlineExtensionInput!) { grantDeadlineExtension(input: $input) { extension { id } } }',
      {
        input: {
          taskId: toGlobalId('TimelineTask', task.id),
          studentId: toGlobalId('Student', school.students[0]!.id),
          endsAt: soon(7).toISOString(),
          reason: '測試',
        },
      },
    );
    // A personal-data access row: 註冊組 reads a full national ID.
    await staff.ok('query ($id: ID!) { node(id: $id) { ... on Student { nationalId } } }', {
      id: toGlobalId('Student', school.students[0]!.id),
    });
  }
  // Cadre and counseling records for both schools.
  for (const school of [schoolA, schoolB]) {
    const affairs = await app.client().login(school.logins.affairs.username, school.logins.affairs.password);
    const cadre = await affairs.ok<{ recordCadre: { record: { id: string } } }>(
      'mutation ($input: RecordCadreInput!) { recordCadre(input: $input) { record { id } } }',
      {
        input: {
          studentId: toGlobalId('Student', school.students[0]!.id),
          unit: '班級',
          position: '班長',
          level: 1,
          startsOn: '2026-09-01',
          endsOn: '2027-01-20',
        },
      },
    );
    // A correction of it, so record_correction has rows of both schools too.
    await affairs.ok(
      `mutation ($input: UpdateCadreRecordInput!) {
        updateCadreRecord(input: $input) { userErrors { code } }
      }`,
      {
        input: {
          cadreRecordId: cadre.recordCadre.record.id,
          unit: '班級',
          position: '副班長',
          level: 1,
          startsOn: '2026-09-01',
          endsOn: '2027-01-20',
        },
      },
    );
    const counselor = await app.client().login(school.logins.counselor.username, school.logins.counselor.password);
    await counselor.ok(
      'mutation ($input: RecordCounselingInput!) { recordCounseling(input: $input) { record { id } } }',
      {
        input: {
          kind: 'INDIVIDUAL',
          studentIds: [toGlobalId('Student', school.students[0]!.id)],
          heldOn: '2026-11-20',
          topic: '選課',
          content: '內容',
        },
      },
    );
  }
  // Course records for both schools.
  for (const school of [schoolA, schoolB]) {
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    const [section] = await app.factory.sections(school, [
      { subjectName: '數學', teacher, students: school.students.slice(0, 2) },
    ]);
    // Evidence: outcomes with their versions, a certification proxy and a diverse performance.
    await app.factory.outcomes(school, section!, 1, teacher.id);
    const homeroom = school.accounts.find((account) => account.username === school.logins.homeroom.username)!;
    await app.sql(
      `insert into certification_proxy (school_id, id, teacher_id, proxy_id, created_by, created_at)
       values (?, gen_random_uuid(), ?, ?, ?, now())`,
      [school.school.id, teacher.id, homeroom.id, teacher.id],
    );
    // The routing age of certification health (issue 23).
    await app.sql(
      `insert into certification_policy (school_id, route_after_days, updated_by, updated_at) values (?, 7, ?, now())`,
      [school.school.id, teacher.id],
    );
    // A bureau's alert from its live board (issue 23).
    await app.sql(
      `insert into bureau_alert (school_id, task_id, sent_by, sent_at)
       select school_id, id, gen_random_uuid(), now() from timeline_task where school_id = ? and kind = 'PRECHECK'`,
      [school.school.id],
    );
    await app.sql(
      `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                        created_at, updated_at)
       values (?, gen_random_uuid(), ?, ?, 'OTHER', '志工', '簡述', now(), now())`,
      [school.school.id, school.students[0]!.id, school.years.at(-1)!.id],
    );
  }
  // An upload and an import dry run for both schools, and a submission package with its rows.
  for (const school of [schoolA, schoolB]) {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    const term = await app.sqlOne<{ id: string }>(
      "select term_id as id from timeline_task where school_id = ? and kind = 'SUBMIT'",
      [school.school.id],
    );
    const submitted = await staff.ok<{ submitTerm: { submission: { id: string } } }>(
      'mutation ($input: SubmitTermInput!) { submitTerm(input: $input) { submission { id } } }',
      {
        input: { termId: toGlobalId('Term', term.id), category: 'COURSE_RECORDS', idempotencyKey: 'rls-submission-1' },
      },
    );
    // The reference central repository's receipt file, imported: receipt_import and receipt_row.
    const submissionId = submitted.submitTerm.submission.id;
    const sent = await staff.ok<{ sendToCentralRepository: { receiptFiles: { id: string }[] } }>(
      'mutation ($input: SendToCentralRepositoryInput!) { sendToCentralRepository(input: $input) { receiptFiles { id } } }',
      { input: { submissionId } },
    );
    await staff.ok(
      'mutation ($input: ImportReceiptsInput!) { importReceipts(input: $input) { receiptImport { id } } }',
      { input: { submissionId, uploadId: sent.sendToCentralRepository.receiptFiles[0]!.id } },
    );
    // A pre-check compared by the reference repository, one student's national ID made invalid so that it lists
    // mismatches: precheck_run and precheck_mismatch.
    const student = school.students[1]!;
    const nationalId = app.services.pii.decrypt(student.nationalIdEncrypted);
    await app.sql('update student set national_id_encrypted = ? where id = ?', [
      app.services.pii.encrypt(`${nationalId.slice(0, -1)}${(Number(nationalId.at(-1)) + 1) % 10}`),
      student.id,
    ]);
    const precheck = await staff.ok<{ exportPrecheckRoster: { precheckRun: { id: string } } }>(
      'mutation ($input: ExportPrecheckRosterInput!) { exportPrecheckRoster(input: $input) { precheckRun { id } } }',
      { input: { termId: toGlobalId('Term', term.id) } },
    );
    const precheckRunId = precheck.exportPrecheckRoster.precheckRun.id;
    const compared = await staff.ok<{ sendPrecheckToCentralRepository: { resultFile: { id: string } } }>(
      'mutation ($input: SendPrecheckToCentralRepositoryInput!) { sendPrecheckToCentralRepository(input: $input) { resultFile { id } } }',
      { input: { precheckRunId } },
    );
    await staff.ok(
      'mutation ($input: ImportPrecheckResultInput!) { importPrecheckResult(input: $input) { precheckRun { id } } }',
      { input: { precheckRunId, uploadId: compared.sendPrecheckToCentralRepository.resultFile.id } },
    );
    await app.sql('update student set national_id_encrypted = ? where id = ?', [
      student.nationalIdEncrypted,
      student.id,
    ]);
    const upload = await uploadImportFile(app.url, staff, 'roster.csv', csvFile([['學號'], ['1']]));
    await staff.ok('mutation ($input: PreviewImportInput!) { previewImport(input: $input) { importRun { id } } }', {
      input: { kind: 'STUDENTS', uploadId: upload.id },
    });
  }
  // A confirmation, a dispute and a staff confirmation of a receipt row, and a final lock, for both schools
  // (written as the owner: the windows they need are not open here, and the lock comes last so nothing above is refused).
  for (const school of [schoolA, schoolB]) {
    const staffId = school.accounts.find((a) => a.username === school.logins.registration.username)!.id;
    await app.sql(
      `with r as (select r.school_id, r.id, r.student_id, r.submission_id, r.receipt_import_id, s.term_id
                  from receipt_row r join submission s on s.school_id = r.school_id and s.id = r.submission_id
                  where r.school_id = ? order by r.id limit 1),
       review as (insert into receipt_review (school_id, id, receipt_row_id, student_id, decision, decided_by, decided_at)
                  select school_id, gen_random_uuid(), id, student_id, 'DISPUTED', ?, now() from r),
       dispute as (insert into dispute (school_id, id, receipt_row_id, student_id, submission_id, term_id, category,
                                        reason, status, raised_by, raised_at, due_at)
                   select school_id, gen_random_uuid(), id, student_id, submission_id, term_id, 'COURSE_RECORDS',
                          '測試', 'OPEN', ?, now(), now() + interval '7 days' from r),
       staff as (insert into receipt_staff_confirmation (school_id, id, receipt_import_id, confirmed_by, confirmed_at)
                 select school_id, gen_random_uuid(), receipt_import_id, ?, now() from r)
       insert into final_lock (school_id, id, term_id, category, submission_id, locked_by, locked_at)
       select school_id, gen_random_uuid(), term_id, 'PERFORMANCES', submission_id, ?, now() from r`,
      [school.school.id, staffId, staffId, staffId, staffId],
    );
  }
  // A rollover and where a student sat before it, for both schools.
  for (const school of [schoolA, schoolB]) {
    const staffId = school.accounts.find((account) => account.username === school.logins.registration.username)!.id;
    await app.sql(
      `insert into rollover_run (school_id, id, from_year, to_year, by_class_list, counts, run_by, run_at)
       values (?, gen_random_uuid(), 200, 201, false, '{}', ?, now())`,
      [school.school.id, staffId],
    );
    await app.sql(
      `insert into class_placement (school_id, student_id, academic_year_id, class_id, seat_number)
       values (?, ?, ?, ?, 1)`,
      [school.school.id, school.students[0]!.id, school.years.at(-1)!.id, school.classes[0]!.id],
    );
  }
  // A transfer each way with its portfolio exchange: the request rows of both sides, the exported file at the school
  // of origin and the received records (and files: the first student's outcome, certified) at the receiving school.
  await app.sql(
    `with v as (update course_outcome_version set status = 'CERTIFIED', decided_at = now()
                 where school_id in (?, ?) returning school_id, outcome_id)
     update course_outcome o set status = 'CERTIFIED' from v where o.school_id = v.school_id and o.id = v.outcome_id`,
    [schoolA.school.id, schoolB.school.id],
  );
  for (const [to, from] of [
    [schoolA, schoolB],
    [schoolB, schoolA],
  ] as const) {
    const receiving = await app.client().login(to.logins.registration.username, to.logins.registration.password);
    const origin = await app.client().login(from.logins.registration.username, from.logins.registration.password);
    const student = from.students[0]!;
    const asked = await receiving.ok<{ requestTransferIn: { transfer: { id: string } | null } }>(
      `mutation ($input: RequestTransferInInput!) { requestTransferIn(input: $input) { transfer { id } userErrors { code } } }`,
      {
        input: {
          nationalId: app.services.pii.decrypt(student.nationalIdEncrypted),
          birthDate: student.birthDate,
          newStudent: {
            studentNumber: 'RLS1',
            name: student.name,
            classId: toGlobalId('SchoolClass', to.classes[0]!.id),
          },
        },
      },
    );
    const outgoing = await origin.ok<{ transfersOut: { nodes: { id: string }[] } }>(
      '{ transfersOut(first: 1) { nodes { id } } }',
    );
    await origin.ok(
      `mutation ($input: ApproveTransferOutInput!) { approveTransferOut(input: $input) { userErrors { code } } }`,
      { input: { transferId: outgoing.transfersOut.nodes[0]!.id, markTransferred: true } },
    );
    await receiving.ok(
      `mutation ($input: TransferInIdInput!) { receiveTransferIn(input: $input) { userErrors { code } } }`,
      { input: { transferId: asked.requestTransferIn.transfer!.id } },
    );
  }
  knex = app.owner.em.getConnection().getKnex();
  const rows = await knex.raw(`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'school_id' and t.table_type = 'BASE TABLE'
    order by 1`);
  tenantTables = rows.rows.map((r: { table_name: string }) => r.table_name);
});
afterAll(() => app.close());

describe('row-level security as portfolio_app', () => {
  it('finds the tables that carry a school_id', () => {
    expect(tenantTables).toEqual(
      expect.arrayContaining([
        'academic_year',
        'term',
        'user_account',
        'school_class',
        'student',
        'audit_log',
        'credential',
      ]),
    );
  });

  it('returns zero rows from every table with a school_id when no school is set', async () => {
    const counts: Record<string, number | 'no grant'> = {};
    for (const table of tenantTables) {
      counts[table] = await asApp({}, async (trx) => {
        const [{ allowed }] = (
          await trx.raw(`select has_table_privilege(current_user, ?, 'select') as allowed`, [table])
        ).rows;
        if (!allowed) return 'no grant';
        return Number((await trx.raw(`select count(*) as n from ??`, [table])).rows[0].n);
      });
    }
    for (const table of tenantTables) expect([0, 'no grant'], `${table}: ${counts[table]}`).toContain(counts[table]);
    // The identity store is closed to the application role altogether.
    expect(counts.credential).toBe('no grant');
  });

  it('returns only school A’s rows when school A is set, and rows exist', async () => {
    for (const table of tenantTables) {
      const result = await asApp({ 'app.school_id': schoolA.school.id }, async (trx) => {
        const [{ allowed }] = (
          await trx.raw(`select has_table_privilege(current_user, ?, 'select') as allowed`, [table])
        ).rows;
        if (!allowed) return null;
        return (
          await trx.raw(
            `select count(*)::int as total, count(*) filter (where school_id <> ?)::int as foreign from ??`,
            [schoolA.school.id, table],
          )
        ).rows[0] as { total: number; foreign: number };
      });
      if (result === null) continue;
      expect(result.foreign, table).toBe(0);
      expect(result.total, table).toBeGreaterThan(0);
    }
    const ownCount = await knex.raw('select count(*)::int as n from student where school_id = ?', [schoolA.school.id]);
    const seen = await asApp(
      { 'app.school_id': schoolA.school.id },
      async (trx) => (await trx.raw('select count(*)::int as n from student')).rows[0].n,
    );
    expect(seen).toBe(ownCount.rows[0].n);
  });

  it('refuses to write a row into another school', async () => {
    await expect(
      asApp({ 'app.school_id': schoolA.school.id }, (trx) =>
        trx
          .raw('update student set name = ? where school_id = ? returning id', ['x', schoolB.school.id])
          .then((r) => r.rows.length),
      ),
    ).resolves.toBe(0);
    await expect(
      asApp({ 'app.school_id': schoolA.school.id }, (trx) =>
        trx.raw(
          `insert into audit_log (school_id, id, operation, request_id) values (?, gen_random_uuid(), 'forged', 'test')`,
          [schoolB.school.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps the audit log append-only', async () => {
    await expect(
      asApp({ 'app.school_id': schoolA.school.id }, (trx) => trx.raw(`delete from audit_log`)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      knex.raw(`update audit_log set operation = 'rewritten' where school_id = ?`, [schoolA.school.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('lets a bureau setting see its schools’ directory but no tenant rows', async () => {
    const authorityId = (await knex.raw('select authority_id from school where id = ?', [schoolA.school.id])).rows[0]
      .authority_id;
    await asApp({ 'app.authority_id': authorityId }, async (trx) => {
      const schools = (await trx.raw('select id from school order by id')).rows.map((r: { id: string }) => r.id);
      expect(schools).toEqual([schoolA.school.id, schoolB.school.id].sort());
      expect((await trx.raw('select count(*)::int as n from student')).rows[0].n).toBe(0);
    });
  });
});

describe('catalog', () => {
  it('has RLS enabled and forced on every table with a school_id', async () => {
    const rows = (
      await knex.raw(
        `select relname, relrowsecurity, relforcerowsecurity from pg_class
         where relnamespace = 'public'::regnamespace and relname = any(?::text[])`,
        [`{${tenantTables.join(',')}}`],
      )
    ).rows as { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[];
    expect(rows).toHaveLength(tenantTables.length);
    for (const row of rows) {
      expect(row.relrowsecurity, row.relname).toBe(true);
      expect(row.relforcerowsecurity, row.relname).toBe(true);
    }
  });

  it('makes portfolio_app no superuser, without BYPASSRLS, owning no table: a login of its own and nothing more', async () => {
    const [role] = (
      await knex.raw(
        `select rolsuper, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb, rolinherit
         from pg_roles where rolname = 'portfolio_app'`,
      )
    ).rows;
    // It logs in itself (DATABASE_APP_URL or the derived login), so no request depends on a session's SET ROLE.
    expect(role).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcanlogin: true,
      rolcreaterole: false,
      rolcreatedb: false,
      rolinherit: false,
    });
    const owned = (await knex.raw(`select count(*)::int as n from pg_class where relowner = 'portfolio_app'::regrole`))
      .rows[0].n;
    expect(owned).toBe(0);
  });

  it('starts every index of a tenant table with school_id', async () => {
    const rows = (
      await knex.raw(`
        select i.indexrelid::regclass::text as index, t.relname as table,
               (select attname from pg_attribute where attrelid = t.oid and attnum = i.indkey[0]) as first_column
        from pg_index i
        join pg_class t on t.oid = i.indrelid
        join pg_attribute a on a.attrelid = t.oid and a.attname = 'school_id' and a.attnotnull
        where t.relnamespace = 'public'::regnamespace`)
    ).rows as { index: string; table: string; first_column: string }[];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.first_column !== 'school_id')).toEqual([]);
  });

  it('every request connection runs as portfolio_app', async () => {
    const em = app.services.orm.em.fork();
    const [row] = await em.getConnection().execute<{ who: string }[]>('select current_user as who');
    expect(row?.who).toBe('portfolio_app');
  });
});

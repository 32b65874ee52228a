import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../api/src/common/ids.js';
import { PerformanceCategory } from '../../api/src/common/performance-category.js';
import { SubmissionCategory } from '../../api/src/common/submission-category.js';
import { inTenantTransaction } from '../../api/src/common/tenant.js';
import { readRosters } from '../../api/src/modules/round/central/rosters.js';
import { SchoolDivision } from '../../api/src/modules/school/school.entity.js';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { ApiClient } from '../support/api-client.js';
import type { TestCity, TestSchool, WindowSpec } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';
import { uploadImportFile } from '../support/uploads.js';
import { sheetRows, workbookOf } from '../support/workbooks.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const NON_ACADEMIC = '02_非學業表現上傳資料';
const ACADEMIC = '01_學業表現上傳資料';
const FILES = ['文件檔名', '文件SHA-256', '影音檔名', '影音SHA-256'];

let app: TestApp;
let city: TestCity;

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
});
afterAll(() => app.close());

const RECORD = `mutation ($input: RecordPerformanceInput!) {
  recordPerformance(input: $input) {
    performance { id category categoryLabel details { key label value code } }
    userErrors { field code message }
  }
}`;
const SELECT = `mutation ($input: SelectItemInput!) {
  selectItem(input: $input) { performance { id selectedAt } userErrors { code message } }
}`;
const CATEGORIES = `query ($all: Boolean!) {
  performanceCategories(includeNotOffered: $all) {
    category label offered fields { key label kind required choices options { code label } }
  }
}`;
const SUBMIT = `mutation ($input: SubmitTermInput!) {
  submitTerm(input: $input) { submission { id packageUrl rosters { path rows } } userErrors { code message } }
}`;
const SEND = `mutation ($input: SendToCentralRepositoryInput!) {
  sendToCentralRepository(input: $input) { receiptFiles { id sha256 } userErrors { code message } }
}`;
const IMPORT = `mutation ($input: ImportReceiptsInput!) {
  importReceipts(input: $input) {
    receiptImport { id kind receivedCount rejectedCount flaggedCount }
    userErrors { code message }
  }
}`;
const UPDATE_STUDENT = `mutation ($input: UpdateStudentInput!) {
  updateStudent(input: $input) { student { id status } userErrors { code message } }
}`;
const EXPORT_PRECHECK = `mutation ($input: ExportPrecheckRosterInput!) {
  exportPrecheckRoster(input: $input) { precheckRun { id rowCount rosterUrl } userErrors { code message } }
}`;

interface Errors {
  userErrors: { field?: string[]; code: string; message: string }[];
}
interface Recorded extends Errors {
  performance: {
    id: string;
    category: string;
    categoryLabel: string;
    details: { key: string; label: string; value: string; code: string | null }[];
  } | null;
}
interface Submitted {
  submitTerm: Errors & { submission: { id: string; packageUrl: string; rosters: { path: string; rows: number }[] } };
}
interface Imported {
  importReceipts: Errors & {
    receiptImport: { id: string; kind: string; receivedCount: number; rejectedCount: number; flaggedCount: number };
  };
}

interface Setup {
  school: TestSchool;
  student: ApiClient;
  registration: ApiClient;
  /** The current academic year's second term: the round that carries the year's performances. */
  roundTermId: string;
  currentTermId: string;
}

const open = (kind: TaskKind, extra: Partial<WindowSpec> = {}): WindowSpec => ({
  kind,
  startsAt: at(-1),
  endsAt: at(5),
  ...extra,
});

/** A school with the performance windows and the given SUBMIT windows open now. */
async function setup(
  submit: SubmissionCategory[] = [SubmissionCategory.PERFORMANCES],
  options: { division?: SchoolDivision; windows?: WindowSpec[] } = {},
): Promise<Setup> {
  const school = await city.school({ division: options.division });
  await city.timeline(
    [
      open(TaskKind.UPLOAD_PERFORMANCES),
      open(TaskKind.SELECT_PERFORMANCES),
      ...submit.map((category) => open(TaskKind.SUBMIT, { category })),
      ...(options.windows ?? []),
    ],
    [school],
  );
  const year = school.years.at(-1)!;
  const second = school.terms.find((term) => term.semester === 2 && term.academicYear.id === year.id)!;
  return {
    school,
    student: await app.client().login(school.logins.student.username, school.logins.student.password),
    registration: await app.client().login(school.logins.registration.username, school.logins.registration.password),
    roundTermId: toGlobalId('Term', second.id),
    currentTermId: toGlobalId('Term', app.factory.currentTerm(school).id),
  };
}

async function record(
  student: ApiClient,
  category: PerformanceCategory,
  title: string,
  details: Record<string, string>,
): Promise<Recorded> {
  const result = await student.ok<{ recordPerformance: Recorded }>(RECORD, {
    input: {
      category,
      title,
      details: Object.entries(details).map(([key, value]) => ({ key, value })),
      description: `${title}的簡述`,
    },
  });
  return result.recordPerformance;
}

/** Records and selects a performance, which must succeed. */
async function recordSelected(
  student: ApiClient,
  category: PerformanceCategory,
  title: string,
  details: Record<string, string>,
): Promise<NonNullable<Recorded['performance']>> {
  const recorded = await record(student, category, title, details);
  expect(recorded.userErrors).toEqual([]);
  const selected = await student.ok<{ selectItem: Errors }>(SELECT, {
    input: { itemId: recorded.performance!.id, selected: true },
  });
  expect(selected.selectItem.userErrors).toEqual([]);
  return recorded.performance!;
}

async function submit(client: ApiClient, termId: string, category: SubmissionCategory, key: string) {
  const result = await client.ok<Submitted>(SUBMIT, { input: { termId, category, idempotencyKey: key } });
  expect(result.submitTerm.userErrors).toEqual([]);
  const submission = result.submitTerm.submission;
  const response = await fetch(`${app.url}${submission.packageUrl}`, {
    headers: { authorization: `Bearer ${client.token}` },
  });
  expect(response.status).toBe(200);
  return { submission, zip: await JSZip.loadAsync(Buffer.from(await response.arrayBuffer())) };
}

/** A roster of the package: its header and its rows as objects by column name. */
async function sheet(zip: JSZip, path: string) {
  const entry = zip.file(path);
  if (!entry) throw new Error(`${path} is not in the package`);
  const [header, ...rows] = await sheetRows(await entry.async('nodebuffer'));
  return {
    header: header as string[],
    rows: rows.map((row) => Object.fromEntries((header as string[]).map((name, i) => [name, row[i] ?? null]))),
  };
}

const rosterPaths = (zip: JSZip) => Object.keys(zip.files).filter((name) => name.endsWith('.xlsx'));

async function sendAndImport(client: ApiClient, submissionId: string) {
  const sent = await client.ok<{
    sendToCentralRepository: Errors & { receiptFiles: { id: string; sha256: string }[] };
  }>(SEND, { input: { submissionId } });
  expect(sent.sendToCentralRepository.userErrors).toEqual([]);
  const [file, ...rest] = sent.sendToCentralRepository.receiptFiles;
  expect(rest).toEqual([]);
  const bytes = await app.services.files.read(file!.sha256);
  const imported = await client.ok<Imported>(IMPORT, { input: { submissionId, uploadId: file!.id } });
  return { bytes, imported: imported.importReceipts };
}

describe('per-category performance rosters', () => {
  it('writes each category’s roster with its own coded columns, 職場學習 included; codes may be typed, labels are kept', async () => {
    const s = await setup();
    await recordSelected(s.student, PerformanceCategory.COMPETITION, '全國高中物理競賽', {
      item: '實驗組',
      level: '全國',
      award: '佳作',
      awardKind: '佳作或入選',
      resultDate: '2026-11-01',
      participation: '團體',
    });
    // 彈性學習時間's kind is required, and may be given by its code: the label is what is stored.
    const noKind = await record(s.student, PerformanceCategory.FLEXIBLE_LEARNING, '自主學習', {
      content: '資料分析',
      hours: '18',
    });
    expect(noKind.userErrors.map((e) => [e.field!.join('.'), e.code])).toEqual([['input.details.kind', 'REQUIRED']]);
    const flexible = await recordSelected(s.student, PerformanceCategory.FLEXIBLE_LEARNING, '數學增廣', {
      kind: '3',
      content: '排列組合',
      hours: '12',
    });
    expect(flexible.details.find((d) => d.key === 'kind')).toEqual({
      key: 'kind',
      label: '彈性學習時間類別',
      value: '充實（增廣）教學',
      code: '3',
    });
    const workplace = await recordSelected(s.student, PerformanceCategory.WORKPLACE_LEARNING, '醫院職場見習', {
      workplace: '示範醫院',
      learningKind: '職場見習',
      hours: '40',
      startsOn: '2026-09-01',
      endsOn: '2026-09-05',
    });
    expect(workplace.categoryLabel).toBe('職場學習');
    await recordSelected(s.student, PerformanceCategory.GROUP_ACTIVITY, '熱音社', { activity: '社團活動' });
    // A performance stored before the codes existed, with an older spelling of a label: mapped to its code.
    await app.sql(
      `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, details,
                                        description, selected_at, created_at, updated_at)
       values (?, gen_random_uuid(), ?, ?, 'COMPETITION', '縣市科展', ?::jsonb, '簡述', now(), now(), now())`,
      [
        s.school.school.id,
        s.school.students[0]!.id,
        s.school.years.at(-1)!.id,
        JSON.stringify({
          item: '數學',
          level: '縣市級',
          award: '第一名',
          resultDate: '2026-10-01',
          participation: '個人',
        }),
      ],
    );

    const categories = await s.student.ok<{
      performanceCategories: {
        category: string;
        offered: boolean;
        fields: { key: string; choices: string[]; options: { code: string; label: string }[] }[];
      }[];
    }>(CATEGORIES, { all: false });
    expect(categories.performanceCategories.map((c) => c.category).at(-1)).toBe('WORKPLACE_LEARNING');
    const level = categories.performanceCategories
      .find((c) => c.category === 'COMPETITION')!
      .fields.find((f) => f.key === 'level')!;
    expect(level.options).toEqual([
      { code: '1', label: '校內' },
      { code: '2', label: '縣市' },
      { code: '3', label: '區域' },
      { code: '4', label: '全國' },
      { code: '5', label: '國際' },
    ]);
    expect(level.choices).toEqual(['校內', '縣市', '區域', '全國', '國際']);

    const { submission, zip } = await submit(
      s.registration,
      s.roundTermId,
      SubmissionCategory.PERFORMANCES,
      'cat-coded-0001',
    );
    // Every category of the policy (here all, in the central order), those without rows too.
    const expected = [
      ['2_幹部經歷暨事蹟名冊.xlsx', 0],
      ['3_競賽參與名冊.xlsx', 2],
      ['4_檢定證照名冊.xlsx', 0],
      ['5_服務學習名冊.xlsx', 0],
      ['6_彈性學習時間名冊.xlsx', 1],
      ['7_團體活動時間名冊.xlsx', 1],
      ['8_作品成果名冊.xlsx', 0],
      ['9_大學及技專校院先修課程名冊.xlsx', 0],
      ['10_其他多元表現名冊.xlsx', 0],
      ['11_職場學習名冊.xlsx', 1],
    ] as const;
    const counts = new Map(submission.rosters.map((r) => [r.path.slice(NON_ACADEMIC.length + 1), r.rows]));
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expected));
    expect(rosterPaths(zip)).toEqual(expected.map(([name]) => `${NON_ACADEMIC}/${name}`));

    const competition = await sheet(zip, `${NON_ACADEMIC}/3_競賽參與名冊.xlsx`);
    expect(competition.header).toEqual([
      '學校代碼',
      '學年度',
      '學期',
      '身分證號',
      '出生日期',
      '項目',
      '競賽等級代碼',
      '競賽等級',
      '獎項',
      '獎項類別代碼',
      '獎項類別',
      '結果公布日期',
      '參與形式代碼',
      '參與形式',
      '名稱',
      '簡述',
      '外部連結',
      ...FILES,
    ]);
    const pick = (row: Record<string, unknown>, names: string[]) => names.map((name) => row[name]);
    const coded = ['名稱', '競賽等級代碼', '競賽等級', '獎項類別代碼', '參與形式代碼', '參與形式'];
    expect(competition.rows.map((row) => pick(row, coded))).toEqual([
      ['全國高中物理競賽', '4', '全國', '4', '2', '團體'],
      ['縣市科展', '2', '縣市', '', '1', '個人'],
    ]);
    expect(competition.rows[0]!['學期']).toBe(0);

    const flexibleRoster = await sheet(zip, `${NON_ACADEMIC}/6_彈性學習時間名冊.xlsx`);
    expect(pick(flexibleRoster.rows[0]!, ['彈性學習時間類別代碼', '彈性學習時間類別', '內容', '時數'])).toEqual([
      '3',
      '充實（增廣）教學',
      '排列組合',
      12,
    ]);
    const workplaceRoster = await sheet(zip, `${NON_ACADEMIC}/11_職場學習名冊.xlsx`);
    expect(workplaceRoster.header.slice(5, 13)).toEqual([
      '職場名稱',
      '職場學習形式代碼',
      '職場學習形式',
      '職務或學習內容',
      '時數',
      '開始日期',
      '結束日期',
      '名稱',
    ]);
    expect(
      pick(workplaceRoster.rows[0]!, ['職場名稱', '職場學習形式代碼', '職場學習形式', '時數', '開始日期', '名稱']),
    ).toEqual(['示範醫院', '2', '職場見習', 40, '2026-09-01', '醫院職場見習']);
    const group = await sheet(zip, `${NON_ACADEMIC}/7_團體活動時間名冊.xlsx`);
    expect(pick(group.rows[0]!, ['活動類型代碼', '活動類型'])).toEqual(['2', '社團活動']);
    // A category without rows is still written, with its header.
    const cadres = await sheet(zip, `${NON_ACADEMIC}/2_幹部經歷暨事蹟名冊.xlsx`);
    expect(cadres.header.slice(5, 8)).toEqual(['單位', '幹部類別代碼', '幹部類別']);
    expect(cadres.rows).toEqual([]);
  });

  it('refuses new records of a category left out of the policy, and still lists, selects and packages the old ones', async () => {
    const s = await setup();
    const kept = await recordSelected(s.student, PerformanceCategory.WORKPLACE_LEARNING, '職場體驗', {
      workplace: '示範工廠',
      learningKind: '1',
      hours: '8',
      startsOn: '2026-10-01',
      endsOn: '2026-10-01',
    });
    const policy = app.services.config.portfolio;
    const before = policy.performanceCategories;
    policy.performanceCategories = [PerformanceCategory.OTHER, PerformanceCategory.COMPETITION];
    try {
      const refused = await record(s.student, PerformanceCategory.WORKPLACE_LEARNING, '再一次', {
        workplace: '示範工廠',
        learningKind: '1',
        hours: '8',
        startsOn: '2026-10-02',
        endsOn: '2026-10-02',
      });
      expect(refused.performance).toBeNull();
      expect(refused.userErrors).toEqual([
        {
          field: ['input', 'category'],
          code: 'CATEGORY_NOT_OFFERED',
          message: '學校目前不開放登錄「職場學習」類別的多元表現；已登錄的資料不受影響。',
        },
      ]);
      const count = await app.sqlOne<{ n: number }>(
        'select count(*)::int as n from diverse_performance where school_id = ?',
        [s.school.school.id],
      );
      expect(count.n).toBe(1);

      // Not offered: the form lists the policy's categories in its order; the full list marks it not offered.
      const offered = await s.student.ok<{ performanceCategories: { category: string; offered: boolean }[] }>(
        CATEGORIES,
        { all: false },
      );
      expect(offered.performanceCategories.map((c) => c.category)).toEqual(['OTHER', 'COMPETITION']);
      const all = await s.student.ok<{ performanceCategories: { category: string; offered: boolean }[] }>(CATEGORIES, {
        all: true,
      });
      expect(all.performanceCategories).toHaveLength(10);
      expect(all.performanceCategories.find((c) => c.category === 'WORKPLACE_LEARNING')!.offered).toBe(false);

      // The old record can still be unselected and selected again.
      for (const selected of [false, true]) {
        const result = await s.student.ok<{ selectItem: Errors }>(SELECT, { input: { itemId: kept.id, selected } });
        expect(result.selectItem.userErrors).toEqual([]);
      }

      // And it is still packaged, in its category's roster: nothing recorded is lost.
      const { zip } = await submit(s.registration, s.roundTermId, SubmissionCategory.PERFORMANCES, 'cat-policy-0001');
      const workplace = await sheet(zip, `${NON_ACADEMIC}/11_職場學習名冊.xlsx`);
      expect(workplace.rows.map((row) => [row['名稱'], row['職場學習形式代碼']])).toEqual([['職場體驗', '1']]);

      // The rosters follow the policy: its categories in its order, then a left-out one only while it has rows.
      const scopeOf = { schoolCode: s.school.school.code, termId: '', academicYearId: s.school.years.at(-1)!.id };
      const paths = await inTenantTransaction(
        app.services.orm.em,
        { schoolId: s.school.school.id, authorityId: null },
        async (em) =>
          (
            await readRosters(
              em,
              app.services.pii,
              { ...scopeOf, year: s.school.years.at(-1)!.year, semester: 2, cohort: null },
              SubmissionCategory.PERFORMANCES,
              policy,
            )
          ).map((roster) => roster.path.slice(NON_ACADEMIC.length + 1)),
      );
      expect(paths).toEqual(['10_其他多元表現名冊.xlsx', '3_競賽參與名冊.xlsx', '11_職場學習名冊.xlsx']);
    } finally {
      policy.performanceCategories = before;
    }
  });

  it('imports the reference repository’s one 多元表現 receipt list and reconciles it across the rosters', async () => {
    const s = await setup();
    await recordSelected(s.student, PerformanceCategory.COMPETITION, '英語演講', {
      item: '英語',
      level: '校內',
      award: '第一名',
      resultDate: '2026-10-20',
      participation: '個人',
    });
    await recordSelected(s.student, PerformanceCategory.SERVICE_LEARNING, '淨灘', {
      organization: '海洋協會',
      hours: '4',
      startsOn: '2026-10-03',
      endsOn: '2026-10-03',
    });
    await recordSelected(s.student, PerformanceCategory.WORKPLACE_LEARNING, '藥局體驗', {
      workplace: '示範藥局',
      learningKind: '職場體驗',
      hours: '30',
      startsOn: '2026-08-10',
      endsOn: '2026-08-14',
    });
    const { submission } = await submit(
      s.registration,
      s.roundTermId,
      SubmissionCategory.PERFORMANCES,
      'cat-receipts-0001',
    );
    const { bytes, imported } = await sendAndImport(s.registration, submission.id);
    expect(imported.userErrors).toEqual([]);
    expect(imported.receiptImport).toMatchObject({
      kind: 'PERFORMANCES',
      receivedCount: 3,
      rejectedCount: 0,
      flaggedCount: 0,
    });
    const rows = await sheetRows(bytes);
    const header = rows[0] as string[];
    expect(header.slice(3, 6)).toEqual(['收訖種類', '名冊', '身分證號']);
    expect(rows.slice(1).map((row) => row[4])).toEqual(['競賽參與名冊', '服務學習名冊', '職場學習名冊']);
    const keyFields = await app.sql<{ key_fields: Record<string, string>; reconciliation: string }>(
      'select key_fields, reconciliation from receipt_row where school_id = ? order by row_number',
      [s.school.school.id],
    );
    expect(keyFields.map((row) => row.key_fields)).toEqual([
      { 名冊: '競賽參與名冊', 名稱: '英語演講' },
      { 名冊: '服務學習名冊', 名稱: '淨灘' },
      { 名冊: '職場學習名冊', 名稱: '藥局體驗' },
    ]);

    // Against a resubmission, an edited receipt list: a code changed in one roster, a row dropped from another,
    // and a row moved to a roster it was not submitted in.
    const again = await submit(s.registration, s.roundTermId, SubmissionCategory.PERFORMANCES, 'cat-receipts-0002');
    const col = (name: string) => header.indexOf(name);
    const [competition, service] = rows.slice(1) as (string | number)[][];
    const changed = [...competition!];
    changed[col('競賽等級代碼')] = '5';
    const moved = [...service!];
    moved[col('名冊')] = '其他多元表現名冊';
    const edited = await uploadImportFile(
      app.url,
      s.registration,
      '收訖明細_多元表現.xlsx',
      await workbookOf('收訖明細', [header, changed, moved]),
    );
    const result = (
      await s.registration.ok<Imported>(IMPORT, {
        input: { submissionId: again.submission.id, uploadId: edited.id },
      })
    ).importReceipts;
    expect(result.userErrors).toEqual([]);
    const flags = await app.sql<{ reconciliation: string; changed_columns: string[]; key_fields: object }>(
      `select r.reconciliation, r.changed_columns, r.key_fields from receipt_row r
       where r.school_id = ? and r.receipt_import_id = ?`,
      [s.school.school.id, Buffer.from(result.receiptImport.id, 'base64url').toString().split(':')[1]],
    );
    expect(flags.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      {
        reconciliation: 'CHANGED',
        changed_columns: ['競賽等級代碼'],
        key_fields: { 名冊: '競賽參與名冊', 名稱: '英語演講' },
      },
      { reconciliation: 'EXTRA', changed_columns: [], key_fields: { 名冊: '其他多元表現名冊', 名稱: '淨灘' } },
      { reconciliation: 'MISSING', changed_columns: [], key_fields: { 名冊: '服務學習名冊', 名稱: '淨灘' } },
      { reconciliation: 'MISSING', changed_columns: [], key_fields: { 名冊: '職場學習名冊', 名稱: '藥局體驗' } },
    ]);
  });

  it('counts the selection cap per student across all performance rosters', async () => {
    const s = await setup();
    await recordSelected(s.student, PerformanceCategory.COMPETITION, '一', {
      item: '數學',
      level: '校內',
      award: '佳作',
      resultDate: '2026-10-20',
      participation: '個人',
    });
    await recordSelected(s.student, PerformanceCategory.OTHER, '二', {});
    await recordSelected(s.student, PerformanceCategory.WORKPLACE_LEARNING, '三', {
      workplace: '示範藥局',
      learningKind: '職場實習',
      hours: '30',
      startsOn: '2026-08-10',
      endsOn: '2026-08-14',
    });
    const { submission } = await submit(
      s.registration,
      s.roundTermId,
      SubmissionCategory.PERFORMANCES,
      'cat-cap-00001',
    );
    const policy = app.services.config.portfolio;
    const cap = policy.maxSelectedPerformances;
    // Two per student, each roster holding fewer: only a count across the rosters finds the third.
    policy.maxSelectedPerformances = 2;
    try {
      const { bytes, imported } = await sendAndImport(s.registration, submission.id);
      expect(imported.receiptImport).toMatchObject({ receivedCount: 2, rejectedCount: 1 });
      const rows = await sheetRows(bytes);
      const status = (rows[0] as string[]).indexOf('收訖狀態');
      expect(rows.slice(1).map((row) => [row[4], row[status], row[status + 1] ?? ''])).toEqual([
        ['競賽參與名冊', '已收訖', ''],
        ['其他多元表現名冊', '已收訖', ''],
        ['職場學習名冊', '退件', '超過每學年勾選上限 2 件。'],
      ]);
    } finally {
      policy.maxSelectedPerformances = cap;
    }
  });

  it('imports the empty receipt list of a package with no selected performance', async () => {
    const s = await setup();
    const { submission } = await submit(
      s.registration,
      s.roundTermId,
      SubmissionCategory.PERFORMANCES,
      'cat-none-0001',
    );
    expect(submission.rosters.every((roster) => roster.rows === 0)).toBe(true);
    const { bytes, imported } = await sendAndImport(s.registration, submission.id);
    expect(await sheetRows(bytes)).toHaveLength(1);
    expect(imported.userErrors).toEqual([]);
    expect(imported.receiptImport).toMatchObject({ kind: 'PERFORMANCES', receivedCount: 0, flaggedCount: 0 });
  });
});

describe('enrolment rosters of their own', () => {
  /** Makes the first 國語文 enrolment a 重修 and the second a 重讀 (as an enrolment import would). */
  async function retakeAndRepeat(school: TestSchool): Promise<void> {
    const ids = await app.sql<{ id: string }>(
      `select e.id from enrolment e join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
       join course c on c.school_id = cs.school_id and c.id = cs.course_id
       where e.school_id = ? and c.subject_name = '國語文' order by e.id limit 2`,
      [school.school.id],
    );
    await app.sql(`update enrolment set kind = 'RETAKE' where id = ?`, [ids[0]!.id]);
    await app.sql(`update enrolment set kind = 'REPEAT' where id = ?`, [ids[1]!.id]);
  }

  it('sends 重修 and 重讀 to rosters 4 and 5, and reconciles the receipts across the enrolment rosters', async () => {
    const s = await setup([SubmissionCategory.COURSE_RECORDS]);
    await app.factory.gradedSections(s.school);
    await retakeAndRepeat(s.school);
    const { submission, zip } = await submit(
      s.registration,
      s.currentTermId,
      SubmissionCategory.COURSE_RECORDS,
      'enrolments-day-1',
    );
    expect(rosterPaths(zip)).toEqual([
      `${ACADEMIC}/1_科目名冊.xlsx`,
      `${ACADEMIC}/3_學生成績名冊.xlsx`,
      `${ACADEMIC}/4_學生重修成績名冊.xlsx`,
      `${ACADEMIC}/5_學生重讀成績名冊.xlsx`,
    ]);
    expect(Object.fromEntries(submission.rosters.map((r) => [r.path, r.rows]))).toEqual({
      [`${ACADEMIC}/1_科目名冊.xlsx`]: 2,
      [`${ACADEMIC}/3_學生成績名冊.xlsx`]: 4,
      [`${ACADEMIC}/4_學生重修成績名冊.xlsx`]: 1,
      [`${ACADEMIC}/5_學生重讀成績名冊.xlsx`]: 1,
    });
    const retakes = await sheet(zip, `${ACADEMIC}/4_學生重修成績名冊.xlsx`);
    expect(retakes.rows.map((row) => [row['科目名稱'], row['修課類別'], row['學期成績']])).toEqual([
      ['國語文', '重修', 80],
    ]);
    const grades = await sheet(zip, `${ACADEMIC}/3_學生成績名冊.xlsx`);
    expect(grades.rows.every((row) => row['修課類別'] === '一般')).toBe(true);

    const { bytes, imported } = await sendAndImport(s.registration, submission.id);
    expect(imported.userErrors).toEqual([]);
    expect(imported.receiptImport).toMatchObject({ kind: 'COURSE_RECORDS', receivedCount: 6, flaggedCount: 0 });
    const rows = await sheetRows(bytes);
    // Without its 名冊 column the same list cannot say which of the three rosters with rows each row answers.
    const unnamed = await uploadImportFile(
      app.url,
      s.registration,
      '收訖明細_無名冊.xlsx',
      await workbookOf(
        '收訖明細',
        rows.map((row) => [...row.slice(0, 4), ...row.slice(5)]),
      ),
    );
    const refused = await s.registration.ok<{ importReceipts: { userErrors: { code: string; message: string }[] } }>(
      `mutation ($input: ImportReceiptsInput!) { importReceipts(input: $input) { userErrors { code message } } }`,
      { input: { submissionId: submission.id, uploadId: unnamed.id } },
    );
    expect(refused.importReceipts.userErrors).toEqual([
      {
        code: 'RECEIPT_ROSTER_UNKNOWN',
        message:
          '這份收訖明細沒有「名冊」欄，無法判斷每一列屬於這次提交「修課紀錄」的哪個名冊（學生成績名冊、學生重修成績名冊、學生重讀成績名冊），未匯入任何資料。請上傳中央資料庫回覆的收訖明細原檔。',
      },
    ]);
    expect(rows.slice(1).map((row) => row[4])).toEqual([
      '學生成績名冊',
      '學生成績名冊',
      '學生成績名冊',
      '學生成績名冊',
      '學生重修成績名冊',
      '學生重讀成績名冊',
    ]);
  });

  it('sends a 進修部’s enrolments to 6_進修部學生成績名冊, and its pre-check holds exactly the enrolments submitted', async () => {
    const s = await setup([SubmissionCategory.COURSE_RECORDS], {
      division: SchoolDivision.NIGHT,
      windows: [open(TaskKind.PRECHECK)],
    });
    await app.factory.gradedSections(s.school);
    await retakeAndRepeat(s.school);
    const { submission, zip } = await submit(
      s.registration,
      s.currentTermId,
      SubmissionCategory.COURSE_RECORDS,
      'enrolments-night-1',
    );
    expect(rosterPaths(zip)).toEqual([
      `${ACADEMIC}/1_科目名冊.xlsx`,
      `${ACADEMIC}/4_學生重修成績名冊.xlsx`,
      `${ACADEMIC}/5_學生重讀成績名冊.xlsx`,
      `${ACADEMIC}/6_進修部學生成績名冊.xlsx`,
    ]);
    expect(Object.fromEntries(submission.rosters.map((r) => [r.path, r.rows]))).toEqual({
      [`${ACADEMIC}/1_科目名冊.xlsx`]: 2,
      [`${ACADEMIC}/4_學生重修成績名冊.xlsx`]: 1,
      [`${ACADEMIC}/5_學生重讀成績名冊.xlsx`]: 1,
      [`${ACADEMIC}/6_進修部學生成績名冊.xlsx`]: 4,
    });

    const exported = await s.registration.ok<{
      exportPrecheckRoster: Errors & { precheckRun: { rowCount: number; rosterUrl: string } };
    }>(EXPORT_PRECHECK, { input: { termId: s.currentTermId } });
    expect(exported.exportPrecheckRoster.userErrors).toEqual([]);
    const run = exported.exportPrecheckRoster.precheckRun;
    expect(run.rowCount).toBe(6);
    const response = await fetch(`${app.url}${run.rosterUrl}`, {
      headers: { authorization: `Bearer ${s.registration.token}` },
    });
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(
      `預檢名冊_6_進修部學生成績名冊_${s.school.school.code}_`,
    );
    const roster = await sheetRows(Buffer.from(await response.arrayBuffer()));
    const kind = (roster[0] as string[]).indexOf('修課類別');
    expect(
      roster
        .slice(1)
        .map((row) => row[kind])
        .sort(),
    ).toEqual(['一般', '一般', '一般', '一般', '重修', '重讀']);
  });
});

describe('the student roster by status in the term', () => {
  it('leaves out who left before the term, and lists who left or was suspended during it with that status', async () => {
    const s = await setup([SubmissionCategory.BASIC], {
      windows: [open(TaskKind.SUBMIT, { category: SubmissionCategory.BASIC, period: '1142' })],
    });
    const [graduated, suspended, transferred, enrolled] = s.school.students;
    const setStatus = async (student: typeof graduated, status: string, when: Date) => {
      app.clock.set(when);
      try {
        const staff = await app
          .client()
          .login(s.school.logins.registration.username, s.school.logins.registration.password);
        const result = await staff.ok<{ updateStudent: Errors }>(UPDATE_STUDENT, {
          input: { id: toGlobalId('Student', student!.id), status },
        });
        expect(result.updateStudent.userErrors).toEqual([]);
      } finally {
        app.clock.set(DEFAULT_TEST_NOW);
      }
    };
    // 115學年度第1學期 began on 2026-08-01 (Taipei).
    await setStatus(graduated, 'GRADUATED', new Date('2026-07-20T10:00:00+08:00'));
    await setStatus(suspended, 'SUSPENDED', new Date('2026-10-01T10:00:00+08:00'));
    await setStatus(transferred, 'TRANSFERRED', new Date('2026-11-02T10:00:00+08:00'));
    const history = await app.sql<{ status: string }>(
      'select status from student_status_change where school_id = ? and student_id = ? order by changed_at',
      [s.school.school.id, graduated!.id],
    );
    expect(history.map((row) => row.status)).toEqual(['ENROLLED', 'GRADUATED']);

    const registerOf = async (termId: string, key: string) => {
      const { zip } = await submit(s.registration, termId, SubmissionCategory.BASIC, key);
      const register = await sheet(zip, `${ACADEMIC}/2_學生資料名冊.xlsx`);
      return register.rows.map((row) => [row['學號'], row['學籍狀態代碼'], row['學籍狀態']]);
    };
    const numberOf = (student: typeof graduated) => student!.studentNumber;
    expect(await registerOf(s.currentTermId, 'status-now-0001')).toEqual(
      [
        [numberOf(suspended), '2', '休學'],
        [numberOf(transferred), '3', '轉出'],
        [numberOf(enrolled), '1', '在學'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // In the term before (114學年度第2學期, until 2026-07-31) the graduate is listed, as 畢業; the others were
    // still 在學, and the grade-10 students, whose cohort began in 115, were not yet there.
    const previous = s.school.terms.find(
      (term) => term.semester === 2 && term.academicYear.id === s.school.years[0]!.id,
    )!;
    const before = await registerOf(toGlobalId('Term', previous.id), 'status-before-01');
    expect(before.find((row) => row[0] === numberOf(graduated))).toEqual([numberOf(graduated), '4', '畢業']);
    expect(before.find((row) => row[0] === numberOf(suspended))).toEqual([numberOf(suspended), '1', '在學']);
    const grade10 = s.school.students.filter((student) => student.cohort === s.school.years.at(-1)!.year);
    expect(grade10.length).toBeGreaterThan(0);
    expect(before.some((row) => grade10.some((student) => student.studentNumber === row[0]))).toBe(false);
  });

  it('leaves out a graduate of an earlier year whose 畢業 was entered after the term began', async () => {
    const s = await setup([SubmissionCategory.BASIC]);
    const [graduate, ...others] = s.school.students;
    // Grade 12 in 114, so their school years ended on 2026-07-31; 註冊組 enters the graduation on 8/5.
    await app.sql('update student set cohort = cohort - 1 where id = ?', [graduate!.id]);
    app.clock.set(new Date('2026-08-05T10:00:00+08:00'));
    try {
      const staff = await app
        .client()
        .login(s.school.logins.registration.username, s.school.logins.registration.password);
      const result = await staff.ok<{ updateStudent: Errors }>(UPDATE_STUDENT, {
        input: { id: toGlobalId('Student', graduate!.id), status: 'GRADUATED' },
      });
      expect(result.updateStudent.userErrors).toEqual([]);
    } finally {
      app.clock.set(DEFAULT_TEST_NOW);
    }
    const { zip } = await submit(s.registration, s.currentTermId, SubmissionCategory.BASIC, 'late-graduate-1');
    const register = await sheet(zip, `${ACADEMIC}/2_學生資料名冊.xlsx`);
    expect(register.rows.map((row) => row['學號']).sort()).toEqual(others.map((o) => o.studentNumber).sort());
  });
});

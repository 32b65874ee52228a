import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { withCheckDigit } from '../../api/src/common/national-id.js';
import { academicYearOf } from '../../api/src/common/roc.js';
import { gql, login } from './graphql-http.js';
import type { ServerProcess } from './server-process.js';

export interface ImportFileResult {
  file: string;
  rows: number;
  sizeKiB: number;
  phase: 'upload' | 'dry run' | 'commit';
  seconds: number;
  toCreate: number | null;
  toUpdate: number | null;
  unchanged: number | null;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  /** The server's peak resident memory during this phase alone (VmHWM, reset before the phase). */
  peakRssMiB: number;
}

export interface ImportBenchmark {
  students: number;
  classes: number;
  courses: number;
  sections: number;
  enrolments: number;
  generateSeconds: number;
  /** How the per-phase peak was taken: VmHWM reset before each phase, or VmRSS sampled every 100 ms. */
  peakSource: 'VmHWM' | 'VmRSS sampled';
  serverRssAtStartMiB: number;
  serverPeakRssMiB: number;
  phases: ImportFileResult[];
}

const CLASSES_PER_GRADE = 25;
const STUDENTS_PER_CLASS = 40;
/** Required subjects a class takes together: its section of each course is named after the class. */
const SUBJECTS = [
  ['國語文', 4],
  ['英語文', 4],
  ['數學', 4],
  ['歷史', 2],
  ['地理', 2],
  ['公民與社會', 2],
  ['物理', 2],
  ['化學', 2],
  ['生物', 2],
  ['地球科學', 1],
  ['體育', 2],
  ['健康與護理', 1],
  ['藝術生活', 1],
] as const;
/** Every third student also takes the grade's elective, in sections of up to 30. */
const ELECTIVE_SECTION_SIZE = 30;
const TEACHERS = ['sf.teacher', 'sf.homeroom', 'sf.counselor', 'sf.secretary'];
/** Course numbers and national-ID serials well away from the demo's (which start at 1). */
const COURSE_BASE = 1000;
const PERSON_BASE = 200_000;
const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪'];
const GIVEN_NAMES = ['怡君', '志明', '雅婷', '家豪', '詩涵', '冠宇', '宜蓁', '承恩', '品妍', '柏翰', '子晴', '宥廷'];

/**
 * The same checksum-valid fictional IDs and course codes as fictionalNationalId and fictionalCourseCode in
 * api/src/db/seed/builders.ts. That module cannot be loaded here: it pulls in the entities, whose decorators need
 * the type metadata tsc emits and tsx does not.
 */
const nationalId = (n: number, letter: string): string =>
  withCheckDigit(letter, n % 2 === 0 ? 2 : 1, String(1000000 + (n % 9000000)).slice(-7));
const courseCode = (n: number): string => `${String(n).padStart(16, '0')}101${String((n % 9) + 1).padStart(2, '0')}01`;

export type Row = (string | number | Date | null)[];
const ENROLMENT_HEADER = ['學號', '課程代碼', '班別', '修課類別'];
const KIND_CHANGE_EVERY = 4;

export async function xlsx(header: string[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工作表1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Files {
  students: Buffer;
  courses: Buffer;
  enrolments: Buffer;
  /** The same enrolments with every fourth one's 修課類別 changed to 重修. */
  kindsChanged: Buffer;
  counts: { students: number; classes: number; courses: number; sections: number; enrolments: number };
}

/** 75 classes of 40 (101–125, 201–225, 301–325); 13 required courses, a section per class; an elective per grade. */
async function generateFiles(today: Date): Promise<Files> {
  const year = academicYearOf(today);
  const studentRows: Row[] = [];
  const courseRows: Row[] = [];
  const enrolmentRows: Row[] = [];
  let courseNumber = COURSE_BASE;
  let serial = 0;
  for (let grade = 1; grade <= 3; grade += 1) {
    const cohort = year - (grade - 1);
    const codes = SUBJECTS.map(() => courseCode((courseNumber += 1)));
    const electiveCode = courseCode((courseNumber += 1));
    for (const [subject, [name, credits]] of SUBJECTS.entries()) {
      for (let room = 1; room <= CLASSES_PER_GRADE; room += 1) {
        const className = `${grade}${String(room).padStart(2, '0')}`;
        const teacher = TEACHERS[(subject + room) % TEACHERS.length]!;
        courseRows.push([codes[subject]!, name, grade + 9, credits, className, teacher]);
      }
    }
    const electiveStudents: string[] = [];
    for (let room = 1; room <= CLASSES_PER_GRADE; room += 1) {
      const className = `${grade}${String(room).padStart(2, '0')}`;
      for (let seat = 1; seat <= STUDENTS_PER_CLASS; seat += 1) {
        serial += 1;
        const person = PERSON_BASE + serial;
        const number = `${cohort}${String(serial).padStart(4, '0')}`;
        const female = person % 2 === 0;
        studentRows.push([
          number,
          nationalId(person, 'B'),
          `${SURNAMES[serial % SURNAMES.length]}${GIVEN_NAMES[(serial * 7) % GIVEN_NAMES.length]}`,
          new Date(Date.UTC(cohort + 1911 - 15, serial % 12, (serial % 27) + 1)),
          female ? '女' : '男',
          className,
          seat,
          cohort,
          '在學',
        ]);
        for (const code of codes) enrolmentRows.push([number, code, className, '一般']);
        if (serial % 3 === 0) electiveStudents.push(number);
      }
    }
    const electiveSections = Math.ceil(electiveStudents.length / ELECTIVE_SECTION_SIZE);
    for (let section = 1; section <= electiveSections; section += 1) {
      courseRows.push([electiveCode, '多元選修', grade + 9, 2, `多元${String(section).padStart(2, '0')}`, null]);
    }
    for (const [index, number] of electiveStudents.entries()) {
      const section = Math.floor(index / ELECTIVE_SECTION_SIZE) + 1;
      enrolmentRows.push([number, electiveCode, `多元${String(section).padStart(2, '0')}`, null]);
    }
  }
  return {
    students: await xlsx(
      ['學號', '身分證號', '姓名', '出生日期', '性別', '班級', '座號', '入學年度', '學籍狀態'],
      studentRows,
    ),
    courses: await xlsx(['課程代碼', '科目名稱', '開課年級', '學分', '班別', '任課教師'], courseRows),
    enrolments: await xlsx(ENROLMENT_HEADER, enrolmentRows),
    kindsChanged: await xlsx(
      ENROLMENT_HEADER,
      enrolmentRows.map((row, index) => (index % KIND_CHANGE_EVERY === 0 ? [...row.slice(0, 3), '重修'] : row)),
    ),
    counts: {
      students: studentRows.length,
      classes: 3 * CLASSES_PER_GRADE,
      courses: courseNumber - COURSE_BASE,
      sections: courseRows.length,
      enrolments: enrolmentRows.length,
    },
  };
}

/** The server's memory from /proc: VmRSS now, and VmHWM, the peak since start or since the last reset. */
export async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
}

/** Resets VmHWM to the current RSS (Linux: `echo 5 > /proc/PID/clear_refs`); false where that is not allowed. */
export async function resetPeak(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));

interface Measured<T> {
  value: T;
  seconds: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  peakRssMiB: number;
}

/** Client-observed wall time of one phase, with the server's memory before, after and at its peak. */
async function measure<T>(pid: number, hwm: boolean, run: () => Promise<T>): Promise<Measured<T>> {
  if (hwm) await resetPeak(pid);
  const before = await memory(pid);
  let sampledPeak = before.rss;
  const sampler = hwm
    ? null
    : setInterval(() => {
        memory(pid).then(
          ({ rss }) => (sampledPeak = Math.max(sampledPeak, rss)),
          () => undefined,
        );
      }, 100);
  const started = performance.now();
  try {
    const value = await run();
    const seconds = (performance.now() - started) / 1000;
    const after = await memory(pid);
    return {
      value,
      seconds: Number(seconds.toFixed(2)),
      rssBeforeMiB: mib(before.rss),
      rssAfterMiB: mib(after.rss),
      peakRssMiB: mib(hwm ? after.peak : Math.max(sampledPeak, after.rss)),
    };
  } finally {
    if (sampler) clearInterval(sampler);
  }
}

const REQUEST_UPLOAD = `mutation ($input: RequestUploadInput!) {
  requestUpload(input: $input) { upload { id } uploadUrl userErrors { code message } }
}`;
const RUN_FIELDS = `id status rowCount problemCount toCreate toUpdate unchanged
  problems(limit: 10) { rowNumber column code message }`;
const PREVIEW = `mutation ($input: PreviewImportInput!) {
  previewImport(input: $input) { importRun { ${RUN_FIELDS} } userErrors { code message } }
}`;
const COMMIT = `mutation ($input: CommitImportInput!) {
  commitImport(input: $input) { importRun { ${RUN_FIELDS} } userErrors { code message } }
}`;

interface Run {
  id: string;
  status: string;
  rowCount: number;
  problemCount: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  problems: { rowNumber: number; column: string | null; code: string; message: string }[];
}
type UserErrors = { code: string; message: string }[];

/** requestUpload, then the bytes with a PUT: the id of the stored upload. */
export async function upload(server: ServerProcess, token: string, fileName: string, bytes: Buffer): Promise<string> {
  const slot = await gql<{ requestUpload: { uploadUrl: string | null; userErrors: UserErrors } }>(
    `${server.url}/graphql`,
    REQUEST_UPLOAD,
    { input: { purpose: 'IMPORT', fileName, size: bytes.length } },
    token,
  );
  if (!slot.requestUpload.uploadUrl) throw new Error(`no upload slot: ${JSON.stringify(slot.requestUpload)}`);
  const response = await fetch(`${server.url}${slot.requestUpload.uploadUrl}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: new Uint8Array(bytes),
  });
  const body = (await response.json()) as { upload?: { id: string } };
  if (response.status !== 200 || !body.upload) throw new Error(`upload refused: ${JSON.stringify(body)}`);
  return body.upload.id;
}

function checked(what: string, run: Run | null, userErrors: UserErrors, status: string): Run {
  if (!run || userErrors.length > 0 || run.status !== status) {
    throw new Error(`${what}: ${JSON.stringify({ userErrors, run }, null, 2)}`);
  }
  return run;
}

export async function preview(server: ServerProcess, token: string, kind: string, uploadId: string): Promise<Run> {
  const { previewImport } = await gql<{ previewImport: { importRun: Run | null; userErrors: UserErrors } }>(
    `${server.url}/graphql`,
    PREVIEW,
    { input: { kind, uploadId } },
    token,
  );
  return checked(`dry run of ${kind}`, previewImport.importRun, previewImport.userErrors, 'PREVIEWED');
}

export async function commit(server: ServerProcess, token: string, run: Run): Promise<Run> {
  const { commitImport } = await gql<{ commitImport: { importRun: Run | null; userErrors: UserErrors } }>(
    `${server.url}/graphql`,
    COMMIT,
    { input: { importId: run.id } },
    token,
  );
  return checked('commit', commitImport.importRun, commitImport.userErrors, 'COMMITTED');
}

export function expectCounts(
  what: string,
  run: Run,
  expected: Partial<Pick<Run, 'toCreate' | 'toUpdate' | 'unchanged'>>,
) {
  for (const [key, value] of Object.entries(expected)) {
    const actual = run[key as keyof typeof expected];
    if (actual !== value) throw new Error(`${what}: ${key} is ${actual}, expected ${value}`);
  }
}

/**
 * The import of a whole school's term from XLSX, as staff do it in the browser: 3,000 students in 75 classes
 * (註冊組), then 1,011 course sections, then 40,000 enrolments (教學組); for each file the upload, the dry run and
 * the commit; the enrolment file once more (dry run and commit of an import that changes nothing); and a copy of it
 * with 修課類別 changed on every fourth row (10,000 updates).
 */
export async function importBenchmark(server: ServerProcess): Promise<ImportBenchmark> {
  const graphql = `${server.url}/graphql`;
  const registration = await login(graphql, 'sf.registration', 'demo1234');
  const teaching = await login(graphql, 'sf.teaching', 'demo1234');

  const generateStarted = performance.now();
  const files = await generateFiles(new Date());
  const generateSeconds = Number(((performance.now() - generateStarted) / 1000).toFixed(2));
  const hwm = await resetPeak(server.pid);
  const atStart = await memory(server.pid);
  const phases: ImportFileResult[] = [];

  const importFile = async (
    label: string,
    kind: string,
    token: string,
    bytes: Buffer,
    rows: number,
    expected: { toCreate: number; toUpdate: number; unchanged: number },
    uploadId?: string,
  ): Promise<string> => {
    const row = (phase: ImportFileResult['phase'], measured: Measured<unknown>, run: Run | null) =>
      phases.push({
        file: label,
        rows,
        sizeKiB: Math.round(bytes.length / 1024),
        phase,
        seconds: measured.seconds,
        toCreate: run?.toCreate ?? null,
        toUpdate: run?.toUpdate ?? null,
        unchanged: run?.unchanged ?? null,
        rssBeforeMiB: measured.rssBeforeMiB,
        rssAfterMiB: measured.rssAfterMiB,
        peakRssMiB: measured.peakRssMiB,
      });
    let id = uploadId;
    if (!id) {
      const uploaded = await measure(server.pid, hwm, () =>
        upload(server, token, `${label.replace(/\W+/g, '-')}.xlsx`, bytes),
      );
      row('upload', uploaded, null);
      id = uploaded.value;
    }
    const dryRun = await measure(server.pid, hwm, () => preview(server, token, kind, id));
    expectCounts(`dry run of ${label}`, dryRun.value, expected);
    row('dry run', dryRun, dryRun.value);
    const committed = await measure(server.pid, hwm, () => commit(server, token, dryRun.value));
    expectCounts(`commit of ${label}`, committed.value, expected);
    row('commit', committed, committed.value);
    return id;
  };

  const { counts } = files;
  await importFile('students', 'STUDENTS', registration, files.students, counts.students, {
    toCreate: counts.students,
    toUpdate: 0,
    unchanged: 0,
  });
  await importFile('courses', 'COURSES', teaching, files.courses, counts.sections, {
    toCreate: counts.sections,
    toUpdate: 0,
    unchanged: 0,
  });
  const enrolmentUpload = await importFile('enrolments', 'ENROLMENTS', teaching, files.enrolments, counts.enrolments, {
    toCreate: counts.enrolments,
    toUpdate: 0,
    unchanged: 0,
  });
  await importFile(
    'enrolments again',
    'ENROLMENTS',
    teaching,
    files.enrolments,
    counts.enrolments,
    { toCreate: 0, toUpdate: 0, unchanged: counts.enrolments },
    enrolmentUpload,
  );

  const kindChanges = Math.ceil(counts.enrolments / KIND_CHANGE_EVERY);
  const kindsUpload = await importFile(
    'enrolments, kinds changed',
    'ENROLMENTS',
    teaching,
    files.kindsChanged,
    counts.enrolments,
    { toCreate: 0, toUpdate: kindChanges, unchanged: counts.enrolments - kindChanges },
  );
  // Not timed: the database now holds every row of that file as it is.
  expectCounts('enrolments after the kind changes', await preview(server, teaching, 'ENROLMENTS', kindsUpload), {
    toCreate: 0,
    toUpdate: 0,
    unchanged: counts.enrolments,
  });

  return {
    ...counts,
    generateSeconds,
    peakSource: hwm ? 'VmHWM' : 'VmRSS sampled',
    serverRssAtStartMiB: mib(atStart.rss),
    serverPeakRssMiB: Math.max(...phases.map((phase) => phase.peakRssMiB)),
    phases,
  };
}

import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withCheckDigit } from '../../api/src/common/national-id.js';
import { academicYearOf, semesterOf } from '../../api/src/common/roc.js';
import { gql, login } from './graphql-http.js';
import {
  commit,
  expectCounts,
  memory,
  preview,
  resetPeak,
  type Row,
  upload as uploadImportFile,
  xlsx,
} from './import.bench.js';
import type { ServerProcess } from './server-process.js';

export interface RushOptions {
  students: number;
  /** Students in flight at once; all of them by default. */
  concurrency: number;
  fileMiB: number;
  /** Told as the rush starts and ends (a profiler or heap snapshot of the server can be taken around it). */
  onRush?: (moment: 'start' | 'end') => Promise<void> | void;
}

export interface StepResult {
  step: string;
  count: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface RushResult {
  students: number;
  concurrency: number;
  fileMiB: number;
  fileBytes: number;
  setupSeconds: number;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  /** login → my courses → requestUpload → PUT → uploadCourseOutcome, for every student at once. */
  rush: {
    seconds: number;
    uploaded: number;
    uploadsPerSecond: number;
    mibPerSecond: number;
    steps: StepResult[];
  };
  /** Not part of the rush: one teacher certifies every outcome, up to 200 per call. */
  certify: { calls: number; outcomes: number; seconds: number; p50Ms: number; maxMs: number; errors: number };
  /** Every student selects their certified outcome, all at once. */
  select: { seconds: number; selected: number; perSecond: number; steps: StepResult[] };
  errors: { count: number; byStep: Record<string, number>; first: string[] };
  /** What the server holds afterwards: rows, sizes and hashes from the database, files on disk. */
  stored: {
    outcomes: number;
    certified: number;
    selected: number;
    uploadsOfFileSize: number;
    distinctHashes: number;
    /** Files in the store of exactly the rush's file size. */
    filesOnDisk: number;
    tempFilesLeft: number;
  };
  /** The server process only (PostgreSQL's processes are not counted). */
  rss: {
    /** Right after the server started, before the setup imports. */
    serverStartMiB: number;
    /** After setup, just before the rush. */
    rushStartMiB: number;
    /** Highest VmRSS sampled every 100 ms during the rush. */
    rushPeakSampledMiB: number;
    /** Highest VmRSS sampled while some student had not yet signed in (the argon2 part of the rush). */
    loginsPeakSampledMiB: number;
    /** The goal's figure: the rush's peak (VmHWM where readable, else sampled) less rushStartMiB. */
    rushGrowthMiB: number;
    /** VmHWM, reset just before the rush (null where /proc/PID/clear_refs may not be written). */
    rushPeakHwmMiB: number | null;
    rushEndMiB: number;
    selectPeakSampledMiB: number;
    endMiB: number;
    /** File bytes sent to the server during the rush. */
    rushBytesSentMiB: number;
  };
}

const STUDENTS_PER_CLASS = 40;
/** 學號, national-ID serials and course numbers away from the demo's. */
const NUMBER_BASE = 50_000;
const PERSON_BASE = 300_000;
const COURSE_BASE = 5_000;
const TEACHER = 'sf.teacher';
const PASSWORD = 'demo1234';
/** A demo student whose password hash every rush student's login reuses (argon2id once, not 500 times). */
const HASH_DONOR = 'sf.s101001';
const HEAD_BYTES = 64;
const FIRST_ERRORS = 10;
const CERTIFY_BATCH = 200;
const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪'];
const GIVEN_NAMES = ['怡君', '志明', '雅婷', '家豪', '詩涵', '冠宇', '宜蓁', '承恩', '品妍', '柏翰', '子晴', '宥廷'];

const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Latencies and failures of one step across all students. */
class Steps {
  private readonly latencies = new Map<string, number[]>();
  private readonly failures = new Map<string, number>();
  readonly firstErrors: string[] = [];

  async time<T>(step: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const value = await run();
      this.record(step, performance.now() - started);
      return value;
    } catch (error) {
      this.record(step, performance.now() - started);
      this.failures.set(step, (this.failures.get(step) ?? 0) + 1);
      if (this.firstErrors.length < FIRST_ERRORS) {
        this.firstErrors.push(`${step}: ${String(error instanceof Error ? error.message : error).slice(0, 300)}`);
      }
      throw error;
    }
  }

  record(step: string, ms: number): void {
    const list = this.latencies.get(step) ?? [];
    list.push(ms);
    this.latencies.set(step, list);
  }

  errorsByStep(): Record<string, number> {
    return Object.fromEntries(this.failures);
  }

  results(): StepResult[] {
    return [...this.latencies].map(([step, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        step,
        count: sorted.length,
        errors: this.failures.get(step) ?? 0,
        p50Ms: round(percentile(sorted, 50)),
        p99Ms: round(percentile(sorted, 99)),
        maxMs: round(sorted.at(-1) ?? 0),
      };
    });
  }
}

/** Runs work for every item with at most `concurrency` in flight. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next]!;
        next += 1;
        await work(item).catch(() => undefined);
      }
    }),
  );
}

/**
 * VmRSS every 100 ms: the highest value seen since the sampler started, and the highest while `marked()` held (one
 * phase of the rush).
 */
function rssSampler(
  pid: number,
  marked: () => boolean = () => false,
): { peak(): number; markedPeak(): number; stop(): void } {
  let peak = 0;
  let markedPeak = 0;
  const timer = setInterval(() => {
    const inPhase = marked();
    memory(pid).then(
      ({ rss }) => {
        peak = Math.max(peak, rss);
        if (inPhase) markedPeak = Math.max(markedPeak, rss);
      },
      () => undefined,
    );
  }, 100);
  return { peak: () => peak, markedPeak: () => markedPeak, stop: () => clearInterval(timer) };
}

interface RushStudent {
  index: number;
  studentNumber: string;
  username: string;
  token?: string;
  outcomeId?: string;
}

const UserErrorFields = 'userErrors { code message }';
type UserErrors = { code: string; message: string }[];

function noUserErrors(what: string, userErrors: UserErrors): void {
  if (userErrors.length > 0) throw new Error(`${what}: ${JSON.stringify(userErrors)}`);
}

/**
 * The school's term for the rush, through the API as staff do it: a roster of `students` in classes of 40 (111, 112,
 * …), one 專題實作 section per class taught by sf.teacher, and every student enrolled in their class's section.
 */
async function importRoster(server: ServerProcess, students: number, today: Date): Promise<RushStudent[]> {
  const graphql = `${server.url}/graphql`;
  const registration = await login(graphql, 'sf.registration', PASSWORD);
  const teaching = await login(graphql, 'sf.teaching', PASSWORD);
  const year = academicYearOf(today);
  const classes = Math.ceil(students / STUDENTS_PER_CLASS);
  if (classes > 3 * 89) throw new Error(`at most ${3 * 89 * STUDENTS_PER_CLASS} students`);
  const classOf = (index: number) => {
    const classIndex = Math.floor(index / STUDENTS_PER_CLASS);
    const grade = 1 + Math.floor(classIndex / 89);
    return { grade, name: `${grade}${11 + (classIndex % 89)}`, seat: (index % STUDENTS_PER_CLASS) + 1 };
  };
  const studentRows: Row[] = [];
  const enrolmentRows: Row[] = [];
  const sections = new Map<string, number>();
  const roster: RushStudent[] = [];
  for (let index = 0; index < students; index += 1) {
    const { grade, name, seat } = classOf(index);
    const cohort = year - (grade - 1);
    const person = PERSON_BASE + index;
    const studentNumber = `${cohort}${NUMBER_BASE + index}`;
    studentRows.push([
      studentNumber,
      withCheckDigit('C', person % 2 === 0 ? 2 : 1, String(1000000 + (person % 9000000)).slice(-7)),
      `${SURNAMES[index % SURNAMES.length]}${GIVEN_NAMES[(index * 7) % GIVEN_NAMES.length]}`,
      new Date(Date.UTC(cohort + 1911 - 15, index % 12, (index % 27) + 1)),
      person % 2 === 0 ? '女' : '男',
      name,
      seat,
      cohort,
      '在學',
    ]);
    const code = `${String(COURSE_BASE + grade).padStart(16, '0')}101${String(((COURSE_BASE + grade) % 9) + 1).padStart(2, '0')}01`;
    sections.set(name, grade);
    enrolmentRows.push([studentNumber, code, name, '一般']);
    roster.push({ index, studentNumber, username: `sf.s${studentNumber}` });
  }
  const courseRows: Row[] = [...sections].map(([name, grade]) => [
    `${String(COURSE_BASE + grade).padStart(16, '0')}101${String(((COURSE_BASE + grade) % 9) + 1).padStart(2, '0')}01`,
    '專題實作',
    grade + 9,
    2,
    name,
    TEACHER,
  ]);
  const files: [string, string, string, Buffer, number][] = [
    [
      'STUDENTS',
      registration,
      'rush-students.xlsx',
      await xlsx(['學號', '身分證號', '姓名', '出生日期', '性別', '班級', '座號', '入學年度', '學籍狀態'], studentRows),
      studentRows.length,
    ],
    [
      'COURSES',
      teaching,
      'rush-courses.xlsx',
      await xlsx(['課程代碼', '科目名稱', '開課年級', '學分', '班別', '任課教師'], courseRows),
      courseRows.length,
    ],
    [
      'ENROLMENTS',
      teaching,
      'rush-enrolments.xlsx',
      await xlsx(['學號', '課程代碼', '班別', '修課類別'], enrolmentRows),
      enrolmentRows.length,
    ],
  ];
  for (const [kind, token, fileName, bytes, rows] of files) {
    const uploadId = await uploadImportFile(server, token, fileName, bytes);
    const expected = { toCreate: rows, toUpdate: 0, unchanged: 0 };
    const dryRun = await preview(server, token, kind, uploadId);
    expectCounts(`dry run of ${kind}`, dryRun, expected);
    expectCounts(`commit of ${kind}`, await commit(server, token, dryRun), expected);
  }
  return roster;
}

/**
 * Passwords for the imported students' logins. The roster import creates each student's login (named by the school's
 * rule) with no usable password, waiting for a first-password slip; as the database owner, in the school's tenant
 * scope, every one gets the password hash of a demo student instead (so their password is the demo one, and not one
 * somebody else set), in one transaction. Each roster entry takes the login name the import gave.
 */
async function createStudentLogins(server: ServerProcess, roster: RushStudent[]): Promise<void> {
  const client = new pg.Client({ connectionString: await server.ownerDatabaseUrl() });
  await client.connect();
  try {
    await client.query('begin');
    const donor = await client.query<{ school_id: string; password_hash: string }>(
      'select school_id, password_hash from credential where lower(username) = lower($1)',
      [HASH_DONOR],
    );
    const { school_id: schoolId, password_hash: passwordHash } = donor.rows[0]!;
    await client.query("select set_config('app.school_id', $1, true)", [schoolId]);
    const updated = await client.query<{ student_number: string; username: string }>(
      `update credential c set password_hash = $1, slip_pending = false, password_temporary = false
         from user_account u join student s on s.school_id = u.school_id and s.account_id = u.id
        where u.credential_id = c.id and s.school_id = $2 and s.student_number = any($3::text[])
       returning s.student_number, u.username`,
      [passwordHash, schoolId, roster.map((student) => student.studentNumber)],
    );
    if (updated.rowCount !== roster.length) throw new Error(`${updated.rowCount} logins for ${roster.length} students`);
    const usernames = new Map(updated.rows.map((row) => [row.student_number, row.username]));
    for (const student of roster) student.username = usernames.get(student.studentNumber)!;
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Opens the upload, certification and selection windows of the current term now, through the API: the bureau
 * publishes a template with the three windows open from an hour ago for a day, and 教學組 adopts it (adopting again
 * moves the school's existing windows).
 */
async function openWindows(server: ServerProcess, now: Date): Promise<void> {
  const graphql = `${server.url}/graphql`;
  const bureau = await login(graphql, 'bureau.admin', PASSWORD);
  const teaching = await login(graphql, 'sf.teaching', PASSWORD);
  const startsAt = new Date(now.getTime() - 3600_000).toISOString();
  const endsAt = new Date(now.getTime() + 24 * 3600_000).toISOString();
  const { publishTimelineTemplate } = await gql<{
    publishTimelineTemplate: { template: { id: string } | null; userErrors: UserErrors };
  }>(
    graphql,
    `mutation ($input: PublishTimelineTemplateInput!) {
      publishTimelineTemplate(input: $input) { template { id } ${UserErrorFields} }
    }`,
    {
      input: {
        academicYear: academicYearOf(now),
        semester: semesterOf(now),
        name: `截止前夕壓力測試 ${now.toISOString()}`,
        tasks: ['UPLOAD_COURSE_OUTCOMES', 'CERTIFY_COURSE_OUTCOMES', 'SELECT_COURSE_OUTCOMES'].map((kind) => ({
          kind,
          // Uploads and certification concern the term; the selection, the whole academic year.
          period:
            kind === 'SELECT_COURSE_OUTCOMES' ? `${academicYearOf(now)}_0` : `${academicYearOf(now)}${semesterOf(now)}`,
          startsAt,
          endsAt,
        })),
      },
    },
    bureau,
  );
  noUserErrors('publishTimelineTemplate', publishTimelineTemplate.userErrors);
  const { adoptTimelineTemplate } = await gql<{
    adoptTimelineTemplate: { tasks: { kind: string }[]; userErrors: UserErrors };
  }>(
    graphql,
    `mutation ($input: AdoptTimelineTemplateInput!) {
      adoptTimelineTemplate(input: $input) { tasks { kind } ${UserErrorFields} }
    }`,
    { input: { templateId: publishTimelineTemplate.template!.id } },
    teaching,
  );
  noUserErrors('adoptTimelineTemplate', adoptTimelineTemplate.userErrors);
}

/**
 * A connection of its own for every PUT. Node's agent does not read the server's Keep-Alive timeout (5 s): with
 * fewer students in flight than students, a worker's idle socket outlives it and the next PUT on it fails with
 * ECONNRESET, where a browser would retry. (fetch, used for GraphQL, closes idle sockets in time.)
 */
const agent = new http.Agent({ keepAlive: false });

/** The file's bytes with a PUT, as a browser sends them: Content-Length, then the body. */
function putFile(url: string, token: string, head: Buffer, tail: Buffer): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'PUT',
        agent,
        headers: {
          'content-type': 'application/pdf',
          'content-length': head.length + tail.length,
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const body = JSON.parse(text) as { upload?: { id: string } };
            if (response.statusCode === 200 && body.upload) resolve(body.upload);
            else reject(new Error(`PUT ${response.statusCode}: ${text.slice(0, 200)}`));
          } catch {
            reject(new Error(`PUT ${response.statusCode}: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    request.on('error', reject);
    request.write(head);
    request.end(tail);
  });
}

/**
 * A PDF of `bytes` bytes unique to each student (so content-addressed storage keeps every one), without holding
 * hundreds of copies in the load generator: a 64-byte head of its own, then a random tail all students share.
 */
function pdfParts(bytes: number): { head: (index: number) => Buffer; tail: Buffer } {
  const tail = randomBytes(bytes - HEAD_BYTES);
  tail.write('\n%%EOF\n', tail.length - 7, 'latin1');
  return {
    head: (index) => Buffer.from(`%PDF-1.7\n% student ${index} ${Date.now()}`.padEnd(HEAD_BYTES - 1) + '\n', 'latin1'),
    tail,
  };
}

const MY_COURSES = '{ me { student { enrolments { id section { name course { subjectName } } } } } }';
const REQUEST_UPLOAD = `mutation ($input: RequestUploadInput!) {
  requestUpload(input: $input) { uploadUrl upload { id } ${UserErrorFields} }
}`;
const UPLOAD_OUTCOME = `mutation ($input: UploadCourseOutcomeInput!) {
  uploadCourseOutcome(input: $input) { outcome { id status } ${UserErrorFields} }
}`;
const CERTIFY = `mutation ($input: CertifyCourseOutcomesInput!) {
  certifyCourseOutcomes(input: $input) { outcomes { id } ${UserErrorFields} }
}`;
const SELECT = `mutation ($input: SelectItemInput!) {
  selectItem(input: $input) { outcome { id selectedAt } summary { outcomesSelected outcomesMax } ${UserErrorFields} }
}`;

async function storedCounts(server: ServerProcess, roster: RushStudent[], fileBytes: number) {
  const client = new pg.Client({ connectionString: await server.ownerDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{
      outcomes: number;
      certified: number;
      selected: number;
      of_size: number;
      hashes: number;
    }>(
      `select count(*)::int as outcomes,
              count(*) filter (where o.status = 'CERTIFIED')::int as certified,
              count(o.selected_at)::int as selected,
              count(*) filter (where u.size = $2)::int as of_size,
              count(distinct u.sha256)::int as hashes
       from course_outcome o
       join student s on s.school_id = o.school_id and s.id = o.student_id
       join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
       join upload u on u.school_id = v.school_id and u.id = v.document_upload_id
       where s.student_number = any($1::text[])`,
      [roster.map((student) => student.studentNumber), fileBytes],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/** Stored files of exactly the rush's size (the setup's import files are not), and temporary files left behind. */
async function countFiles(dir: string, bytes: number): Promise<{ files: number; temp: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let files = 0;
  let temp = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    if (entry.name.endsWith('.part')) temp += 1;
    else if ((await stat(path.join(entry.parentPath, entry.name))).size === bytes) files += 1;
  }
  return { files, temp };
}

/**
 * The night before the deadline: `students` students of one school at once each sign in, open their courses, ask
 * for an upload slot, PUT a PDF of `fileMiB` MiB and attach it as a course learning outcome; then (not timed with
 * the rush) their teacher certifies them all, 200 per call; then every student selects theirs at once. The server's
 * memory is watched throughout: streamed uploads must not make it grow with the file size.
 */
export async function deadlineRushBenchmark(server: ServerProcess, options: RushOptions): Promise<RushResult> {
  const { students, concurrency, fileMiB } = options;
  const graphql = `${server.url}/graphql`;
  const fileBytes = Math.round(fileMiB * 2 ** 20);
  if (!(fileBytes > HEAD_BYTES && fileBytes <= 4 * 2 ** 20)) {
    throw new Error(`BENCH_FILE_MB must be more than 0 and at most 4 (the document limit), not ${fileMiB}`);
  }
  const serverStart = await memory(server.pid);

  const setupStarted = performance.now();
  const now = new Date();
  const roster = await importRoster(server, students, now);
  await createStudentLogins(server, roster);
  await openWindows(server, now);
  const teacherToken = await login(graphql, TEACHER, PASSWORD);
  const { head, tail } = pdfParts(fileBytes);
  const setupSeconds = round((performance.now() - setupStarted) / 1000, 2);

  const steps = new Steps();
  const loadAverageBefore = os.loadavg().map((value) => round(value, 2));
  await options.onRush?.('start');
  const hwm = await resetPeak(server.pid);
  const rushStart = await memory(server.pid);
  let signedIn = 0;
  const sampler = rssSampler(server.pid, () => signedIn < students);
  let bytesSent = 0;
  const rushStarted = performance.now();
  await pool(roster, concurrency, async (student) => {
    const started = performance.now();
    const token = await steps
      .time('login', () => login(graphql, student.username, PASSWORD))
      .finally(() => (signedIn += 1));
    student.token = token;
    const enrolmentId = await steps.time('my courses', async () => {
      const { me } = await gql<{ me: { student: { enrolments: { id: string }[] } | null } }>(
        graphql,
        MY_COURSES,
        {},
        token,
      );
      const id = me.student?.enrolments[0]?.id;
      if (!id) throw new Error(`no enrolment for ${student.username}`);
      return id;
    });
    const slot = await steps.time('requestUpload', async () => {
      const { requestUpload } = await gql<{
        requestUpload: { uploadUrl: string | null; upload: { id: string } | null; userErrors: UserErrors };
      }>(
        graphql,
        REQUEST_UPLOAD,
        { input: { purpose: 'DOCUMENT', fileName: `課程學習成果-${student.studentNumber}.pdf`, size: fileBytes } },
        token,
      );
      noUserErrors('requestUpload', requestUpload.userErrors);
      return requestUpload;
    });
    const stored = await steps.time('PUT file', () => {
      bytesSent += fileBytes;
      return putFile(`${server.url}${slot.uploadUrl}`, token, head(student.index), tail);
    });
    const outcome = await steps.time('uploadCourseOutcome', async () => {
      const { uploadCourseOutcome } = await gql<{
        uploadCourseOutcome: { outcome: { id: string; status: string } | null; userErrors: UserErrors };
      }>(
        graphql,
        UPLOAD_OUTCOME,
        {
          input: {
            enrolmentId,
            kind: 'PROJECT',
            description: `專題實作成果報告（${student.studentNumber}）`,
            documentUploadId: stored.id,
          },
        },
        token,
      );
      noUserErrors('uploadCourseOutcome', uploadCourseOutcome.userErrors);
      return uploadCourseOutcome.outcome!;
    });
    student.outcomeId = outcome.id;
    steps.record('whole student', performance.now() - started);
  });
  const rushSeconds = (performance.now() - rushStarted) / 1000;
  sampler.stop();
  await options.onRush?.('end');
  const rushEnd = await memory(server.pid);
  const loadAverageAfter = os.loadavg().map((value) => round(value, 2));
  const uploaded = roster.filter((student) => student.outcomeId).length;

  // The teacher's bulk certification: not part of the rush.
  const outcomeIds = roster.flatMap((student) => (student.outcomeId ? [student.outcomeId] : []));
  const certifyLatencies: number[] = [];
  let certifyErrors = 0;
  let certified = 0;
  const certifyStarted = performance.now();
  for (let offset = 0; offset < outcomeIds.length; offset += CERTIFY_BATCH) {
    const batch = outcomeIds.slice(offset, offset + CERTIFY_BATCH);
    const started = performance.now();
    try {
      const { certifyCourseOutcomes } = await gql<{
        certifyCourseOutcomes: { outcomes: { id: string }[]; userErrors: UserErrors };
      }>(graphql, CERTIFY, { input: { outcomeIds: batch } }, teacherToken);
      noUserErrors('certifyCourseOutcomes', certifyCourseOutcomes.userErrors);
      certified += certifyCourseOutcomes.outcomes.length;
    } catch (error) {
      certifyErrors += 1;
      if (steps.firstErrors.length < FIRST_ERRORS) steps.firstErrors.push(`certify: ${String(error).slice(0, 300)}`);
    }
    certifyLatencies.push(performance.now() - started);
  }
  const certifySeconds = (performance.now() - certifyStarted) / 1000;

  // Every student selects their certified outcome at once.
  const selectSteps = new Steps();
  const selectSampler = rssSampler(server.pid);
  let selected = 0;
  const selectStarted = performance.now();
  await pool(
    roster.filter((student) => student.outcomeId && student.token),
    concurrency,
    async (student) => {
      await selectSteps.time('selectItem', async () => {
        const { selectItem } = await gql<{
          selectItem: {
            outcome: { selectedAt: string | null } | null;
            summary: { outcomesSelected: number } | null;
            userErrors: UserErrors;
          };
        }>(graphql, SELECT, { input: { itemId: student.outcomeId, selected: true } }, student.token);
        noUserErrors('selectItem', selectItem.userErrors);
        if (!selectItem.outcome?.selectedAt || selectItem.summary?.outcomesSelected !== 1) {
          throw new Error(`selectItem: unexpected answer ${JSON.stringify(selectItem)}`);
        }
        selected += 1;
      });
    },
  );
  const selectSeconds = (performance.now() - selectStarted) / 1000;
  selectSampler.stop();
  const end = await memory(server.pid);

  const counts = await storedCounts(server, roster, fileBytes);
  const files = await countFiles(path.join(server.dataDir, 'files'), fileBytes);
  const byStep = { ...steps.errorsByStep(), ...selectSteps.errorsByStep() };
  if (certifyErrors > 0) byStep.certify = certifyErrors;
  const sortedCertify = [...certifyLatencies].sort((a, b) => a - b);
  return {
    students,
    concurrency,
    fileMiB,
    fileBytes,
    setupSeconds,
    loadAverageBefore,
    loadAverageAfter,
    rush: {
      seconds: round(rushSeconds, 2),
      uploaded,
      uploadsPerSecond: round(uploaded / rushSeconds),
      mibPerSecond: round((uploaded * fileBytes) / 2 ** 20 / rushSeconds),
      steps: steps.results(),
    },
    certify: {
      calls: certifyLatencies.length,
      outcomes: certified,
      seconds: round(certifySeconds, 2),
      p50Ms: round(percentile(sortedCertify, 50)),
      maxMs: round(sortedCertify.at(-1) ?? 0),
      errors: certifyErrors,
    },
    select: {
      seconds: round(selectSeconds, 2),
      selected,
      perSecond: round(selected / selectSeconds),
      steps: selectSteps.results(),
    },
    errors: {
      count: Object.values(byStep).reduce((sum, n) => sum + n, 0),
      byStep,
      first: [...steps.firstErrors, ...selectSteps.firstErrors].slice(0, FIRST_ERRORS),
    },
    stored: {
      outcomes: counts.outcomes,
      certified: counts.certified,
      selected: counts.selected,
      uploadsOfFileSize: counts.of_size,
      distinctHashes: counts.hashes,
      filesOnDisk: files.files,
      tempFilesLeft: files.temp,
    },
    rss: {
      serverStartMiB: mib(serverStart.rss),
      rushStartMiB: mib(rushStart.rss),
      rushPeakSampledMiB: mib(Math.max(sampler.peak(), rushEnd.rss)),
      loginsPeakSampledMiB: mib(sampler.markedPeak()),
      rushGrowthMiB: mib((hwm ? rushEnd.peak : Math.max(sampler.peak(), rushEnd.rss)) - rushStart.rss),
      rushPeakHwmMiB: hwm ? mib(rushEnd.peak) : null,
      rushEndMiB: mib(rushEnd.rss),
      selectPeakSampledMiB: mib(Math.max(selectSampler.peak(), end.rss)),
      endMiB: mib(end.rss),
      rushBytesSentMiB: mib(bytesSent),
    },
  };
}

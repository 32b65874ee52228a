import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PiiCipher } from '../common/pii-crypto.js';
import { defaultTermDates } from '../common/roc.js';
import { fictionalCourseCode, fictionalName, fictionalNationalId } from '../db/seed/builders.js';
import { hashPassword } from '../modules/people/password.js';
import type { FileStorage } from '../modules/files/file-storage.js';
import { keepBytes } from '../modules/files/generated-upload.js';
import { type ActivityWindow, activityWindow, dayNumber, drawMoment, taipeiTimestamp, windowCloses, windowOpens } from '../db/seed/activity-dates.js'; // prettier-ignore

/** The bureau's table of 112/08/25 (../shared/data/taipei-cohort-stats-112-08-25.csv): what scale 1 must reproduce. */
export const CITY_TARGETS = [
  { cohort: 108, schools: 78, students: 27468, uploaders: 26381, outcomes: 420978, certified: 207706, performances: 715475, counseling: 2229730 },
  { cohort: 109, schools: 79, students: 22690, uploaders: 20104, outcomes: 304031, certified: 160795, performances: 244997, counseling: 137061 },
  { cohort: 110, schools: 75, students: 24811, uploaders: 20883, outcomes: 194712, certified: 117247, performances: 114552, counseling: 105032 },
  { cohort: 111, schools: 75, students: 28543, uploaders: 20335, outcomes: 99219, certified: 97425, performances: 38949, counseling: 57207 },
] as const; // prettier-ignore
export const CITY_DIVISIONS = 79;
/** The table's date: cohorts 108 and 109 have graduated, 110 and 111 are in grades 12 and 11 of year 112. */
const AS_OF_YEAR = 112;
const COURSES_PER_TERM = 20;
const TEACHERS_PER_SCHOOL = 5;
const CLASS_SIZE = 35;
const SUBJECTS = ['國語文', '英語文', '數學', '歷史', '地理', '公民與社會', '物理', '化學', '生物', '地球科學',
  '音樂', '美術', '藝術生活', '生命教育', '生涯規劃', '資訊科技', '生活科技', '健康與護理', '體育', '全民國防教育']; // prettier-ignore
/** The table's day: the generated activity is dated up to it; a window that opens later has no activity yet. */
const AS_OF_DATE = '2023-08-25';

/** The windows of one academic year's data at every generated school (see cityYearWindows). */
export interface CityYearWindows {
  /** Upload of each term's outcomes, first term first. */
  upload: [ActivityWindow, ActivityWindow];
  /** Certification of each term's outcomes. */
  certify: [ActivityWindow, ActivityWindow];
  /** Selection of the year's outcomes (grades 10 and 11), in the autumn after it. */
  select: ActivityWindow;
  /** 多元表現 of the year recorded (grades 10 and 11). */
  performances: ActivityWindow;
  /** The 高三 round of the year: its second term's outcomes uploaded and certified, the year's selection, 多元表現. */
  grade12: { upload: ActivityWindow; certify: ActivityWindow; select: ActivityWindow; performances: ActivityWindow };
}

/**
 * The windows the generated schools have (the generator writes them as each school's timeline_task rows), after the
 * city's plan in the training slides (demo-timelines.ts, cityPlan1121 and cityPlan1122), every one 08:00–17:00 Taipei:
 * a term's outcomes are uploaded from its 30th day to 2 days after its last (112-1: 112/08/30–113/02/02) and certified
 * in the 3 weeks after (113/02/03–02/23); a year's outcomes are selected in the autumn after it (09/11–10/20) and its
 * 多元表現 recorded through the year (08/01–07/31). The 高三 round of the year: its second term's outcomes uploaded
 * 02/01–04/12 and certified 04/01–04/16, the year's selection 04/13–04/19, its 多元表現 recorded 08/01–04/12.
 */
export function cityYearWindows(year: number): CityYearWindows {
  const ad = year + 1911;
  const termWindows = (semester: 1 | 2) => {
    const dates = defaultTermDates(year, semester);
    const uploadFrom = dayNumber(dates.startsOn) + 29;
    const uploadTo = dayNumber(dates.endsOn) + 2;
    const upload: ActivityWindow = { firstDay: uploadFrom, days: uploadTo - uploadFrom + 1, opensHour: 8, closesHour: 17 }; // prettier-ignore
    const certify: ActivityWindow = { firstDay: uploadTo + 1, days: 21, opensHour: 8, closesHour: 17 };
    return { upload, certify };
  };
  const first = termWindows(1);
  const second = termWindows(2);
  return {
    upload: [first.upload, second.upload],
    certify: [first.certify, second.certify],
    select: activityWindow(`${ad + 1}-09-11`, `${ad + 1}-10-20`),
    performances: activityWindow(`${ad}-08-01`, `${ad + 1}-07-31`),
    grade12: {
      upload: activityWindow(`${ad + 1}-02-01`, `${ad + 1}-04-12`),
      certify: activityWindow(`${ad + 1}-04-01`, `${ad + 1}-04-16`),
      select: activityWindow(`${ad + 1}-04-13`, `${ad + 1}-04-19`),
      performances: activityWindow(`${ad}-08-01`, `${ad + 1}-04-12`),
    },
  };
}

/** Stand-in evidence: every upload row points at one of these few bytes, stored once. */
const STAND_IN_PDF = Buffer.from('%PDF-1.4\n% stand-in evidence of the synthetic city\n%%EOF\n');

export interface CityDatasetOptions {
  /** Same seed, same city (ids, sizes, who uploaded what, and when). */
  seed: number;
  /** 1: the CSV exactly; smaller: a city of the same shape with every count scaled (e.g. 0.001 for tests). */
  scale: number;
  /** School codes are this two-character prefix and four digits; unique per installation. */
  codePrefix: string;
  /** Add the schools to this authority; unset: a new authority for the dataset. */
  authorityId?: string;
  /** With a new authority: its bureau login, to read the statistics through the API. */
  bureau?: { username: string; password: string };
  pii: PiiCipher;
  files: FileStorage;
  log?: (line: string) => void;
}

export interface CityDatasetResult {
  authorityId: string;
  divisions: number;
  students: number;
  outcomes: number;
  certified: number;
  performances: number;
  counselingParticipants: number;
  counselingSessions: number;
  uploads: number;
  seconds: Record<string, number>;
}

// --- determinism ---

/** mulberry32: small, fast and good enough for shaping synthetic data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ids in the order they are made (the layout of a UUIDv7: 48 bits of sequence first, then version 7 and bits from the
 * seeded generator), the sequence starting at the seed (mod 65536) times 2^32. Rows come in the order their ids were
 * made, so each school's rows land at the right end of every (school_id, id) index — a few hot pages in memory —
 * instead of on a random page of an index far bigger than shared_buffers, which made the full-scale load slower than
 * proportional.
 */
function sequentialUuid(sequence: number, random: () => number): string {
  const head = sequence.toString(16).padStart(12, '0');
  const a = (random() * 0x100000000) >>> 0;
  const b = (random() * 0x100000000) >>> 0;
  const c = (random() * 0x100000000) >>> 0;
  return (
    `${head.slice(0, 8)}-${head.slice(8, 12)}-7${HEX[(a >>> 24) & 0xff]}${HEX[(a >>> 16) & 0xff]![1]}-` +
    `${HEX[((a >>> 8) & 0x3f) | 0x80]}${HEX[a & 0xff]}-${HEX[b >>> 24]}${HEX[(b >>> 16) & 0xff]}` +
    `${HEX[(b >>> 8) & 0xff]}${HEX[b & 0xff]}${HEX[c >>> 24]}${HEX[(c >>> 16) & 0xff]}`
  );
}
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A log-normal weight: most students near the middle, a long tail of very active ones. */
function skewed(random: () => number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

/**
 * Splits total into integer parts proportional to weights (largest remainder), each at least `min` and at most its
 * cap: exact, so the parts always add up to total.
 */
export function allocate(total: number, weights: ArrayLike<number>, min = 0, caps?: ArrayLike<number>): Int32Array {
  const n = weights.length;
  const parts = new Int32Array(n).fill(min);
  let left = total - min * n;
  if (left < 0) throw new Error(`cannot give ${n} parts at least ${min} out of ${total}`);
  const open = new Uint8Array(n).fill(1);
  while (left > 0) {
    let weightSum = 0;
    for (let i = 0; i < n; i += 1) if (open[i]) weightSum += weights[i]!;
    if (weightSum <= 0) throw new Error(`cannot place ${left} more within the caps`);
    const shares: { i: number; rest: number }[] = [];
    let placed = 0;
    for (let i = 0; i < n; i += 1) {
      if (!open[i]) continue;
      const exact = (left * weights[i]!) / weightSum;
      const room = caps ? caps[i]! - parts[i]! : Infinity;
      const whole = Math.min(Math.floor(exact), room);
      parts[i]! += whole;
      placed += whole;
      if (caps && parts[i]! >= caps[i]!) open[i] = 0;
      else shares.push({ i, rest: exact - whole });
    }
    let remaining = left - placed;
    shares.sort((a, b) => b.rest - a.rest || a.i - b.i);
    for (const share of shares) {
      if (remaining === 0) break;
      if (caps && parts[share.i]! >= caps[share.i]!) continue;
      parts[share.i]! += 1;
      remaining -= 1;
      if (caps && parts[share.i]! >= caps[share.i]!) open[share.i] = 0;
    }
    left = remaining;
  }
  return parts;
}

/** The indices of the `count` highest scores. */
function topIndices(scores: Float64Array, count: number): Uint8Array {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const chosen = new Uint8Array(scores.length);
  for (let k = 0; k < count; k += 1) chosen[order[k]!] = 1;
  return chosen;
}

// --- loading ---

const NULL = '\\N';

/** Streams rows into a table with COPY (text format); values never contain tabs, newlines or backslashes. */
async function copy(client: pg.Client, table: string, columns: string[], rows: Iterable<string | (string | number)[]>) {
  function* lines(): Generator<string> {
    let batch: string[] = [];
    for (const row of rows) {
      batch.push(typeof row === 'string' ? row : row.join('\t'));
      if (batch.length === 5000) {
        yield `${batch.join('\n')}\n`;
        batch = [];
      }
    }
    if (batch.length > 0) yield `${batch.join('\n')}\n`;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/** A row as a line of COPY text: made at once, so the generator holds strings, not millions of small arrays. */
const tsv = (row: (string | number)[]): string => row.join('\t');

/**
 * COPYs in the background, in order, while the generator makes the next rows: PostgreSQL stores one batch while Node
 * builds the next (two cores, both busy, instead of each waiting for the other). At most MAX_QUEUED COPYs wait, so
 * memory stays bounded; the generator calls breathe() as it goes so the queued data reaches the socket.
 */
class BackgroundCopies {
  private static readonly MAX_QUEUED = 6;
  private queue: Promise<void>[] = [];
  private aborted = false;
  private ticks = 0;

  constructor(private readonly client: pg.Client) {}

  async send(table: string, columns: string[], lines: string[]): Promise<void> {
    if (lines.length === 0) return;
    const previous = this.queue.at(-1) ?? Promise.resolve();
    const done = previous.then(() => {
      if (this.aborted) throw new Error('load aborted');
      return copy(this.client, table, columns, lines);
    });
    done.catch(() => {}); // awaited below or in drain(); a failure also stops every later COPY
    this.queue.push(done);
    while (this.queue.length > BackgroundCopies.MAX_QUEUED) await this.queue.shift();
  }

  /** Lets the event loop run now and then, so queued COPY data flows while rows are being made. */
  async breathe(): Promise<void> {
    this.ticks += 1;
    if (this.ticks % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  async drain(): Promise<void> {
    for (const done of this.queue.splice(0)) await done;
  }

  /** After a failure: nothing more is sent, and what is under way ends before the transaction is rolled back. */
  async abort(): Promise<void> {
    this.aborted = true;
    await Promise.allSettled(this.queue.splice(0));
  }
}

/** Whether this connection may switch triggers off with session_replication_role (a superuser may). */
async function mayUseReplicaMode(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ allowed: boolean }>(
    `select rolsuper or has_parameter_privilege('session_replication_role', 'SET') as allowed
     from pg_roles where rolname = current_user`,
  );
  return rows[0]?.allowed === true;
}

interface Division {
  id: string;
  code: string;
  division: 'DAY' | 'NIGHT';
  weight: number;
  uploadPropensity: number;
  certifyPropensity: number;
  years: Map<number, string>;
  terms: Map<string, string>;
  registrationId: string;
  teacherIds: string[];
  counselorId: string;
}

const termKeyOf = (year: number, semester: number) => `${year}${semester}`;

/** The statistics triggers of the tables the generator loads in bulk (see the Statistics migration). */
const COUNTED_TABLES = ['student', 'course_outcome', 'diverse_performance', 'counseling_participant'];

/**
 * Generates a synthetic city into the database as its owner, with COPY, in one transaction (its commit not waited
 * for on disk: synchronous_commit off). Where the time went (1,054–1,741 s at scale 1): the row triggers every bulk
 * row fired — 2 to 6 foreign-key checks (each an index probe into a parent of millions of rows) and the final-lock
 * guard on courses, enrolments, outcomes, versions and performances; random ids, so every index insert hit a random
 * page of indexes far bigger than shared_buffers; and Node and PostgreSQL taking turns, each idle while the other
 * worked.
 *
 * So: the bulk tables (courses and everything that hangs off them: uploads, enrolments, outcomes and versions,
 * performances, counseling) are loaded in replica mode (session_replication_role, which an owner that is a superuser
 * may set, as a restore does): no trigger fires for them — no foreign-key check, no counter, no guard. Their rows are
 * consistent by construction (every id they point at was generated and loaded earlier in this transaction; the test
 * loads a small city and checks every foreign key and every counter against a recount), and no term of a new school
 * is finally locked. The directory and the students are loaded with their triggers (one writes the students' status
 * history). The counters of the new schools (student_stats, student_term_stats, the cohort shards) are then computed
 * set-based by stats_rebuild_schools(), as the triggers would have left them; other schools' counters are not
 * touched, and no table is locked for the load beyond what the rebuild's SHARE locks hold for its few seconds. Ids are
 * made in order (sequentialUuid), so index inserts go to the right end of each school's range. Rows become COPY text
 * as they are made, and the COPYs run in the background (BackgroundCopies) while the next batch is generated.
 *
 * An owner that is not a superuser cannot set replica mode: the load then keeps every trigger but the statistics
 * insert triggers (ALTER TABLE … DISABLE TRIGGER, which locks those four tables until the commit) and is slower.
 */
export async function generateCityDataset(client: pg.Client, options: CityDatasetOptions): Promise<CityDatasetResult> {
  const { scale, pii } = options;
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], not ${scale}`);
  if (!/^[0-9A-Z]{2}$/.test(options.codePrefix)) throw new Error('codePrefix must be two of 0-9 A-Z');
  const log = options.log ?? (() => {});
  const seconds: Record<string, number> = {};
  let phaseStart = Date.now();
  const phase = (name: string) => {
    seconds[name] = (Date.now() - phaseStart) / 1000;
    log(`${name}: ${seconds[name]} s`);
    phaseStart = Date.now();
  };
  const random = prng(options.seed);
  const ids = prng(options.seed ^ 0x5eed);
  let sequence = (options.seed & 0xffff) * 2 ** 32;
  const newId = () => sequentialUuid((sequence += 1), ids);

  // The shape: divisions, and which cohorts each has (at scale 1: 78, 79, 75 and 75 as in the CSV).
  const divisionCount = scale === 1 ? CITY_DIVISIONS : Math.max(4, Math.round(CITY_DIVISIONS * Math.sqrt(scale)));
  const nightCount = Math.round((divisionCount * 13) / CITY_DIVISIONS);
  const closedCount = Math.min(Math.max(1, Math.round((4 * divisionCount) / CITY_DIVISIONS)), divisionCount - 2);
  const targets = CITY_TARGETS.map((t) => {
    const s = (value: number) => Math.round(value * scale);
    const schools =
      scale === 1
        ? t.schools
        : t.cohort === 108
          ? divisionCount - 1
          : t.cohort === 109
            ? divisionCount
            : divisionCount - closedCount;
    const students = Math.max(s(t.students), schools);
    const uploaders = Math.min(Math.max(s(t.uploaders), 1), students);
    const outcomes = Math.max(s(t.outcomes), uploaders);
    return { cohort: t.cohort, schools, students, uploaders, outcomes, certified: Math.min(s(t.certified), outcomes),
      performances: s(t.performances), counseling: s(t.counseling) }; // prettier-ignore
  });
  if (scale === 1 && targets.some((t, i) => t.schools !== CITY_TARGETS[i]!.schools)) throw new Error('shape');

  // The dates of the activity: their own seeded source, so the rest of the city is drawn as before.
  const dates = prng(options.seed ^ 0xda7e5);
  const windowsOfYear = new Map<number, CityYearWindows>();
  for (let year = 108; year < AS_OF_YEAR; year += 1) windowsOfYear.set(year, cityYearWindows(year));
  const asOf = dayNumber(AS_OF_DATE) * 1440;

  const authorityId = options.authorityId ?? newId();
  const passwordHash = await hashPassword(`dataset-${options.seed}-${random()}`);
  const dayCount = divisionCount - nightCount;
  const divisions: Division[] = [];
  for (let d = 0; d < divisionCount; d += 1) {
    const night = d >= dayCount;
    const codeNumber = night ? d - dayCount : d;
    divisions.push({
      id: newId(),
      code: `${options.codePrefix}${String(codeNumber + 1).padStart(4, '0')}`,
      division: night ? 'NIGHT' : 'DAY',
      weight: skewed(random, 0.45) * (night ? 0.18 : 1),
      uploadPropensity: 0.6 + random() * 0.8,
      certifyPropensity: 0.5 + random(),
      years: new Map(),
      terms: new Map(),
      registrationId: newId(),
      teacherIds: Array.from({ length: TEACHERS_PER_SCHOOL }, () => newId()),
      counselorId: newId(),
    });
  }
  // The newest school opened in 109 (no 108 cohort); the last night divisions stopped admitting after 109.
  const hasCohort = (d: number, cohort: number) =>
    cohort === 108 ? d !== 0 : cohort === 109 ? true : d < divisionCount - closedCount;

  const copies = new BackgroundCopies(client);
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL synchronous_commit = off');
    const replicaMode = await mayUseReplicaMode(client);
    log(`replica mode for the bulk tables: ${replicaMode ? 'yes' : 'no (not a superuser: triggers stay on)'}`);
    if (!replicaMode) {
      for (const table of COUNTED_TABLES) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER stats_inserted`);
    }
    // Directory, calendar and staff.
    if (!options.authorityId) {
      await client.query('insert into authority (id, code, name) values ($1, $2, $3)', [
        authorityId,
        `DATASET-${options.codePrefix}-${options.seed}`,
        `合成城市教育局（種子 ${options.seed}）`,
      ]);
      if (options.bureau) {
        const credentialId = newId();
        const accountId = newId();
        await client.query(
          `insert into credential (id, username, password_hash, kind, authority_id, account_id)
           values ($1, $2, $3, 'BUREAU', $4, $5)`,
          [credentialId, options.bureau.username, await hashPassword(options.bureau.password), authorityId, accountId],
        );
        await client.query(
          `insert into bureau_account (authority_id, id, credential_id, username, display_name)
           values ($1, $2, $3, $4, '合成城市教育局')`,
          [authorityId, accountId, credentialId, options.bureau.username],
        );
      }
    }
    await copy(client, 'school', ['id', 'authority_id', 'code', 'name', 'division'], divisions.map((d, i) => [
      d.id, authorityId, d.code, `合成市立第${(d.division === 'NIGHT' ? i - dayCount : i) + 1}高級中學`, d.division,
    ])); // prettier-ignore
    const years: (string | number)[][] = [];
    const terms: (string | number)[][] = [];
    for (const d of divisions) {
      for (let year = 108; year <= AS_OF_YEAR; year += 1) {
        const yearId = newId();
        d.years.set(year, yearId);
        const first = defaultTermDates(year, 1);
        const second = defaultTermDates(year, 2);
        years.push([d.id, yearId, year, first.startsOn, second.endsOn]);
        for (const [semester, dates] of [
          [1, first],
          [2, second],
        ] as const) {
          const termId = newId();
          d.terms.set(termKeyOf(year, semester), termId);
          terms.push([d.id, termId, yearId, semester, dates.startsOn, dates.endsOn]);
        }
      }
    }
    await copy(client, 'academic_year', ['school_id', 'id', 'year', 'starts_on', 'ends_on'], years);
    await copy(client, 'term', ['school_id', 'id', 'academic_year_id', 'semester', 'starts_on', 'ends_on'], terms);
    // Each school's windows of the years with data (cityYearWindows), in the plan of the term that shows them.
    const windowRows: string[] = [];
    const WEEK = 7 * 1440;
    for (const d of divisions) {
      for (const [year, w] of windowsOfYear) {
        const task = (
          kind: string,
          semester: number,
          grade12: boolean,
          plan: string,
          window: ActivityWindow,
          section: string,
        ) => {
          const opens = windowOpens(window);
          const closes = windowCloses(window);
          windowRows.push(tsv([d.id, newId(), d.terms.get(plan)!, kind, NULL, taipeiTimestamp(opens), taipeiTimestamp(closes),
            taipeiTimestamp(opens - WEEK), taipeiTimestamp(closes + WEEK), `{${section}}`, '臺北市學生學習歷程檔案資料庫',
            '合成城市', year, semester, grade12 ? 't' : 'f'])); // prettier-ignore
        };
        const [first, second] = [termKeyOf(year, 2), termKeyOf(year + 1, 1)];
        task('UPLOAD_COURSE_OUTCOMES', 1, false, first, w.upload[0], 'COORDINATOR');
        task('CERTIFY_COURSE_OUTCOMES', 1, false, first, w.certify[0], 'TEACHING');
        task('UPLOAD_COURSE_OUTCOMES', 2, false, second, w.upload[1], 'COORDINATOR');
        task('CERTIFY_COURSE_OUTCOMES', 2, false, second, w.certify[1], 'TEACHING');
        task('SELECT_COURSE_OUTCOMES', 0, false, second, w.select, 'COORDINATOR');
        task('UPLOAD_PERFORMANCES', 0, false, first, w.performances, 'STUDENT_AFFAIRS');
        task('UPLOAD_COURSE_OUTCOMES', 2, true, first, w.grade12.upload, 'COORDINATOR');
        task('CERTIFY_COURSE_OUTCOMES', 2, true, first, w.grade12.certify, 'TEACHING');
        task('SELECT_COURSE_OUTCOMES', 0, true, first, w.grade12.select, 'COORDINATOR');
        task('UPLOAD_PERFORMANCES', 0, true, first, w.grade12.performances, 'STUDENT_AFFAIRS');
      }
    }
    await copy(client, 'timeline_task', ['school_id', 'id', 'term_id', 'kind', 'category', 'starts_at', 'ends_at',
      'earliest_start', 'latest_end', 'sections', 'system', 'notes', 'data_year', 'data_semester', 'grade12_round'], windowRows); // prettier-ignore
    const credentials: (string | number)[][] = [];
    const accounts: (string | number)[][] = [];
    for (const d of divisions) {
      const prefix = `${d.code.toLowerCase()}${d.division === 'NIGHT' ? 'n' : 'd'}`;
      const staff: [string, string, string, string, string][] = [
        [d.registrationId, `${prefix}.registration`, '註冊組長', '{SCHOOL_ADMIN}', '{REGISTRATION}'],
        [d.counselorId, `${prefix}.counselor`, '諮詢老師', '{TEACHER,COUNSELOR}', '{}'],
        ...d.teacherIds.map((id, k): [string, string, string, string, string] =>
          [id, `${prefix}.teacher${k + 1}`, `任課老師${k + 1}`, '{TEACHER}', '{}']), // prettier-ignore
      ];
      for (const [id, username, displayName, roles, sections] of staff) {
        const credentialId = newId();
        credentials.push([credentialId, username, passwordHash, 'SCHOOL', d.id, authorityId, id]);
        accounts.push([d.id, id, credentialId, username, displayName, roles, sections]);
      }
    }
    await copy(client, 'credential', ['id', 'username', 'password_hash', 'kind', 'school_id', 'authority_id', 'account_id'], credentials); // prettier-ignore
    await copy(client, 'user_account', ['school_id', 'id', 'credential_id', 'username', 'display_name', 'roles', 'admin_sections'], accounts); // prettier-ignore
    phase('directory');

    // Students per division and cohort, in classes.
    const studentSchool: number[] = [];
    const studentCohort: number[] = [];
    const studentIds: string[] = [];
    const studentRows: (string | number)[][] = [];
    const classRows: (string | number)[][] = [];
    for (const target of targets) {
      const members = divisions.map((_, d) => d).filter((d) => hasCohort(d, target.cohort));
      const sizes = allocate(
        target.students,
        members.map((d) => divisions[d]!.weight),
        1,
      );
      members.forEach((d, m) => {
        const division = divisions[d]!;
        const size = sizes[m]!;
        // The class of the student's last year here: grade 12 for the graduated, this year's class for the others.
        const yearOfClass = Math.min(target.cohort + 2, AS_OF_YEAR);
        const grade = yearOfClass - target.cohort + 10;
        const classCount = Math.ceil(size / CLASS_SIZE);
        const classIds: string[] = [];
        for (let k = 0; k < classCount; k += 1) {
          const classId = newId();
          classIds.push(classId);
          classRows.push([division.id, classId, division.years.get(yearOfClass)!, `${grade - 9}${String(k + 1).padStart(2, '0')}`, grade]); // prettier-ignore
        }
        for (let i = 0; i < size; i += 1) {
          const index = studentIds.length;
          const id = newId();
          const nationalId = fictionalNationalId(options.seed * 7919 + index, 'ABCDEFGHJK'[index % 10]);
          const graduated = target.cohort + 3 <= AS_OF_YEAR;
          const roll = random();
          const status = graduated ? 'GRADUATED' : roll < 0.01 ? 'TRANSFERRED' : roll < 0.02 ? 'SUSPENDED' : 'ENROLLED';
          studentIds.push(id);
          studentSchool.push(d);
          studentCohort.push(target.cohort);
          const birth = `${target.cohort + 1911 - 15}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`; // prettier-ignore
          studentRows.push([division.id, id, `${target.cohort}${String(i + 1).padStart(5, '0')}`, fictionalName(index),
            pii.encrypt(nationalId), pii.digest(nationalId), birth, target.cohort, classIds[i % classCount]!,
            Math.floor(i / classCount) + 1, status, index % 2 === 0 ? 'M' : 'F']); // prettier-ignore
        }
      });
    }
    await copy(client, 'school_class', ['school_id', 'id', 'academic_year_id', 'name', 'grade_year'], classRows);
    await copy(client, 'student', ['school_id', 'id', 'student_number', 'name', 'national_id_encrypted', 'national_id_digest',
      'birth_date', 'cohort', 'class_id', 'seat_number', 'status', 'gender'], studentRows); // prettier-ignore
    studentRows.length = 0;
    phase('students');

    // Who uploaded, how many outcomes each (skewed, capped by the courses they had), which are certified.
    const studentCount = studentIds.length;
    const outcomesOf = new Int32Array(studentCount);
    const termsOfCohort = (cohort: number): string[] => {
      const keys: string[] = [];
      for (let year = cohort; year <= Math.min(cohort + 2, AS_OF_YEAR - 1); year += 1) keys.push(termKeyOf(year, 1), termKeyOf(year, 2)); // prettier-ignore
      return keys;
    };
    const certifiedOf: Uint8Array[] = [];
    for (const target of targets) {
      const members: number[] = [];
      for (let i = 0; i < studentCount; i += 1) if (studentCohort[i] === target.cohort) members.push(i);
      const scores = new Float64Array(members.length);
      members.forEach((i, m) => (scores[m] = random() * divisions[studentSchool[i]!]!.uploadPropensity));
      const uploader = topIndices(scores, target.uploaders);
      const uploaders = members.filter((_, m) => uploader[m]);
      const cap = termsOfCohort(target.cohort).length * COURSES_PER_TERM;
      const counts = allocate(
        target.outcomes,
        uploaders.map(() => skewed(random, 0.8)),
        1,
        uploaders.map(() => cap),
      );
      uploaders.forEach((i, u) => (outcomesOf[i] = counts[u]!));
      const outcomeScores = new Float64Array(target.outcomes);
      let k = 0;
      for (const i of uploaders) {
        const propensity = divisions[studentSchool[i]!]!.certifyPropensity;
        for (let n = 0; n < outcomesOf[i]!; n += 1) outcomeScores[k++] = random() * propensity;
      }
      certifiedOf.push(topIndices(outcomeScores, target.certified));
    }
    phase('plan');

    // From here on only rows that hang off the directory and the students: no trigger needs to run for them.
    if (replicaMode) await client.query('SET LOCAL session_replication_role = replica');

    // Courses with one section each, for the (term, grade) pairs the cohorts had.
    const sectionOf = new Map<string, string>();
    const courseRows: (string | number)[][] = [];
    const sectionRows: (string | number)[][] = [];
    divisions.forEach((division, d) => {
      for (const target of targets) {
        if (!hasCohort(d, target.cohort)) continue;
        for (const key of termsOfCohort(target.cohort)) {
          const year = Number(key.slice(0, 3));
          const grade = year - target.cohort + 10;
          for (let c = 0; c < COURSES_PER_TERM; c += 1) {
            const courseId = newId();
            const sectionId = newId();
            courseRows.push([division.id, courseId, division.terms.get(key)!, fictionalCourseCode(grade * 100 + c), SUBJECTS[c]!, grade, 2]); // prettier-ignore
            sectionRows.push([division.id, sectionId, courseId, `${grade - 9}01`, division.teacherIds[c % TEACHERS_PER_SCHOOL]!]); // prettier-ignore
            sectionOf.set(`${d}:${key}:${grade}:${c}`, sectionId);
          }
        }
      }
    });
    await copy(client, 'course', ['school_id', 'id', 'term_id', 'code', 'subject_name', 'grade_year', 'credits'], courseRows); // prettier-ignore
    await copy(client, 'course_section', ['school_id', 'id', 'course_id', 'name', 'teacher_id'], sectionRows);
    phase('courses');

    // The stand-in evidence, stored once; every upload row points at its hash.
    const standInSha = await keepBytes(options.files, STAND_IN_PDF);

    // Outcomes: an enrolment, an upload, the outcome and its versions each.
    const uploadRows: string[] = [];
    const enrolmentRows: string[] = [];
    const outcomeRows: string[] = [];
    const versionRows: string[] = [];
    let uploads = 0;
    const addUpload = (division: Division, createdAt: string, name: string) => {
      const id = newId();
      uploads += 1;
      uploadRows.push(tsv([division.id, id, 'DOCUMENT', name, STAND_IN_PDF.length, division.registrationId, createdAt,
        createdAt, standInSha, STAND_IN_PDF.length, 'application/pdf', createdAt])); // prettier-ignore
      return id;
    };
    let outcomeTotal = 0;
    let certifiedTotal = 0;
    const flushOutcomes = async () => {
      await copies.send('upload', ['school_id', 'id', 'purpose', 'file_name', 'declared_size', 'created_by', 'created_at',
        'expires_at', 'sha256', 'size', 'content_type', 'stored_at'], uploadRows.splice(0)); // prettier-ignore
      await copies.send('enrolment', ['school_id', 'id', 'section_id', 'student_id'], enrolmentRows.splice(0));
      await copies.send('course_outcome', ['school_id', 'id', 'student_id', 'enrolment_id', 'term_id', 'academic_year_id',
        'kind', 'status', 'current_version', 'selected_at', 'created_at', 'updated_at'], outcomeRows.splice(0)); // prettier-ignore
      await copies.send('course_outcome_version', ['school_id', 'id', 'outcome_id', 'version', 'description',
        'document_upload_id', 'status', 'decided_by', 'decided_at', 'reason', 'created_at'], versionRows.splice(0)); // prettier-ignore
    };
    for (const [t, target] of targets.entries()) {
      const keys = termsOfCohort(target.cohort);
      const certified = certifiedOf[t]!;
      let k = 0;
      for (let i = 0; i < studentCount; i += 1) {
        if (studentCohort[i] !== target.cohort || outcomesOf[i] === 0) continue;
        const d = studentSchool[i]!;
        const division = divisions[d]!;
        const offset = Math.floor(random() * keys.length);
        const selectedPerYear = new Map<number, number>();
        for (let n = 0; n < outcomesOf[i]!; n += 1) {
          const key = keys[(offset + n) % keys.length]!;
          const course = Math.floor(n / keys.length);
          const year = Number(key.slice(0, 3));
          const grade = year - target.cohort + 10;
          const semester = Number(key.slice(3));
          // Its windows: the 高三 round's for a grade-12 student's second term, else the term's own (cityYearWindows).
          const yearWindows = windowsOfYear.get(year)!;
          const round = grade === 12 && semester === 2 ? yearWindows.grade12 : null;
          const uploadWindow = round ? round.upload : yearWindows.upload[semester - 1]!;
          const certifyWindow = round ? round.certify : yearWindows.certify[semester - 1]!;
          const selectWindow = grade === 12 ? yearWindows.grade12.select : yearWindows.select;
          const uploadedAt = drawMoment(uploadWindow, 'student', dates);
          const createdAt = taipeiTimestamp(uploadedAt);
          const isCertified = certified[k++] === 1;
          const replaced = random() < 0.05;
          const teacherId = division.teacherIds[course % TEACHERS_PER_SCHOOL]!;
          let wantsSelection = false;
          if (isCertified && random() < 0.4 && (selectedPerYear.get(year) ?? 0) < 6) {
            // Only once its selection window has closed by the table's day (the autumn's is still ahead for 111).
            wantsSelection = windowCloses(selectWindow) <= asOf;
            if (wantsSelection) selectedPerYear.set(year, (selectedPerYear.get(year) ?? 0) + 1);
          }
          const status = isCertified ? 'CERTIFIED' : random() < 0.15 ? 'REJECTED' : 'PENDING';
          // Certified after the upload; a replaced file: the first version not certified, the second uploaded after
          // that (補件, while certification is open) and decided after it was uploaded.
          let firstDecidedAt = 0;
          let versionAt = uploadedAt;
          let decidedAt = 0;
          if (replaced) {
            firstDecidedAt = drawMoment(certifyWindow, 'teacher', dates, uploadedAt);
            if (status === 'PENDING') versionAt = drawMoment(certifyWindow, 'student', dates, firstDecidedAt);
            else {
              decidedAt = drawMoment(certifyWindow, 'teacher', dates, firstDecidedAt);
              versionAt = Math.min(decidedAt, firstDecidedAt + 1 + Math.floor(dates() * Math.max(0, decidedAt - firstDecidedAt - 1))); // prettier-ignore
            }
          } else if (status !== 'PENDING') decidedAt = drawMoment(certifyWindow, 'teacher', dates, uploadedAt);
          const selectedAt = wantsSelection ? drawMoment(selectWindow, 'student', dates, decidedAt) : 0;
          const updatedAt = taipeiTimestamp(Math.max(versionAt, decidedAt, selectedAt));
          const enrolmentId = newId();
          const outcomeId = newId();
          enrolmentRows.push(
            tsv([division.id, enrolmentId, sectionOf.get(`${d}:${key}:${grade}:${course}`)!, studentIds[i]!]),
          );
          outcomeRows.push(tsv([division.id, outcomeId, studentIds[i]!, enrolmentId, division.terms.get(key)!,
            division.years.get(year)!, n % 7 === 0 ? 'PROJECT' : 'OTHER', status, replaced ? 2 : 1,
            wantsSelection ? taipeiTimestamp(selectedAt) : NULL, createdAt, updatedAt])); // prettier-ignore
          if (replaced) {
            const rejectedAt = taipeiTimestamp(firstDecidedAt);
            versionRows.push(tsv([division.id, newId(), outcomeId, 1, `${SUBJECTS[course]}學習成果（初稿）`,
              addUpload(division, createdAt, `成果${n + 1}-1.pdf`), 'REJECTED', teacherId, rejectedAt, '請補充說明', createdAt])); // prettier-ignore
          }
          const versionCreatedAt = taipeiTimestamp(versionAt);
          const decided = status === 'PENDING' ? [NULL, NULL, NULL] : [teacherId, taipeiTimestamp(decidedAt), status === 'REJECTED' ? '請補充說明' : NULL]; // prettier-ignore
          versionRows.push(tsv([division.id, newId(), outcomeId, replaced ? 2 : 1, `${SUBJECTS[course]}學習成果`,
            addUpload(division, versionCreatedAt, `成果${n + 1}.pdf`), status, ...decided, versionCreatedAt])); // prettier-ignore
          outcomeTotal += 1;
          if (isCertified) certifiedTotal += 1;
        }
        if (outcomeRows.length > 50_000) await flushOutcomes();
        await copies.breathe();
      }
    }
    await flushOutcomes();
    phase('outcomes');

    // Diverse performances: every student may have some, uploaders more, skewed.
    const performanceRows: string[] = [];
    let performanceTotal = 0;
    const flushPerformances = async () => {
      await copies.send('upload', ['school_id', 'id', 'purpose', 'file_name', 'declared_size', 'created_by', 'created_at',
        'expires_at', 'sha256', 'size', 'content_type', 'stored_at'], uploadRows.splice(0)); // prettier-ignore
      await copies.send('diverse_performance', ['school_id', 'id', 'student_id', 'academic_year_id', 'category', 'title',
        'description', 'document_upload_id', 'created_at', 'updated_at'], performanceRows.splice(0)); // prettier-ignore
    };
    const categories = [
      'COMPETITION',
      'CERTIFICATE',
      'SERVICE_LEARNING',
      'FLEXIBLE_LEARNING',
      'GROUP_ACTIVITY',
      'WORK',
      'OTHER',
    ];
    for (const target of targets) {
      const members: number[] = [];
      for (let i = 0; i < studentCount; i += 1) if (studentCohort[i] === target.cohort) members.push(i);
      const counts = allocate(target.performances, members.map((i) => skewed(random, 1.1) * (outcomesOf[i]! > 0 ? 1 : 0.3))); // prettier-ignore
      const lastYear = Math.min(target.cohort + 2, AS_OF_YEAR - 1);
      for (const [m, i] of members.entries()) {
        const division = divisions[studentSchool[i]!]!;
        for (let n = 0; n < counts[m]!; n += 1) {
          const year = target.cohort + (n % (lastYear - target.cohort + 1));
          const yearWindows = windowsOfYear.get(year)!;
          const window = year === target.cohort + 2 ? yearWindows.grade12.performances : yearWindows.performances;
          const createdAt = taipeiTimestamp(drawMoment(window, 'student', dates));
          performanceRows.push(tsv([division.id, newId(), studentIds[i]!, division.years.get(year)!, categories[n % categories.length]!,
            `多元表現 ${n + 1}`, '自述', addUpload(division, createdAt, `表現${n + 1}.pdf`), createdAt, createdAt])); // prettier-ignore
          performanceTotal += 1;
        }
        if (performanceRows.length > 50_000) await flushPerformances();
        await copies.breathe();
      }
    }
    await flushPerformances();
    phase('performances');

    // Counseling: each student's participations (skewed), about a third individual sessions, the rest packed into
    // group sessions of the school and cohort. Participation j of a school's sorted list goes to session j mod S,
    // with S at least the largest count, so no student is twice in one session.
    const recordRows: string[] = [];
    const participantRows: string[] = [];
    let participants = 0;
    let sessions = 0;
    const flushCounseling = async () => {
      await copies.send('counseling_record', ['school_id', 'id', 'counselor_id', 'kind', 'held_on', 'topic', 'content'], recordRows.splice(0)); // prettier-ignore
      await copies.send('counseling_participant', ['school_id', 'id', 'record_id', 'student_id'], participantRows.splice(0)); // prettier-ignore
    };
    for (const target of targets) {
      const members: number[] = [];
      for (let i = 0; i < studentCount; i += 1) if (studentCohort[i] === target.cohort) members.push(i);
      const counts = allocate(
        target.counseling,
        members.map(() => skewed(random, 1)),
      );
      const heldOn = `${target.cohort + 1911 + 1}-03-15`;
      const bySchool = new Map<number, { i: number; group: number }[]>();
      for (const [m, i] of members.entries()) {
        const division = divisions[studentSchool[i]!]!;
        const individual = Math.floor(counts[m]! / 3);
        for (let n = 0; n < individual; n += 1) {
          const recordId = newId();
          recordRows.push(
            tsv([division.id, recordId, division.counselorId, 'INDIVIDUAL', heldOn, '個別諮詢', '選課與生涯討論']),
          );
          participantRows.push(tsv([division.id, newId(), recordId, studentIds[i]!]));
          participants += 1;
          sessions += 1;
        }
        if (recordRows.length > 50_000) await flushCounseling();
        await copies.breathe();
        const list = bySchool.get(studentSchool[i]!) ?? [];
        list.push({ i, group: counts[m]! - individual });
        bySchool.set(studentSchool[i]!, list);
      }
      for (const [d, list] of bySchool) {
        const division = divisions[d]!;
        const total = list.reduce((sum, entry) => sum + entry.group, 0);
        if (total === 0) continue;
        const sessionCount = Math.max(...list.map((entry) => entry.group), Math.ceil(total / 6));
        const members: string[][] = Array.from({ length: sessionCount }, () => []);
        let j = 0;
        for (const entry of list) {
          for (let n = 0; n < entry.group; n += 1) members[j++ % sessionCount]!.push(studentIds[entry.i]!);
        }
        for (const group of members) {
          if (group.length === 0) continue;
          const recordId = newId();
          recordRows.push(tsv([division.id, recordId, division.counselorId, group.length > 1 ? 'GROUP' : 'INDIVIDUAL', heldOn,
            group.length > 1 ? '團體諮詢' : '個別諮詢', '選課說明'])); // prettier-ignore
          for (const studentId of group) participantRows.push(tsv([division.id, newId(), recordId, studentId]));
          participants += group.length;
          sessions += 1;
        }
        if (participantRows.length > 100_000) await flushCounseling();
        await copies.breathe();
      }
    }
    await flushCounseling();
    phase('counseling');

    await copies.drain();
    phase('copies');

    // The planner's statistics of the tables the rebuild reads, with this transaction's rows in them (ANALYZE samples
    // the rows its own transaction inserted). Without it the rebuild is planned from statistics that have never seen
    // the new schools, and into a database that already held a full city the rebuild of a tenth of a city took 582 s
    // instead of under one (about 1 s of ANALYZE at full scale). An owner that may not ANALYZE a table only gets a
    // warning (the rebuild may then be slow, never wrong).
    await client.query(`ANALYZE ${COUNTED_TABLES.join(', ')}`);
    phase('analyze');

    // The counters of the new schools, set-based, as the triggers would have left them (still in replica mode: the
    // function recomputes the shards itself, and no trigger of the counter tables needs to run).
    await client.query('SELECT stats_rebuild_schools($1::uuid[])', [`{${divisions.map((d) => d.id).join(',')}}`]);
    if (replicaMode) await client.query('SET LOCAL session_replication_role = origin');
    else for (const table of COUNTED_TABLES) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER stats_inserted`);
    phase('counters');

    await client.query('COMMIT');
    phase('commit');
    return {
      authorityId,
      divisions: divisionCount,
      students: studentCount,
      outcomes: outcomeTotal,
      certified: certifiedTotal,
      performances: performanceTotal,
      counselingParticipants: participants,
      counselingSessions: sessions,
      uploads,
      seconds,
    };
  } catch (error) {
    await copies.abort();
    await client.query('ROLLBACK');
    throw error;
  }
}

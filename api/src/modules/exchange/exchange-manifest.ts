import { scrypt } from 'node:crypto';
import { isUuid } from '../../common/ids.js';
import { isIsoCalendarDate } from '../../common/roc.js';
import { SchoolDivision } from '../school/school.entity.js';
import { type PortfolioRecordKind, RECORD_KINDS, type RecordField, type RecordOrigin } from './portfolio-records.js';

/** The platform's own exchange format (README 「學習歷程交換檔（轉學）」); no other system's format is claimed. */
export const EXCHANGE_FORMAT = 'tw-learning-portfolio-exchange';
export const EXCHANGE_FORMAT_VERSION = 1;

export interface ManifestFile {
  /** Its entry in the ZIP: `files/<sha256><ending>`. */
  path: string;
  /** The name people knew it by. */
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface ManifestRecord {
  kind: PortfolioRecordKind;
  termKey: string;
  title: string;
  fields: RecordField[];
  /** Null: a record of the school of origin itself; else the school it had come from by an earlier exchange. */
  origin: RecordOrigin | null;
  files: ManifestFile[];
}

export interface ExchangeManifest {
  format: typeof EXCHANGE_FORMAT;
  version: number;
  exchangeId: string;
  createdAt: string;
  origin: {
    authorityCode: string;
    authorityName: string;
    schoolCode: string;
    schoolName: string;
    division: SchoolDivision;
  };
  destination: { authorityCode: string; schoolCode: string; division: SchoolDivision };
  student: {
    name: string;
    birthDate: string;
    gender: 'M' | 'F' | null;
    /** scrypt of the national ID with the salt (nationalIdCheckOf): the receiving school checks its own student. */
    nationalIdCheck: { salt: string; scrypt: string };
  };
  records: ManifestRecord[];
}

const AUTHORITY_CODE = /^[A-Za-z0-9_-]{1,20}$/;
const SCHOOL_CODE = /^[0-9A-Z]{6}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const TERM_KEY = /^[0-9]{3}[012]$/;
const FILE_PATH = /^files\/([0-9a-f]{64})(\.[a-z0-9]{1,5})?$/;
const DIVISIONS: readonly string[] = Object.values(SchoolDivision);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

/** Whether a text holds a control character (a name people read never does). */
const hasControl = (text: string): boolean => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

class ManifestProblem extends Error {}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new ManifestProblem(what);
}

function originOf(value: unknown): RecordOrigin | null {
  if (value === null || value === undefined) return null;
  check(isObject(value), '紀錄的來源學校格式不正確');
  check(isText(value.schoolCode, 6, 6) && SCHOOL_CODE.test(value.schoolCode), '紀錄的來源學校代碼不正確');
  check(isText(value.schoolName, 1, 100), '紀錄的來源學校名稱不正確');
  return { schoolCode: value.schoolCode, schoolName: value.schoolName };
}

function fileOf(value: unknown): ManifestFile {
  check(isObject(value), '檔案清單格式不正確');
  check(isText(value.sha256, 64, 64) && HEX64.test(value.sha256), '檔案的 SHA-256 不正確');
  check(isText(value.path, 1, 80), '檔案路徑不正確');
  const path = FILE_PATH.exec(value.path);
  check(path !== null && path[1] === value.sha256, '檔案路徑與雜湊不符');
  check(isText(value.name, 1, 255) && !/[\\/]/.test(value.name) && !hasControl(value.name), '檔案名稱不正確');
  check(isText(value.contentType, 1, 100), '檔案類型不正確');
  check(typeof value.size === 'number' && Number.isSafeInteger(value.size) && value.size >= 0, '檔案大小不正確');
  return { path: value.path, name: value.name, contentType: value.contentType, size: value.size, sha256: value.sha256 };
}

function recordOf(value: unknown): ManifestRecord {
  check(isObject(value), '紀錄格式不正確');
  check(RECORD_KINDS.includes(value.kind as PortfolioRecordKind), '紀錄種類不正確');
  check(isText(value.termKey, 4, 4) && TERM_KEY.test(value.termKey), '紀錄的學期不正確');
  check(isText(value.title, 1, 200), '紀錄標題不正確');
  check(Array.isArray(value.fields) && value.fields.length <= 100, '紀錄欄位不正確');
  const fields = value.fields.map((field: unknown): RecordField => {
    check(isObject(field) && isText(field.label, 1, 50) && isText(field.value, 0, 4000), '紀錄欄位不正確');
    return { label: field.label, value: field.value };
  });
  check(Array.isArray(value.files) && value.files.length <= 20, '紀錄的檔案清單不正確');
  return {
    kind: value.kind as PortfolioRecordKind,
    termKey: value.termKey,
    title: value.title,
    fields,
    origin: originOf(value.origin),
    files: value.files.map(fileOf),
  };
}

/**
 * The manifest's bytes as the format says, every value checked (a signed file from a trusted installation is still
 * input); a short Chinese reason when they are not.
 */
export function parseManifest(bytes: Buffer): ExchangeManifest | string {
  const text = bytes.toString('utf8');
  // PostgreSQL's text and jsonb hold no NUL: a manifest with one anywhere is refused, not half written.
  if (/\\u0000/i.test(text)) return 'manifest.json 含有不允許的控制字元（NUL）';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'manifest.json 不是有效的 JSON';
  }
  try {
    check(isObject(json), 'manifest.json 格式不正確');
    check(json.format === EXCHANGE_FORMAT, '不是本平臺的學習歷程交換檔格式');
    check(json.version === EXCHANGE_FORMAT_VERSION, `不支援的交換檔版本「${String(json.version)}」`);
    check(typeof json.exchangeId === 'string' && isUuid(json.exchangeId), '交換檔編號不正確');
    check(isText(json.createdAt, 1, 40) && !Number.isNaN(Date.parse(json.createdAt)), '產製時間不正確');
    const origin = json.origin;
    check(isObject(origin), '原學校資料不正確');
    check(isText(origin.authorityCode, 1, 20) && AUTHORITY_CODE.test(origin.authorityCode), '原學校的教育局代碼不正確');
    check(isText(origin.authorityName, 1, 100), '原學校的教育局名稱不正確');
    check(isText(origin.schoolCode, 6, 6) && SCHOOL_CODE.test(origin.schoolCode), '原學校代碼不正確');
    check(isText(origin.schoolName, 1, 100), '原學校名稱不正確');
    check(DIVISIONS.includes(origin.division as string), '原學校部別不正確');
    const destination = json.destination;
    check(isObject(destination), '目的學校資料不正確');
    check(
      isText(destination.authorityCode, 1, 20) && AUTHORITY_CODE.test(destination.authorityCode),
      '目的學校的教育局代碼不正確',
    );
    check(isText(destination.schoolCode, 6, 6) && SCHOOL_CODE.test(destination.schoolCode), '目的學校代碼不正確');
    check(DIVISIONS.includes(destination.division as string), '目的學校部別不正確');
    const student = json.student;
    check(isObject(student), '學生資料不正確');
    check(isText(student.name, 1, 50), '學生姓名不正確');
    check(typeof student.birthDate === 'string' && isIsoCalendarDate(student.birthDate), '出生日期不正確');
    check(student.gender === null || student.gender === 'M' || student.gender === 'F', '性別不正確');
    const idCheck = student.nationalIdCheck;
    check(
      isObject(idCheck) &&
        isText(idCheck.salt, 16, 128) &&
        /^[0-9a-f]+$/.test(idCheck.salt) &&
        isText(idCheck.scrypt, 64, 64) &&
        HEX64.test(idCheck.scrypt),
      '身分核對資料不正確',
    );
    check(Array.isArray(json.records) && json.records.length <= 20_000, '紀錄清單不正確');
    const records = json.records.map(recordOf);
    // One path names one content: two records may share a file, never one path two different files.
    const sizes = new Map<string, number>();
    for (const record of records) {
      for (const file of record.files) {
        check(sizes.get(file.path) === undefined || sizes.get(file.path) === file.size, '同一個檔案列出不同大小');
        sizes.set(file.path, file.size);
      }
    }
    return {
      format: EXCHANGE_FORMAT,
      version: EXCHANGE_FORMAT_VERSION,
      exchangeId: json.exchangeId,
      createdAt: json.createdAt,
      origin: {
        authorityCode: origin.authorityCode,
        authorityName: origin.authorityName,
        schoolCode: origin.schoolCode,
        schoolName: origin.schoolName,
        division: origin.division as SchoolDivision,
      },
      destination: {
        authorityCode: destination.authorityCode,
        schoolCode: destination.schoolCode,
        division: destination.division as SchoolDivision,
      },
      student: {
        name: student.name,
        birthDate: student.birthDate,
        gender: student.gender,
        nationalIdCheck: { salt: idCheck.salt, scrypt: idCheck.scrypt },
      },
      records,
    };
  } catch (error) {
    if (error instanceof ManifestProblem) return error.message;
    throw error;
  }
}

/**
 * The national-ID check a file carries: scrypt (N 2^15, r 8, p 1, 32 bytes) of the ID with the file's salt. A plain
 * hash of an ID (about 5 × 10^7 valid ones) is undone in seconds; scrypt makes each guess cost tens of milliseconds
 * and 32 MiB, so recovering the ID from a file takes CPU-months. The file still holds the name and birth date: it is
 * personal data and travels as such (README).
 */
export async function nationalIdCheckOf(salt: string, nationalId: string): Promise<string> {
  const derived = await new Promise<Buffer>((resolve, reject) =>
    scrypt(nationalId, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return derived.toString('hex');
}

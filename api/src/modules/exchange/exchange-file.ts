import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import type { AppContext } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { newId } from '../../common/ids.js';
import { formatRocDate } from '../../common/roc.js';
import { type Result, userError } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import { extensionOfContentType } from '../files/file-types.js';
import { keepStream } from '../files/generated-upload.js';
import { mayManageStudents } from '../people/people.permissions.js';
import { entryStream, openZipFile } from '../round/central/package-reader.js';
import type { SchoolDivision } from '../school/school.entity.js';
import { exchangeKeysOf, ExchangeKeys } from './exchange-keys.js';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  type ExchangeManifest,
  type ManifestFile,
  nationalIdCheckOf,
  parseManifest,
} from './exchange-manifest.js';
import { readStudentPortfolio } from './portfolio-records.js';
import { safeEntryName, zipStream } from '../files/zip-stream.js';

export interface ExchangeDestination {
  /** The receiving city (authority.code). */
  authorityCode: string;
  /** The receiving school's 6-character code. */
  schoolCode: string;
  division: SchoolDivision;
}

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
const README_ENTRY = '說明.txt';

/** What a hostile file may not make the reader do: limits well beyond any real portfolio. */
export const EXCHANGE_LIMITS = {
  entries: 20_000,
  manifestBytes: 32 * 1024 * 1024,
  signatureBytes: 4096,
  readmeBytes: 64 * 1024,
  fileBytes: 2 * 1024 * 1024 * 1024,
  totalBytes: 50 * 1024 * 1024 * 1024,
} as const;

/** `files/<sha256>.pdf`: a file's place in the exchange file is its content's name, so nothing can be overwritten. */
export const filePathOf = (sha256: string, contentType: string): string =>
  `files/${sha256}${extensionOfContentType(contentType)}`;

function requireRegistration(ctx: AppContext, what: string): Viewer {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayManageStudents(viewer)) throw forbidden(what);
  return viewer;
}

const README_TEXT = (manifest: ExchangeManifest): string =>
  [
    '學習歷程交換檔（學生學習歷程檔案平臺的格式，不相容於其他系統的交換資料）',
    '',
    `原學校：${manifest.origin.schoolName}（${manifest.origin.schoolCode}）`,
    `目的學校代碼：${manifest.destination.schoolCode}（${manifest.destination.authorityCode}）`,
    `產製日期：${formatRocDate(new Date(manifest.createdAt))}`,
    '',
    'manifest.json 列出學生的紀錄與每個檔案的 SHA-256；manifest.sig 是對 manifest.json 原始位元組的 Ed25519 簽章。',
    '請勿修改或重新壓縮本檔：任何改動都會使簽章或雜湊不符，接收學校將無法匯入。',
    '',
  ].join('\r\n');

/**
 * Builds the signed exchange file (a ZIP) of one student of the viewer's school (ctx's tenant) and keeps it in the
 * content-addressed store. Streaming; nothing whole in memory. Only 註冊組 builds one; the row written
 * (exchange_export) names the file, so it stays in the store and its download can be checked. Writes no audit row:
 * the mutation that calls it does.
 */
export async function writeExchangeFile(
  ctx: AppContext,
  studentId: string,
  destination: ExchangeDestination,
): Promise<{ sha256: string; size: number; fileName: string }> {
  const viewer = requireRegistration(ctx, '產製學習歷程交換檔');
  const portfolio = await readStudentPortfolio(ctx, studentId);
  if (!portfolio) throw notFound('學生');
  const now = ctx.services.clock.now();
  const salt = randomBytes(16).toString('hex');
  const nationalId = ctx.services.pii.decrypt(portfolio.student.nationalIdEncrypted);
  const exchangeId = newId();
  const manifest: ExchangeManifest = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_FORMAT_VERSION,
    exchangeId,
    createdAt: now.toISOString(),
    origin: {
      authorityCode: portfolio.school.authorityCode,
      authorityName: portfolio.school.authorityName,
      schoolCode: portfolio.school.code,
      schoolName: portfolio.school.name,
      division: portfolio.school.division,
    },
    destination: { ...destination },
    student: {
      name: portfolio.student.name,
      birthDate: portfolio.student.birthDate,
      gender: portfolio.student.gender,
      nationalIdCheck: { salt, scrypt: await nationalIdCheckOf(salt, nationalId) },
    },
    records: portfolio.records.map((record) => ({
      kind: record.kind,
      termKey: record.termKey,
      title: record.title.slice(0, 200),
      fields: record.fields,
      origin: record.origin,
      files: record.files.map((file): ManifestFile => ({
        path: filePathOf(file.sha256, file.contentType),
        name: safeEntryName(file.name, file.sha256),
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
      })),
    })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const keys = exchangeKeysOf(ctx.services.config);
  const signature = Buffer.from(
    JSON.stringify({
      algorithm: 'Ed25519',
      publicKey: keys.publicKey,
      signature: keys.sign(manifestBytes).toString('base64'),
    }),
    'utf8',
  );
  const stored = new Map<string, string>();
  for (const record of manifest.records) for (const file of record.files) stored.set(file.path, file.sha256);
  const { zip, trouble } = zipStream(
    [
      { path: README_ENTRY, bytes: Buffer.from(README_TEXT(manifest), 'utf8') },
      { path: MANIFEST_ENTRY, bytes: manifestBytes },
      { path: SIGNATURE_ENTRY, bytes: signature },
      ...[...stored].map(([path, sha256]) => ({ path, sha256 })),
    ],
    now,
    ctx.services.files,
  );
  let result;
  try {
    result = await keepStream(ctx.services.files, zip, () =>
      trouble.missing.length > 0 || trouble.altered.length > 0 ? trouble : null,
    );
  } finally {
    zip.destroy();
  }
  if (result.refused) {
    ctx.services.log.error('exchange file: stored portfolio file missing or altered', {
      requestId: ctx.requestId,
      studentId,
      missing: result.refused.missing,
      altered: result.refused.altered,
    });
    throw new Error('a stored portfolio file is missing or altered');
  }
  const day = formatRocDate(now).replace(/\//g, '');
  const fileName = `學習歷程交換檔_${safeEntryName(portfolio.student.studentNumber, 'student')}_${day}.zip`;
  const fileCount = stored.size;
  await ctx.em.execute(
    `insert into exchange_export (school_id, id, student_id, exchange_id, destination_authority_code,
       destination_school_code, destination_division, sha256, size, file_name, record_count, file_count,
       created_by, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      viewer.schoolId,
      newId(),
      studentId,
      exchangeId,
      destination.authorityCode,
      destination.schoolCode,
      destination.division,
      result.kept.sha256,
      result.kept.size,
      fileName,
      manifest.records.length,
      fileCount,
      viewer.accountId,
      now,
    ],
  );
  return { sha256: result.kept.sha256, size: result.kept.size, fileName };
}

type Refusal = { code: string; message: string };

const refuse = (code: string, message: string): Refusal => ({ code, message });

const BAD_FILE = refuse(
  'EXCHANGE_BAD_FILE',
  '這不是可以匯入的學習歷程交換檔（檔案格式不正確或已損毀）。請向原學校索取本平臺產製的交換檔（.zip），不要解壓縮或重新壓縮。',
);
const TAMPERED = refuse(
  'EXCHANGE_TAMPERED',
  '交換檔的內容與原學校的簽章不符（檔案在產製後被修改或損毀），已拒絕匯入，沒有寫入任何資料。請向原學校索取新的交換檔。',
);

/** Reads a whole entry, refusing one larger than `limit` bytes (its declared size can lie: the bytes are counted). */
async function boundedBytes(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function listEntries(zip: ZipFile): Promise<Entry[] | null> {
  return new Promise((resolve, reject) => {
    const found: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      found.push(entry);
      if (found.length > EXCHANGE_LIMITS.entries) {
        resolve(null);
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Whether an entry holds bytes that are not stored as they are or deflated (anything else yauzl cannot read). */
const unreadable = (entry: Entry): boolean =>
  (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) || entry.isEncrypted();

/**
 * Reads, verifies (signature, hashes, destination city/school, that it is about this student: national ID and birth
 * date) and applies an exchange file already in the store under sha256 into the viewer's school: its records land
 * read-only on `studentId`, marked with the school of origin. All-or-nothing; the same file twice writes nothing new
 * (userError EXCHANGE_ALREADY_IMPORTED). Only 註冊組 applies one. Writes no audit row: the mutation that calls it does.
 */
export async function importExchangeFile(
  ctx: AppContext,
  input: { sha256: string; studentId: string },
): Promise<Result<{ exchangeId: string; records: number }>> {
  const viewer = requireRegistration(ctx, '匯入學習歷程交換檔');
  const fail = (refusal: Refusal, field: string | null = null): Result<{ exchangeId: string; records: number }> => ({
    value: null,
    userErrors: [userError(field, refusal.code, refusal.message)],
  });
  const [student] = await ctx.em.execute<
    {
      id: string;
      national_id_encrypted: string;
      birth_date: string;
      code: string;
      division: SchoolDivision;
      authority_code: string;
    }[]
  >(
    `select s.id, s.national_id_encrypted, to_char(s.birth_date, 'YYYY-MM-DD') as birth_date, sc.code, sc.division,
            a.code as authority_code
     from student s join school sc on sc.id = s.school_id join authority a on a.id = sc.authority_id
     where s.id = ?`,
    [input.studentId],
  );
  if (!student) throw notFound('學生');
  if (!/^[0-9a-f]{64}$/.test(input.sha256)) return fail(BAD_FILE);
  const already = async (column: 'file_sha256' | 'exchange_id', value: string) =>
    (await ctx.em.execute(`select 1 from portfolio_exchange where ${column} = ?`, [value])).length > 0;
  const alreadyImported = refuse(
    'EXCHANGE_ALREADY_IMPORTED',
    '這份交換檔已經匯入過了（同一份交換檔只會匯入一次），這次沒有寫入任何資料。',
  );
  // Two imports of one file at once (two tabs, a double click): the second waits here, then finds it imported,
  // instead of meeting the unique keys at its insert.
  await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`exchange-import:${viewer.schoolId}`]);
  if (await already('file_sha256', input.sha256)) return fail(alreadyImported);

  const files = ctx.services.files;
  const source = await files.open(input.sha256);
  if (!source) {
    return fail(refuse('EXCHANGE_FILE_NOT_FOUND', '找不到這份交換檔的內容，請重新上傳或請原學校重新產製。'));
  }
  const zipPath = files.newTempPath();
  try {
    await pipeline(source, createWriteStream(zipPath));
    let zip: ZipFile;
    try {
      zip = await openZipFile(zipPath);
    } catch {
      return fail(BAD_FILE);
    }
    try {
      let entries: Entry[] | null;
      try {
        // yauzl refuses names that climb out (../), absolute names and backslashes: the file is bad, not the server.
        entries = await listEntries(zip);
      } catch {
        return fail(BAD_FILE);
      }
      if (!entries) return fail(BAD_FILE);
      const byName = new Map<string, Entry>();
      for (const entry of entries) {
        if (entry.fileName.endsWith('/')) continue;
        if (byName.has(entry.fileName) || unreadable(entry)) return fail(BAD_FILE);
        byName.set(entry.fileName, entry);
      }
      const manifestEntry = byName.get(MANIFEST_ENTRY);
      const signatureEntry = byName.get(SIGNATURE_ENTRY);
      if (!manifestEntry || !signatureEntry) return fail(BAD_FILE);
      const read = async (entry: Entry, limit: number) => {
        try {
          return await boundedBytes(await entryStream(zip, entry), limit);
        } catch {
          return null;
        }
      };
      const manifestBytes = await read(manifestEntry, EXCHANGE_LIMITS.manifestBytes);
      const signatureBytes = await read(signatureEntry, EXCHANGE_LIMITS.signatureBytes);
      if (!manifestBytes || !signatureBytes) return fail(BAD_FILE);
      const signature = signatureOf(signatureBytes);
      if (!signature) return fail(BAD_FILE);
      if (!ExchangeKeys.verify(manifestBytes, signature.signature, signature.publicKey)) return fail(TAMPERED);
      const manifest = parseManifest(manifestBytes);
      if (typeof manifest === 'string') {
        return fail(refuse(BAD_FILE.code, `${BAD_FILE.message}（${manifest}）`));
      }
      if (!exchangeKeysOf(ctx.services.config).trusts(signature.publicKey, manifest.origin.authorityCode)) {
        return fail(
          refuse(
            'EXCHANGE_UNTRUSTED',
            `這份交換檔的簽章金鑰不在本平臺信任的清單中（簽署者自稱「${manifest.origin.authorityName}」的學校）。` +
              '請系統管理者確認對方平臺的公鑰後，加入 EXCHANGE_TRUSTED_KEYS 再匯入。',
          ),
        );
      }
      if (manifest.destination.authorityCode !== student.authority_code) {
        return fail(
          refuse(
            'EXCHANGE_OTHER_CITY',
            `這份交換檔是給另一個縣市（教育局代碼 ${manifest.destination.authorityCode}）的學校，不能匯入本校。`,
          ),
        );
      }
      if (manifest.destination.schoolCode !== student.code || manifest.destination.division !== student.division) {
        return fail(
          refuse(
            'EXCHANGE_OTHER_SCHOOL',
            `這份交換檔是給另一所學校（學校代碼 ${manifest.destination.schoolCode}）或另一個部別的，不能匯入本校本部別。`,
          ),
        );
      }
      const nationalId = ctx.services.pii.decrypt(student.national_id_encrypted);
      const { salt, scrypt } = manifest.student.nationalIdCheck;
      if ((await nationalIdCheckOf(salt, nationalId)) !== scrypt || manifest.student.birthDate !== student.birth_date) {
        return fail(
          refuse(
            'EXCHANGE_WRONG_STUDENT',
            '這份交換檔不是這位學生的（身分證統一編號或出生日期不符），請確認選擇的學生。',
          ),
          'studentId',
        );
      }
      if (await already('exchange_id', manifest.exchangeId)) return fail(alreadyImported);

      // Every file the manifest lists is in the ZIP under its own hash, and nothing else is.
      const listed = new Map<string, ManifestFile>();
      for (const record of manifest.records) for (const file of record.files) listed.set(file.path, file);
      const expected = new Set([MANIFEST_ENTRY, SIGNATURE_ENTRY, README_ENTRY, ...listed.keys()]);
      if ([...byName.keys()].some((name) => !expected.has(name))) return fail(TAMPERED);
      if ([...listed.keys()].some((path) => !byName.has(path))) return fail(TAMPERED);
      const readme = byName.get(README_ENTRY);
      if (readme && readme.uncompressedSize > EXCHANGE_LIMITS.readmeBytes) return fail(BAD_FILE);
      let total = 0;
      for (const [path, file] of listed) {
        const entry = byName.get(path)!;
        total += entry.uncompressedSize;
        if (entry.uncompressedSize !== file.size || total > EXCHANGE_LIMITS.totalBytes) return fail(TAMPERED);
      }
      for (const [path, file] of listed) {
        let stream: Readable;
        try {
          stream = await entryStream(zip, byName.get(path)!);
        } catch {
          return fail(BAD_FILE);
        }
        const hash = createHash('sha256');
        const counted = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            done(null, chunk);
          },
        });
        let kept;
        try {
          // pipeline, not pipe: the reader's error (a corrupt deflated entry) must fail this read, not the process.
          const checked = new PassThrough();
          pipeline(stream, counted, checked).catch(() => undefined);
          kept = await keepStream(files, checked, () => (hash.digest('hex') === file.sha256 ? null : TAMPERED));
        } catch (error) {
          // yauzl checks each entry's size and CRC as it reads: a short or altered entry fails the stream.
          if (isZipFault(error)) return fail(TAMPERED);
          throw error;
        }
        if (kept.refused) return fail(kept.refused);
      }

      const now = ctx.services.clock.now();
      const exchangeRowId = newId();
      await ctx.em.execute(
        `insert into portfolio_exchange (school_id, id, student_id, exchange_id, format_version, origin_authority_code,
           origin_school_code, origin_school_name, origin_division, created_at, file_sha256, file_size, record_count,
           file_count, imported_by, imported_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          viewer.schoolId,
          exchangeRowId,
          student.id,
          manifest.exchangeId,
          manifest.version,
          manifest.origin.authorityCode,
          manifest.origin.schoolCode,
          manifest.origin.schoolName,
          manifest.origin.division,
          new Date(manifest.createdAt),
          input.sha256,
          await sizeOf(zipPath),
          manifest.records.length,
          listed.size,
          viewer.accountId,
          now,
        ],
      );
      const recordRows: unknown[][] = [];
      const fileRows: unknown[][] = [];
      manifest.records.forEach((record, ordering) => {
        const recordId = newId();
        recordRows.push([
          viewer.schoolId,
          recordId,
          exchangeRowId,
          student.id,
          record.kind,
          record.termKey,
          record.title,
          JSON.stringify(record.fields),
          record.origin?.schoolCode ?? null,
          record.origin?.schoolName ?? null,
          ordering,
        ]);
        record.files.forEach((file, index) => {
          fileRows.push([
            viewer.schoolId,
            newId(),
            recordId,
            file.name,
            file.contentType,
            file.size,
            file.sha256,
            index,
          ]);
        });
      });
      for (const batch of chunks(recordRows, 500)) {
        await ctx.em.execute(
          `insert into exchanged_record (school_id, id, exchange_id, student_id, kind, term_key, title, data,
             origin_school_code, origin_school_name, ordering)
           values ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)').join(', ')}`,
          batch.flat(),
        );
      }
      for (const batch of chunks(fileRows, 500)) {
        await ctx.em.execute(
          `insert into exchanged_file (school_id, id, record_id, name, content_type, size, sha256, ordering)
           values ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          batch.flat(),
        );
      }
      return { value: { exchangeId: exchangeRowId, records: manifest.records.length }, userErrors: [] };
    } finally {
      zip.close();
    }
  } finally {
    await files.discard(zipPath);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

const sizeOf = async (path: string): Promise<number> => (await stat(path)).size;

/** The errors yauzl raises for bytes that are not what the ZIP's directory says (size, CRC, inflation). */
function isZipFault(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /crc32|too many bytes|not enough bytes|invalid|unexpected end|incorrect header|zlib/i.test(message);
}

/** manifest.sig: `{ "algorithm": "Ed25519", "publicKey": SPKI DER base64, "signature": base64 }`. */
function signatureOf(bytes: Buffer): { publicKey: string; signature: Buffer } | null {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    if (parsed.algorithm !== 'Ed25519') return null;
    if (typeof parsed.publicKey !== 'string' || typeof parsed.signature !== 'string') return null;
    const signature = Buffer.from(parsed.signature, 'base64');
    if (signature.length !== 64) return null;
    return { publicKey: parsed.publicKey, signature };
  } catch {
    return null;
  }
}

import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { FileStorage } from './file-storage.js';
import { leftoverGraceMs, type ReferenceLookup, unreferencedBatches } from './leftover-collection.js';

export type StorageProblemKind = 'MISSING' | 'CORRUPT';

export interface StorageProblem {
  kind: StorageProblemKind;
  schoolId: string;
  /** The school's name and division, as a person reads it. */
  school: string;
  uploadId: string;
  fileName: string;
  /** What the upload row says the file's SHA-256 is. */
  expectedSha256: string;
  /** What the stored bytes hash to (CORRUPT only). */
  actualSha256: string | null;
}

export interface StorageReport {
  /** Upload rows with a stored file. */
  uploads: number;
  /** Distinct stored files (content-addressed: one file may serve several uploads). */
  files: number;
  /** Bytes read and hashed. */
  bytes: number;
  seconds: number;
  problems: StorageProblem[];
  leftovers: Leftovers;
}

/** What the leftover collection is there for, counted without removing anything. */
export interface Leftovers {
  graceHours: number;
  /** Stored files no row points at (whatever school: a file is the same file for every school). */
  unreferencedFiles: number;
  unreferencedBytes: number;
  /** Of those, the ones kept longer ago than the grace period: what the next collection removes. */
  collectableFiles: number;
  collectableBytes: number;
  /** Stored uploads nothing points at, stored over an hour ago (the view upload_unattached). */
  unattachedUploads: number;
  unattachedBytes: number;
  /** Of those, the ones stored longer ago than the grace period: what the next collection removes. */
  collectableUploads: number;
}

export interface VerifyOptions {
  /** Only these schools' uploads (tests); default every school. */
  schoolIds?: string[];
  /** Files hashed at once. */
  concurrency?: number;
  /** LEFTOVER_GRACE_HOURS: which leftovers the next collection removes. */
  leftoverGraceHours?: number;
}

interface UploadRow {
  school_id: string;
  school: string;
  id: string;
  file_name: string;
  sha256: string;
}

type FileState =
  { kind: 'OK'; bytes: number } | { kind: 'MISSING' } | { kind: 'CORRUPT'; actual: string; bytes: number };

/** Streams one stored file through SHA-256. */
export async function hashStored(files: FileStorage, sha256: string): Promise<FileState> {
  const stream = await files.open(sha256);
  if (!stream) return { kind: 'MISSING' };
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  const actual = hash.digest('hex');
  return actual === sha256 ? { kind: 'OK', bytes } : { kind: 'CORRUPT', actual, bytes };
}

/** Runs fn over items, at most `limit` at once. */
export async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Re-hashes every stored file a row points at (uploads, submission packages, pre-check rosters), in every school,
 * and lists the uploads whose file is missing or whose bytes no longer hash to the recorded SHA-256; then counts the
 * leftovers without touching them. Needs a connection that sees every school (the owner's).
 */
export async function verifyStorage(
  db: pg.ClientBase,
  files: FileStorage,
  options: VerifyOptions = {},
): Promise<StorageReport> {
  const started = performance.now();
  const { rows } = await db.query<UploadRow>(
    `with stored as (
       select school_id, id, file_name, sha256, created_at from upload where stored_at is not null
       union all
       select school_id, id, '提交資料包 ' || category || '.zip', zip_sha256, created_at from submission
        where package_removed_at is null
       union all
       select school_id, id, '預檢名冊.xlsx', roster_sha256, created_at from precheck_run
       union all
       select school_id, id, file_name, sha256, created_at from exchange_export
       union all
       select school_id, id, '學習歷程交換檔 ' || origin_school_code || '.zip', file_sha256, imported_at from portfolio_exchange
       union all
       select f.school_id, f.id, f.name, f.sha256, e.imported_at from exchanged_file f
         join exchanged_record r on r.school_id = f.school_id and r.id = f.record_id
         join portfolio_exchange e on e.school_id = r.school_id and e.id = r.exchange_id
     )
     select f.school_id, s.name || case s.division when 'NIGHT' then ' 進修部' else ' 日間部' end as school,
            f.id, f.file_name, f.sha256
     from stored f join school s on s.id = f.school_id
     where $1::uuid[] is null or f.school_id = any ($1::uuid[])
     order by s.name, s.division, f.created_at, f.id`,
    [options.schoolIds ?? null],
  );
  const bySha = new Map<string, UploadRow[]>();
  for (const row of rows) bySha.set(row.sha256, [...(bySha.get(row.sha256) ?? []), row]);

  const states = new Map<string, FileState>();
  let bytes = 0;
  await eachLimited([...bySha.keys()], options.concurrency ?? 4, async (sha256) => {
    const state = await hashStored(files, sha256);
    if (state.kind !== 'MISSING') bytes += state.bytes;
    states.set(sha256, state);
  });

  const problems: StorageProblem[] = [];
  for (const row of rows) {
    const state = states.get(row.sha256)!;
    if (state.kind === 'OK') continue;
    problems.push({
      kind: state.kind,
      schoolId: row.school_id,
      school: row.school,
      uploadId: row.id,
      fileName: row.file_name,
      expectedSha256: row.sha256,
      actualSha256: state.kind === 'CORRUPT' ? state.actual : null,
    });
  }
  const leftovers = await countLeftovers(db, files, options);
  return {
    uploads: rows.length,
    files: bySha.size,
    bytes,
    seconds: (performance.now() - started) / 1000,
    problems,
    leftovers,
  };
}

/** The same views and function the collection uses (see Migration20261207000000LeftoverCollection), read only. */
async function countLeftovers(db: pg.ClientBase, files: FileStorage, options: VerifyOptions): Promise<Leftovers> {
  // LEFTOVER_GRACE_HOURS's default, for callers that do not say.
  const graceHours = options.leftoverGraceHours ?? 24;
  const graceMs = leftoverGraceMs({ leftoverGraceHours: graceHours });
  const lookup: ReferenceLookup = async (sha256s) => {
    const { rows } = await db.query<{ sha256: string }>('select files_referenced($1::text[]) as sha256', [sha256s]);
    return new Set(rows.map((row) => row.sha256));
  };
  const leftovers: Leftovers = {
    graceHours: graceMs / 3_600_000,
    unreferencedFiles: 0,
    unreferencedBytes: 0,
    collectableFiles: 0,
    collectableBytes: 0,
    unattachedUploads: 0,
    unattachedBytes: 0,
    collectableUploads: 0,
  };
  for await (const { files: unreferenced, lookedUpAt } of unreferencedBatches(files.listStored(), lookup)) {
    for (const file of unreferenced) {
      leftovers.unreferencedFiles += 1;
      leftovers.unreferencedBytes += file.size;
      if (file.modifiedAt.getTime() < lookedUpAt - graceMs) {
        leftovers.collectableFiles += 1;
        leftovers.collectableBytes += file.size;
      }
    }
  }
  const { rows } = await db.query<{ uploads: number; bytes: string; collectable: number }>(
    `select count(*)::int as uploads, coalesce(sum(size), 0)::text as bytes,
            (count(*) filter (where stored_at < now() - make_interval(secs => $2)))::int as collectable
     from upload_unattached
     where $1::uuid[] is null or school_id = any ($1::uuid[])`,
    [options.schoolIds ?? null, graceMs / 1000],
  );
  leftovers.unattachedUploads = rows[0]!.uploads;
  leftovers.unattachedBytes = Number(rows[0]!.bytes);
  leftovers.collectableUploads = rows[0]!.collectable;
  return leftovers;
}

const KIND_LABEL: Record<StorageProblemKind, string> = { MISSING: '缺少檔案', CORRUPT: '內容不符' };

const sizeOf = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB（${bytes} 位元組）`;

/** The report as the command prints it: one line per problem, then the summary. */
export function formatStorageReport(report: StorageReport, location: string): string {
  const lines = [`檢查儲存的檔案：${location}`];
  if (report.problems.length > 0) {
    lines.push('', '有問題的檔案（學校、上傳編號、檔名、應有的 SHA-256）：');
    for (const p of report.problems) {
      const actual = p.actualSha256 ? `（實際 ${p.actualSha256}）` : '';
      lines.push(`  ${KIND_LABEL[p.kind]}  ${p.school}  ${p.uploadId}  ${p.fileName}  ${p.expectedSha256}${actual}`);
    }
    lines.push('');
  }
  const missing = report.problems.filter((p) => p.kind === 'MISSING').length;
  const corrupt = report.problems.length - missing;
  lines.push(
    `檢查了 ${report.uploads} 筆上傳、${report.files} 個檔案、${sizeOf(report.bytes)}，` +
      `費時 ${report.seconds.toFixed(1)} 秒；缺少檔案 ${missing} 筆，內容不符 ${corrupt} 筆。`,
  );
  lines.push(report.problems.length === 0 ? '結果：全部檔案完好。' : '結果：有檔案遺失或損毀，請從備份還原這些檔案。');
  const left = report.leftovers;
  lines.push(
    '',
    `遺留的檔案（沒有任何資料指向）：${left.unreferencedFiles} 個，${sizeOf(left.unreferencedBytes)}；` +
      `其中 ${left.collectableFiles} 個、${sizeOf(left.collectableBytes)}已超過保留期限 ${left.graceHours} 小時，` +
      '下次清理遺留檔案時會移除。',
    `未使用的上傳（已存檔超過 1 小時，沒有任何資料使用）：${left.unattachedUploads} 筆，` +
      `${sizeOf(left.unattachedBytes)}；其中 ${left.collectableUploads} 筆已超過保留期限，下次清理遺留檔案時會移除。`,
    '（遺留項目只列出，不會移除，也不影響結果。）',
  );
  return lines.join('\n');
}

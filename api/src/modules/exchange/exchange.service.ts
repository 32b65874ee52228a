import { requestLoader } from '../../common/loaders.js';
import type { AppContext } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { idOfType } from '../../common/ids.js';
import { type Result, userError } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { importUploadOf } from '../imports/import.service.js';
import { mayManageStudents } from '../people/people.permissions.js';
import type { Student } from '../people/student.entity.js';
import { type SchoolDivision } from '../school/school.entity.js';
import { importExchangeFile, writeExchangeFile } from './exchange-file.js';
import { exchangedFileUrlOf, exchangeExportUrlOf } from './exchange.routes.js';
import {
  ExchangeExport,
  type ExportExchangeFileInput,
  type ImportExchangeFileInput,
  PortfolioExchange,
} from './exchange.types.js';
import {
  exchangedFilesOf,
  type PortfolioRecordKind,
  type RecordField,
  schoolLabel,
  termKeyLabel,
} from './portfolio-records.js';

function requireRegistration(ctx: AppContext, what: string): Viewer {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayManageStudents(viewer)) throw forbidden(what);
  return viewer;
}

async function studentOf(ctx: AppContext, globalId: string): Promise<Student> {
  const id = idOfType(globalId, 'Student');
  const student = id ? await ctx.loaders.studentById.load(id) : null;
  if (!student) throw notFound('學生');
  return student;
}

interface ExchangeRow {
  id: string;
  student_id: string;
  origin_authority_code: string;
  origin_school_code: string;
  origin_school_name: string;
  origin_division: SchoolDivision;
  created_at: Date;
  imported_at: Date;
  record_count: number;
}

/** The exchanges applied to each of the students, with their records and files, in three statements however many. */
async function exchangesOfStudents(ctx: AppContext, studentIds: readonly string[]): Promise<PortfolioExchange[][]> {
  const exchanges = await ctx.em.execute<ExchangeRow[]>(
    `select id, student_id, origin_authority_code, origin_school_code, origin_school_name, origin_division, created_at,
            imported_at, record_count
     from portfolio_exchange where student_id = any(?::uuid[]) order by imported_at, id`,
    [`{${studentIds.join(',')}}`],
  );
  const records =
    exchanges.length === 0
      ? []
      : await ctx.em.execute<
          {
            id: string;
            exchange_id: string;
            kind: PortfolioRecordKind;
            term_key: string;
            title: string;
            data: RecordField[];
            origin_school_name: string | null;
          }[]
        >(
          `select id, exchange_id, kind, term_key, title, data, origin_school_name from exchanged_record
           where exchange_id = any(?::uuid[]) order by exchange_id, ordering`,
          [`{${exchanges.map((exchange) => exchange.id).join(',')}}`],
        );
  const files = await exchangedFilesOf(
    ctx,
    records.map((record) => record.id),
  );
  const byExchange = new Map<string, PortfolioExchange['records']>();
  for (const record of records) {
    const list = byExchange.get(record.exchange_id) ?? [];
    list.push({
      id: record.id,
      kind: record.kind,
      termKey: record.term_key,
      termLabel: termKeyLabel(record.term_key),
      title: record.title,
      fields: record.data,
      files: (files.get(record.id) ?? []).map((file) => ({ ...file, url: exchangedFileUrlOf(file.id) })),
      firstSchoolName: record.origin_school_name,
    });
    byExchange.set(record.exchange_id, list);
  }
  return studentIds.map((studentId) =>
    exchanges
      .filter((exchange) => exchange.student_id === studentId)
      .map((exchange) =>
        Object.assign(new PortfolioExchange(), {
          id: exchange.id,
          originAuthorityCode: exchange.origin_authority_code,
          originSchoolCode: exchange.origin_school_code,
          originSchoolName: exchange.origin_school_name,
          originDivision: exchange.origin_division,
          originLabel: schoolLabel({ name: exchange.origin_school_name, division: exchange.origin_division }),
          createdAt: new Date(exchange.created_at),
          importedAt: new Date(exchange.imported_at),
          recordCount: exchange.record_count,
          records: byExchange.get(exchange.id) ?? [],
        }),
      ),
  );
}

const TRANSFERRED_RECORDS = Symbol('transferred records by student');

/** The student's transferred records (what earlier schools sent), batched per request like the other loaders. */
export function transferredRecordsOf(ctx: AppContext, studentId: string): Promise<PortfolioExchange[]> {
  return requestLoader(ctx, TRANSFERRED_RECORDS, (ids: readonly string[]) => exchangesOfStudents(ctx, ids)).load(
    studentId,
  );
}

interface ExportRow {
  id: string;
  file_name: string;
  size: string;
  sha256: string;
  destination_authority_code: string;
  destination_school_code: string;
  destination_division: SchoolDivision;
  record_count: number;
  file_count: number;
  created_at: Date;
}

const exportOf = (row: ExportRow): ExchangeExport =>
  Object.assign(new ExchangeExport(), {
    id: row.id,
    fileName: row.file_name,
    size: Number(row.size),
    sha256: row.sha256,
    destinationAuthorityCode: row.destination_authority_code,
    destinationSchoolCode: row.destination_school_code,
    destinationDivision: row.destination_division,
    recordCount: row.record_count,
    fileCount: row.file_count,
    createdAt: new Date(row.created_at),
    downloadUrl: exchangeExportUrlOf(row.id),
  });

const EXPORT_COLUMNS = `id, file_name, size, sha256, destination_authority_code, destination_school_code,
  destination_division, record_count, file_count, created_at`;

/** The exchange files the school built for the student, newest first (註冊組 only; others see none). */
export async function exchangeExportsOf(ctx: AppContext, studentId: string): Promise<ExchangeExport[]> {
  if (!mayManageStudents(ctx.viewer)) return [];
  const rows = await ctx.em.execute<ExportRow[]>(
    `select ${EXPORT_COLUMNS} from exchange_export where student_id = ? order by created_at desc, id desc limit 20`,
    [studentId],
  );
  return rows.map(exportOf);
}

const AUTHORITY_CODE = /^[A-Za-z0-9_-]{1,20}$/;
const SCHOOL_CODE = /^[0-9A-Z]{6}$/;

/** exportExchangeFile: the signed file for a school of another installation, kept for 註冊組 to download. */
export async function exportExchange(ctx: AppContext, input: ExportExchangeFileInput): Promise<Result<ExchangeExport>> {
  const viewer = requireRegistration(ctx, '產製學習歷程交換檔');
  const student = await studentOf(ctx, input.studentId);
  const authorityCode = input.authorityCode.trim();
  const schoolCode = input.schoolCode.trim().toUpperCase();
  const errors = [];
  if (!AUTHORITY_CODE.test(authorityCode)) {
    errors.push(
      userError('authorityCode', 'INVALID_AUTHORITY_CODE', '請輸入目的學校所屬教育局的代碼（英數字，最多 20 個字）。'),
    );
  }
  if (!SCHOOL_CODE.test(schoolCode)) {
    errors.push(userError('schoolCode', 'INVALID_SCHOOL_CODE', '學校代碼應為 6 個英數字，例如 313301。'));
  }
  if (errors.length > 0) return { value: null, userErrors: errors };
  const school = await ctx.loaders.schoolById.load(viewer.schoolId!);
  if (school && school.code === schoolCode && school.division === input.division) {
    return {
      value: null,
      userErrors: [userError('schoolCode', 'EXCHANGE_SAME_SCHOOL', '目的學校就是本校本部別，不需要交換檔。')],
    };
  }
  const written = await writeExchangeFile(ctx, student.id, { authorityCode, schoolCode, division: input.division });
  const [row] = await ctx.em.execute<ExportRow[]>(
    `select ${EXPORT_COLUMNS} from exchange_export where student_id = ? and sha256 = ?
     order by created_at desc, id desc limit 1`,
    [student.id, written.sha256],
  );
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'exportExchangeFile',
    targetIds: [student.id, row!.id],
    detail: {
      destinationAuthorityCode: authorityCode,
      destinationSchoolCode: schoolCode,
      destinationDivision: input.division,
      records: row!.record_count,
      files: row!.file_count,
      sha256: written.sha256,
    },
  });
  return { value: exportOf(row!), userErrors: [] };
}

/** importExchangeFile: an uploaded exchange file applied to a student of the school. */
export async function importExchange(
  ctx: AppContext,
  input: ImportExchangeFileInput,
): Promise<Result<PortfolioExchange>> {
  const viewer = requireRegistration(ctx, '匯入學習歷程交換檔');
  const student = await studentOf(ctx, input.studentId);
  const upload = await importUploadOf(ctx, viewer, input.uploadId);
  if (!upload.value) return { value: null, userErrors: upload.userErrors };
  const applied = await importExchangeFile(ctx, { sha256: upload.value.sha256!, studentId: student.id });
  if (!applied.value) return { value: null, userErrors: applied.userErrors };
  const [exchanges] = await exchangesOfStudents(ctx, [student.id]);
  const exchange = exchanges!.find((candidate) => candidate.id === applied.value!.exchangeId)!;
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'importExchangeFile',
    targetIds: [student.id, exchange.id, upload.value.id],
    detail: {
      originAuthorityCode: exchange.originAuthorityCode,
      originSchoolCode: exchange.originSchoolCode,
      originDivision: exchange.originDivision,
      records: applied.value.records,
      sha256: upload.value.sha256,
    },
  });
  return { value: exchange, userErrors: [] };
}

import type { AppContext } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { idOfType, requireIdOfType } from '../../common/ids.js';
import { termLabel } from '../../common/roc.js';
import { type Result, userError } from '../../common/user-error.js';
import { type Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { FileUpload, UploadPurpose } from '../files/upload.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { NO_CURRENT_TERM, termArgumentOrCurrent } from '../term/term.service.js';
import { type Term } from '../term/term.entity.js';
import type { RowProblem } from './columns.js';
import { courseImport } from './course-import.js';
import { enrolmentImport } from './enrolment-import.js';
import type { ImportKindHandler, ImportPlan, ImportScope, InitialPassword } from './import-kind.js';
import { ImportKind, ImportRun, ImportStatus } from './import-run.entity.js';
import { studentImport } from './student-import.js';
import { FileProblem, readTabularFile, type TabularFile } from '../../common/tabular-file.js';
import { teacherImport } from './teacher-import.js';

export const IMPORT_KINDS: Record<ImportKind, ImportKindHandler> = {
  [ImportKind.STUDENTS]: studentImport,
  [ImportKind.TEACHERS]: teacherImport,
  [ImportKind.COURSES]: courseImport,
  [ImportKind.ENROLMENTS]: enrolmentImport,
};

function requireImporter(ctx: AppContext, handler: ImportKindHandler): Viewer {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !handler.mayImport(viewer)) throw forbidden(handler.permission);
  return viewer;
}

const fileProblem = (problem: FileProblem): RowProblem => ({
  rowNumber: 0,
  column: null,
  code: problem.code,
  message: problem.message,
});

/** Reads an import file's rows, or the one problem that keeps it from being read (not a table, too big, no rows). */
export async function readImportFile(
  ctx: AppContext,
  upload: FileUpload,
): Promise<{ file: TabularFile; problem: null } | { file: null; problem: RowProblem }> {
  const bytes = await ctx.services.files.read(upload.sha256!);
  try {
    const { maxRows, maxUncompressedBytes } = ctx.services.config.imports;
    const file = await readTabularFile(bytes, { maxRows, maxUncompressedBytes });
    if (file.rows.length === 0) {
      return {
        file: null,
        problem: { rowNumber: 0, column: null, code: 'EMPTY_FILE', message: '檔案只有欄位名稱，沒有資料列。' },
      };
    }
    return { file, problem: null };
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    return { file: null, problem: fileProblem(error) };
  }
}

/** Reads the stored file and checks it against the school's data as it is now. */
async function planImport(
  ctx: AppContext,
  viewer: Viewer,
  handler: ImportKindHandler,
  upload: FileUpload,
  term: Term,
): Promise<ImportPlan> {
  const academicYear = await ctx.loaders.academicYearById.load(term.academicYear.id);
  const scope: ImportScope = {
    em: ctx.em,
    services: ctx.services,
    viewer,
    schoolId: viewer.schoolId!,
    term,
    termLabel: termLabel(academicYear!.year, term.semester),
    today: ctx.services.clock.now(),
  };
  const { file, problem } = await readImportFile(ctx, upload);
  if (!file) {
    return {
      rowCount: 0,
      problems: [problem],
      counts: { toCreate: 0, toUpdate: 0, unchanged: 0 },
      apply: () => Promise.reject(new Error(problem.code)),
    };
  }
  return handler.plan(scope, file);
}

/** The viewer's own uploaded import file, complete: how every import-like step takes the file it was given. */
export async function importUploadOf(
  ctx: AppContext,
  viewer: Viewer,
  uploadGlobalId: string,
  field = 'uploadId',
): Promise<Result<FileUpload>> {
  const uploadId = idOfType(uploadGlobalId, 'FileUpload');
  const upload = uploadId
    ? await ctx.em.findOne(FileUpload, { id: uploadId, createdBy: viewer.accountId, purpose: UploadPurpose.IMPORT })
    : null;
  if (!upload) {
    return { value: null, userErrors: [userError(field, 'UPLOAD_NOT_FOUND', '找不到上傳的檔案，請重新選擇檔案。')] };
  }
  if (!upload.sha256) {
    return { value: null, userErrors: [userError(field, 'UPLOAD_INCOMPLETE', '檔案還沒有上傳完成，請重新上傳。')] };
  }
  return { value: upload, userErrors: [] };
}

export interface PreviewImportArgs {
  kind: ImportKind;
  uploadId: string;
  termId?: string | null;
}

/**
 * The dry run: checks an uploaded file and records the result, with every problem by row number, and what a commit
 * would create, update or leave as it is. Writes nothing but the import record.
 */
export async function previewImport(ctx: AppContext, args: PreviewImportArgs): Promise<Result<ImportRun>> {
  const handler = IMPORT_KINDS[args.kind];
  const viewer = requireImporter(ctx, handler);
  const found = await importUploadOf(ctx, viewer, args.uploadId);
  if (!found.value) return { value: null, userErrors: found.userErrors };
  const upload = found.value;
  const term = await termArgumentOrCurrent(ctx, args.termId);
  if (!term) return { value: null, userErrors: [NO_CURRENT_TERM] };

  const plan = await planImport(ctx, viewer, handler, upload, term);
  const run = ctx.em.create(ImportRun, {
    school: viewer.schoolId!,
    kind: args.kind,
    upload,
    term,
    fileName: upload.fileName,
    fileSha256: upload.sha256!,
    status: plan.problems.length === 0 ? ImportStatus.PREVIEWED : ImportStatus.REJECTED,
    rowCount: plan.rowCount,
    problemCount: plan.problems.length,
    problems: plan.problems,
    ...plan.counts,
    createdBy: ctx.em.getReference(UserAccount, viewer.accountId),
    createdAt: ctx.services.clock.now(),
  });
  await ctx.em.flush();
  return { value: run, userErrors: [] };
}

export interface CommitOutcome {
  run: ImportRun;
  initialPasswords: InitialPassword[];
}

/**
 * Writes a checked file, all rows or none. The file is checked again first, since the school's data may have
 * changed since the dry run; any problem now refuses the whole file.
 */
export async function commitImport(ctx: AppContext, importId: string): Promise<Result<CommitOutcome>> {
  const id = requireIdOfType(importId, 'ImportRun', '匯入紀錄', 'importId');
  const run = await ctx.em.findOne(ImportRun, { id }, { populate: ['upload', 'term'] });
  if (!run) throw notFound('匯入紀錄');
  const handler = IMPORT_KINDS[run.kind];
  const viewer = requireImporter(ctx, handler);
  if (run.status === ImportStatus.COMMITTED) {
    return { value: null, userErrors: [userError('importId', 'ALREADY_COMMITTED', '這個檔案已經匯入過了。')] };
  }
  if (run.status === ImportStatus.REJECTED) {
    return {
      value: null,
      userErrors: [userError('importId', 'HAS_PROBLEMS', `檔案有 ${run.problemCount} 個問題，請修正後重新上傳。`)],
    };
  }
  const plan = await planImport(ctx, viewer, handler, run.upload.getEntity(), run.term.getEntity());
  if (plan.problems.length > 0) {
    return {
      value: null,
      userErrors: plan.problems.map((problem) =>
        userError('importId', 'DATA_CHANGED', `檢查後資料已有變動：${problem.message}`),
      ),
    };
  }
  const outcome = await plan.apply();
  Object.assign(run, {
    ...plan.counts,
    rowCount: plan.rowCount,
    status: ImportStatus.COMMITTED,
    committedBy: ctx.em.getReference(UserAccount, viewer.accountId),
    committedAt: ctx.services.clock.now(),
  });
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'import.commit',
    targetIds: [run.id],
    detail: {
      kind: run.kind,
      fileSha256: run.fileSha256,
      rowCount: plan.rowCount,
      ...plan.counts,
      changedRows: outcome.changedIds.length,
      accountsCreated: outcome.initialPasswords.length,
    },
  });
  return { value: { run, initialPasswords: outcome.initialPasswords }, userErrors: [] };
}

import type { AppContext } from '../../../common/context.js';
import { forbidden } from '../../../common/errors.js';
import { idOfType } from '../../../common/ids.js';
import { maskNationalId, normalizeNationalId } from '../../../common/national-id.js';
import { type Result, userError } from '../../../common/user-error.js';
import { recordAudit } from '../../audit/audit.service.js';
import { finalLockedError, finalLockOf, roundCategoryOf } from '../final-lock.js';
import { periodLabel } from '../../../common/data-period.js';
import { storeAnswerAsUpload, XLSX_TYPE } from '../../files/generated-upload.js';
import { findAttachableUpload } from '../../files/upload.service.js';
import { type FileUpload, UploadPurpose } from '../../files/upload.entity.js';
import { FileProblem, readTabularFile } from '../../../common/tabular-file.js';
import { Student } from '../../people/student.entity.js';
import { UserAccount } from '../../people/user-account.entity.js';
import { Submission, SubmissionRow } from '../submission.entity.js';
import { NATIONAL_ID_COLUMN, rosterNameOf } from '../central/rosters.js';
import { rosterScopeOf } from '../roster-scope.js';
import {
  nationalIdMatchKey,
  submittedNationalId,
  submittedNationalIdKey,
} from '../submission/submitted-national-ids.js';
import { centralGateway } from '../central/central-gateway.js';
import { ReceiptImport, ReceiptRow, ReceiptStatus, Reconciliation } from '../receipt.entity.js';
import {
  hasSeveralRosters,
  kindOfLabel,
  kindsOfCategory,
  RECEIPT_HEAD,
  RECEIPT_KINDS,
  RECEIPT_ROSTER_COLUMN,
  RECEIPT_TAIL,
  RECEIVED,
  REJECTED,
  type ReceiptKind,
  rosterOfName,
  semesterCellOf,
} from '../central/receipt-format.js';
import { readPackage } from '../central/package-reader.js';
import { mayHandleReceipts } from '../round.permissions.js';
import { CURRENT_IMPORTS_SQL } from '../current-receipts.js';
import { rowsWithJoined, tenantSchoolOf } from '../../../common/loaders.js';
import type { Term } from '../../term/term.entity.js';

async function submissionOf(ctx: AppContext, globalId: string): Promise<Submission | null> {
  const id = idOfType(globalId, 'Submission');
  return id ? ctx.em.findOne(Submission, { id }) : null;
}

async function scopeOf(ctx: AppContext, submission: Submission) {
  return rosterScopeOf(ctx, (await ctx.loaders.termById.load(submission.term.id))!, submission);
}

/** The stored package as a stream; a package the store lost is an internal fault (restore it from the backup). */
async function openPackage(ctx: AppContext, submission: Submission) {
  const stream = await ctx.services.files.open(submission.zipSha256);
  if (!stream) throw new Error('stored submission package missing');
  return stream;
}

/**
 * The submission's rosters with their columns as submitted, by path. Kept with the submission; a submission made
 * before they were kept has a package of rosters only, read for them.
 */
async function rosterColumnsOf(ctx: AppContext, submission: Submission): Promise<Record<string, string[]>> {
  if (submission.rosterColumns) return submission.rosterColumns;
  const { rosters } = await readPackage(() => openPackage(ctx, submission), ctx.services.files);
  return Object.fromEntries(rosters.map((roster) => [roster.path, roster.columns]));
}

/**
 * The kind a receipt list with no rows answers: one can only answer a package with nothing of its kind (no student
 * selected a performance), which then is the category's one kind. Otherwise such a package's receipts could never
 * be imported, and its category never finally submitted.
 */
async function kindOfEmptyReceipt(ctx: AppContext, submission: Submission): Promise<ReceiptKind | null> {
  const [only, ...others] = kindsOfCategory(submission.category);
  if (!only || others.length > 0) return null;
  const submitted = await ctx.em.count(SubmissionRow, {
    submission,
    roster: { $in: [...RECEIPT_KINDS[only].rosters] },
  });
  return submitted === 0 ? only : null;
}

const NOT_FOUND = userError('submissionId', 'SUBMISSION_NOT_FOUND', '找不到指定的提交紀錄。');

/**
 * Sends a stored package through the configured gateway. The reference repository answers at once: its receipt
 * files are stored as import uploads of the viewer, ready for `importReceipts`. File exchange answers with a
 * userError telling staff to hand the downloaded package over and import the receipt files they get back.
 */
export async function sendToCentralRepository(
  ctx: AppContext,
  input: { submissionId: string },
): Promise<Result<FileUpload[]>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayHandleReceipts(viewer)) throw forbidden('送出資料包至中央資料庫');
  const submission = await submissionOf(ctx, input.submissionId);
  if (!submission) return { value: null, userErrors: [NOT_FOUND] };
  const gateway = centralGateway(ctx.services.config.centralGateway, ctx.services.config.portfolio);
  const now = ctx.services.clock.now();
  const answer = await gateway.send({
    ...(await scopeOf(ctx, submission)),
    openZip: () => openPackage(ctx, submission),
    scratch: ctx.services.files,
    at: now,
  });
  if (answer === null) {
    return {
      value: null,
      userErrors: [
        userError(
          'submissionId',
          'FILE_EXCHANGE',
          '本系統以檔案交換方式連接中央資料庫：請下載資料包上傳至中央資料庫，收到收訖明細後再於此匯入。',
        ),
      ],
    };
  }
  const uploads: FileUpload[] = [];
  for (const file of answer) {
    uploads.push(await storeAnswerAsUpload(ctx, { ...file, contentType: XLSX_TYPE }, now));
  }
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'submission.send_reference',
    targetIds: [submission.id, ...uploads.map((upload) => upload.id)],
    detail: { receipts: answer.map((file) => ({ kind: file.kind, received: file.received, rejected: file.rejected })) },
  });
  return { value: uploads, userErrors: [] };
}

const fileError = (code: string, message: string) => ({
  value: null,
  userErrors: [userError('uploadId', code, message)],
});

/**
 * Imports one receipt file for a submission and reconciles it against the submitted rows: every row of the file
 * becomes a receipt row (OK, REJECTED, CHANGED or EXTRA), and every submitted row the file does not list a MISSING
 * one. A kind of several rosters (修課紀錄, 多元表現) answers them all in one file: each row is matched within the
 * roster its 名冊 names, by that roster's identity columns, and compared on that roster's columns. The file must be
 * for the viewer's school and the submission's term and category; the same file again returns the earlier import
 * and writes nothing; another file for a kind already imported is refused.
 */
export async function importReceipts(
  ctx: AppContext,
  input: { submissionId: string; uploadId: string },
): Promise<Result<ReceiptImport>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayHandleReceipts(viewer)) throw forbidden('匯入收訖明細');
  const submission = await submissionOf(ctx, input.submissionId);
  if (!submission) return { value: null, userErrors: [NOT_FOUND] };
  if (await finalLockOf(ctx.em, roundCategoryOf(submission))) {
    return { value: null, userErrors: [finalLockedError('submissionId', submission.category)] };
  }
  const { upload, error } = await findAttachableUpload(ctx, input.uploadId, UploadPurpose.IMPORT, 'uploadId');
  if (!upload) return { value: null, userErrors: [error!] };

  const bytes = await ctx.services.files.read(upload.sha256!);
  let table;
  try {
    table = await readTabularFile(bytes, ctx.services.config.imports);
  } catch (problem) {
    if (problem instanceof FileProblem) return fileError(problem.code, problem.message);
    throw problem;
  }
  const at = (name: string) => table.headers.indexOf(name);
  const missingColumns = [...RECEIPT_HEAD, ...RECEIPT_TAIL, NATIONAL_ID_COLUMN].filter((name) => at(name) < 0);
  if (missingColumns.length > 0) {
    return fileError(
      'NOT_A_RECEIPT_FILE',
      `這不是收訖明細檔：缺少欄位「${missingColumns.join('、')}」。請上傳中央資料庫回覆的收訖明細原檔。`,
    );
  }
  const text = (cells: { text: string }[], name: string) => (cells[at(name)]?.text ?? '').trim();

  const scope = await scopeOf(ctx, submission);
  const labels = new Set(table.rows.map((row) => text(row.cells, '收訖種類')));
  const kind =
    table.rows.length === 0
      ? await kindOfEmptyReceipt(ctx, submission)
      : labels.size === 1
        ? kindOfLabel([...labels][0]!)
        : null;
  if (!kind && table.rows.length === 0) return fileError('EMPTY_FILE', '收訖明細檔裡沒有資料列。');
  if (!kind) {
    return fileError('UNKNOWN_RECEIPT_KIND', '收訖種類須為同一種：校內幹部、修課紀錄、課程學習成果或多元表現。');
  }
  const spec = RECEIPT_KINDS[kind];
  if (table.rows.some((row) => text(row.cells, '學校代碼') !== scope.schoolCode)) {
    return fileError(
      'RECEIPT_OTHER_SCHOOL',
      `這份收訖明細不是本校（學校代碼 ${scope.schoolCode}）的，未匯入任何資料。`,
    );
  }
  const semester = semesterCellOf(kind, scope.semester);
  if (
    table.rows.some((row) => text(row.cells, '學年度') !== String(scope.year) || text(row.cells, '學期') !== semester)
  ) {
    const period = periodLabel({ year: scope.year, semester: Number(semester) as 0 | 1 | 2 });
    return fileError('RECEIPT_OTHER_TERM', `這份收訖明細不是 ${period}的，未匯入任何資料。`);
  }
  if (spec.category !== submission.category) {
    return fileError('RECEIPT_KIND_MISMATCH', `「${spec.label}」的收訖明細不屬於這次提交的類別，未匯入任何資料。`);
  }
  const badStatus = table.rows.find((row) => ![RECEIVED, REJECTED].includes(text(row.cells, '收訖狀態')));
  if (badStatus) {
    return fileError(
      'INVALID_RECEIPT_ROW',
      `第 ${badStatus.rowNumber} 列的收訖狀態須為「${RECEIVED}」或「${REJECTED}」，檔案可能不完整，未匯入任何資料。`,
    );
  }

  // Which submitted roster each row answers: the one its 名冊 names, or, in a file without that column, the only
  // roster of the kind that had rows in this submission (every kind of one roster, a round whose 多元表現 were all of
  // one category, and submissions made before there were more).
  const rosterColumns = await rosterColumnsOf(ctx, submission);
  const ofKind = Object.keys(rosterColumns).filter((path) => spec.rosters.includes(path));
  const submittedRosters =
    ofKind.length === 1 ? ofKind : ofKind.filter((path) => (submission.rowCounts[path] ?? 0) > 0);
  const named = at(RECEIPT_ROSTER_COLUMN) >= 0;
  if (!named && submittedRosters.length !== 1 && table.rows.length > 0) {
    const names = ofKind.map(rosterNameOf).join('、');
    return fileError(
      'RECEIPT_ROSTER_UNKNOWN',
      `這份收訖明細沒有「${RECEIPT_ROSTER_COLUMN}」欄，無法判斷每一列屬於這次提交「${spec.label}」的哪個名冊（${names}），未匯入任何資料。請上傳中央資料庫回覆的收訖明細原檔。`,
    );
  }
  const rosterOfRow = (cells: { text: string }[]): string | null =>
    named ? rosterOfName(kind, text(cells, RECEIPT_ROSTER_COLUMN)) : submittedRosters[0]!;
  const badRoster = table.rows.find((row) => !rosterOfRow(row.cells));
  if (badRoster) {
    return fileError(
      'INVALID_RECEIPT_ROW',
      `第 ${badRoster.rowNumber} 列的名冊「${text(badRoster.cells, RECEIPT_ROSTER_COLUMN)}」不是「${spec.label}」的名冊，未匯入任何資料。`,
    );
  }

  // One import per submission at a time: a second, concurrent request waits here and then sees the first one's.
  await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`receipts:${submission.id}`]);
  const sha256 = upload.sha256!;
  const earlier = await ctx.em.findOne(ReceiptImport, { submission, kind });
  if (earlier) {
    if (earlier.fileSha256 === sha256) return { value: earlier, userErrors: [] };
    return fileError(
      'RECEIPT_ALREADY_IMPORTED',
      `這次提交的「${spec.label}」收訖明細已於先前匯入另一個檔案，未匯入任何資料。`,
    );
  }

  // The submitted rows of the kind's rosters, each with its roster's column names as submitted.
  const submitted = await ctx.em.find(
    SubmissionRow,
    { submission, roster: { $in: submittedRosters } },
    { orderBy: { roster: 'asc', rowNumber: 'asc' } },
  );
  const cellText = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value).trim();
  // Submitted rows keep the national ID sealed: it is matched and compared by its keyed digest, on both sides.
  const pii = ctx.services.pii;
  const columnsOf = (roster: string): string[] => rosterColumns[roster] ?? [];
  const submittedValue = (row: SubmissionRow, name: string) => {
    const columns = columnsOf(row.roster);
    return name === NATIONAL_ID_COLUMN
      ? submittedNationalIdKey(pii, row, columns.indexOf(NATIONAL_ID_COLUMN))
      : cellText(row.cells[columns.indexOf(name)]);
  };
  // A roster not in the submission (a row the school did not send) is named by the identity columns the file has.
  const identityColumns = (roster: string) =>
    spec.identity.filter((name) => (roster in rosterColumns ? columnsOf(roster).includes(name) : at(name) >= 0));
  const identityOf = (roster: string, value: (name: string) => string) =>
    JSON.stringify([roster, ...identityColumns(roster).map(value)]);
  const open = new Map<string, SubmissionRow[]>();
  for (const row of submitted) {
    const key = identityOf(row.roster, (name) => submittedValue(row, name));
    open.set(key, [...(open.get(key) ?? []), row]);
  }
  const keyFields = (roster: string, value: (name: string) => string): Record<string, string> => ({
    ...(hasSeveralRosters(kind) ? { [RECEIPT_ROSTER_COLUMN]: rosterNameOf(roster) } : {}),
    ...Object.fromEntries(
      identityColumns(roster)
        .filter((name) => name !== NATIONAL_ID_COLUMN)
        .map((name) => [name, value(name)]),
    ),
  });

  // Rows the central database lists but the school did not submit: find the student by the national ID's digest.
  const students = new Map<string, string | null>();
  const studentByNationalId = async (nationalId: string): Promise<string | null> => {
    if (!students.has(nationalId)) {
      const student = await ctx.em.findOne(Student, {
        nationalIdDigest: ctx.services.pii.digest(normalizeNationalId(nationalId)),
      });
      students.set(nationalId, student?.id ?? null);
    }
    return students.get(nationalId)!;
  };

  const receipt = ctx.em.create(ReceiptImport, {
    school: viewer.schoolId,
    submission,
    kind,
    upload,
    fileName: upload.fileName,
    fileSha256: sha256,
    receivedCount: 0,
    rejectedCount: 0,
    flaggedCount: 0,
    createdBy: ctx.em.getReference(UserAccount, viewer.accountId),
    createdAt: ctx.services.clock.now(),
  });
  const rows: ReceiptRow[] = [];
  for (const row of table.rows) {
    const value = (name: string) => text(row.cells, name);
    const comparable = (name: string) =>
      name === NATIONAL_ID_COLUMN ? nationalIdMatchKey(pii, value(name)) : value(name);
    const roster = rosterOfRow(row.cells)!;
    const status = value('收訖狀態') === RECEIVED ? ReceiptStatus.RECEIVED : ReceiptStatus.REJECTED;
    const compared = columnsOf(roster)
      .slice(3)
      .filter((name) => at(name) >= 0);
    // Of submitted rows with the same identity (two performances of one name), the one this row equals, if any:
    // pairing them by position would call the wrong one changed when the central database leaves one out.
    const candidates = open.get(identityOf(roster, comparable)) ?? [];
    const equal = candidates.findIndex((c) => compared.every((name) => submittedValue(c, name) === comparable(name)));
    const match = candidates.splice(Math.max(equal, 0), 1)[0] ?? null;
    const changed = match ? compared.filter((name) => submittedValue(match, name) !== comparable(name)) : [];
    const nationalId = normalizeNationalId(value(NATIONAL_ID_COLUMN));
    rows.push(
      ctx.em.create(ReceiptRow, {
        school: viewer.schoolId,
        receiptImport: receipt,
        submission,
        kind,
        rowNumber: row.rowNumber,
        submissionRow: match,
        student: match ? (match.student?.id ?? null) : await studentByNationalId(nationalId),
        nationalIdMasked: nationalId ? maskNationalId(nationalId) : null,
        keyFields: keyFields(roster, value),
        status,
        reason: status === ReceiptStatus.REJECTED ? value('退件原因') || null : null,
        reconciliation: !match
          ? Reconciliation.EXTRA
          : changed.length > 0
            ? Reconciliation.CHANGED
            : status === ReceiptStatus.REJECTED
              ? Reconciliation.REJECTED
              : Reconciliation.OK,
        changedColumns: changed,
      }),
    );
  }
  for (const left of open.values()) {
    for (const match of left) {
      const nationalIdAt = columnsOf(match.roster).indexOf(NATIONAL_ID_COLUMN);
      const nationalId = normalizeNationalId(submittedNationalId(pii, match, nationalIdAt));
      rows.push(
        ctx.em.create(ReceiptRow, {
          school: viewer.schoolId,
          receiptImport: receipt,
          submission,
          kind,
          rowNumber: null,
          submissionRow: match,
          student: match.student?.id ?? null,
          nationalIdMasked: nationalId ? maskNationalId(nationalId) : null,
          keyFields: keyFields(match.roster, (name) => submittedValue(match, name)),
          status: ReceiptStatus.MISSING,
          reason: null,
          reconciliation: Reconciliation.MISSING,
          changedColumns: [],
        }),
      );
    }
  }
  receipt.receivedCount = rows.filter((row) => row.status === ReceiptStatus.RECEIVED).length;
  receipt.rejectedCount = rows.filter((row) => row.status === ReceiptStatus.REJECTED).length;
  receipt.flaggedCount = rows.filter((row) => row.reconciliation !== Reconciliation.OK).length;
  await ctx.em.flush();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'receipts.import',
    targetIds: [receipt.id, submission.id, upload.id],
    detail: {
      kind,
      fileSha256: sha256,
      received: receipt.receivedCount,
      rejected: receipt.rejectedCount,
      flagged: receipt.flaggedCount,
    },
  });
  return { value: receipt, userErrors: [] };
}

/** A student's receipt rows: all of them, or in a term only those of the imports that count now. */
export async function receiptRowsOfStudent(
  ctx: AppContext,
  student: Student,
  term: Term | null,
): Promise<ReceiptRow[]> {
  const orderBy = { kind: 'asc', rowNumber: 'asc', id: 'asc' } as const;
  if (!term) return ctx.em.find(ReceiptRow, { student: student.id }, { orderBy });
  const schoolId = tenantSchoolOf(ctx.em);
  if (!schoolId) return [];
  // One statement, with each row's submitted row, which the page's fields read through its loader (found in the
  // request's identity map): the page students reload while confirming. The few submissions the rows share, whose
  // roster columns are large, come through their own loader rather than once a row.
  return rowsWithJoined(
    ctx.em,
    ReceiptRow,
    'r',
    [{ entity: SubmissionRow, alias: 'sr' }],
    `from receipt_row r
       join (${CURRENT_IMPORTS_SQL}) cur on cur.school_id = r.school_id and cur.id = r.receipt_import_id
       left join submission_row sr on sr.school_id = r.school_id and sr.id = r.submission_row_id
      where r.school_id = ? and r.student_id = ?
      order by r.kind, r.row_number, r.id`,
    [term.id, schoolId, student.id],
  );
}

export interface ClassReceiptCounts {
  className: string | null;
  received: number;
  rejected: number;
  flagged: number;
}

/** One submission's receipt rows counted per class of the student they name. */
export function receiptClassSummary(ctx: AppContext, submissionId: string): Promise<ClassReceiptCounts[]> {
  return ctx.em.execute<ClassReceiptCounts[]>(
    `select k.name as "className",
              count(*) filter (where r.status = 'RECEIVED')::int as received,
              count(*) filter (where r.status = 'REJECTED')::int as rejected,
              count(*) filter (where r.reconciliation <> 'OK')::int as flagged
       from receipt_row r
       join submission u on u.school_id = r.school_id and u.id = r.submission_id
       join term t on t.school_id = u.school_id and t.id = u.term_id
       left join student s on s.school_id = r.school_id and s.id = r.student_id
       -- The class of the submission's year: where the rollover recorded it, else the student's class now.
       left join class_placement p
         on p.school_id = s.school_id and p.student_id = s.id and p.academic_year_id = t.academic_year_id
       left join school_class k on k.school_id = s.school_id and k.id = coalesce(p.class_id, s.class_id)
       where r.submission_id = ?
       group by k.name
       order by k.name nulls last`,
    [submissionId],
  );
}

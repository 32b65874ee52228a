import type { AppContext } from '../../common/context.js';
import { grade12CohortOf, periodLabel } from '../../common/data-period.js';
import { toGlobalId } from '../../common/ids.js';
import { AdminSection, Role } from '../../common/roles.js';
import { hasRole, hasSection, type Viewer } from '../../common/viewer.js';
import { PERFORMANCE_CATEGORY_LABELS, type PerformanceCategory } from '../../common/performance-category.js';
import { formatRocDateTime, termLabel } from '../../common/roc.js';
import { SubmissionCategory } from '../../common/submission-category.js';
import type { Student } from '../people/student.entity.js';
import { CERTIFICATION_STATUS_LABELS, CertificationStatus } from '../portfolio/portfolio.enums.js';
import { receiptRowValues } from '../round/confirmation/receipt-fields.js';
import { OUTCOME_KIND_LABEL, OUTCOME_ROSTER_COLUMNS } from '../round/central/rosters.js';
import { DISPUTE_STATUS_LABELS, DisputeStatus, ReviewDecision } from '../round/confirmation.entity.js';
import {
  LEGACY_PERFORMANCE_ROSTER,
  PERFORMANCE_ROSTER_PATHS,
  ROSTER_PATHS,
  rosterNameOf,
} from '../round/central/rosters.js';
import { ReceiptStatus, Reconciliation } from '../round/receipt.entity.js';
import { TimelineExtension, TimelineTask } from '../timeline/timeline-task.entity.js';
import { TaskKind } from '../timeline/timeline.enums.js';
import type { WindowAnswer } from '../timeline/window-policy.service.js';
import {
  LEDGER_ACTOR_LABELS,
  LEDGER_STEP_LABELS,
  LedgerActor,
  type LedgerFlag,
  LedgerFlagKind,
  type LedgerItem,
  LedgerItemKind,
  type LedgerStage,
  LedgerStep,
  LedgerStepState,
  type LedgerVersion,
  type LedgerWindow,
  type LedgerYear,
  type StudentLedger,
  type LedgerTransferredItem,
} from './ledger.types.js';

// ---------------------------------------------------------------------------------------------------------------
// What is read: a fixed number of statements per student, whatever the number of items (each batched by student).

interface VersionRow {
  version: number;
  description: string;
  status: CertificationStatus;
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
  decidedBy: string | null;
  proxyFor: string | null;
  docSha: string | null;
  mediaSha: string | null;
}

interface OutcomeRow {
  id: string;
  kind: string;
  status: CertificationStatus;
  selected_at: Date | null;
  created_at: Date;
  year: number;
  semester: 1 | 2;
  code: string;
  subject_name: string;
  versions: VersionRow[];
}

interface PerformanceRow {
  id: string;
  category: PerformanceCategory;
  title: string;
  description: string;
  selected_at: Date | null;
  created_at: Date;
  year: number;
  doc_sha: string | null;
  media_sha: string | null;
}

interface SubmittedRow {
  id: string;
  roster: string;
  row_number: number;
  cells: (string | number | null)[];
  columns: string[] | null;
  submission_id: string;
  category: SubmissionCategory;
  grade12_round: boolean;
  submitted_at: Date;
  year: number;
}

interface ReceiptRowData {
  id: string;
  submission_row_id: string | null;
  status: ReceiptStatus;
  reconciliation: Reconciliation;
  reason: string | null;
  changed_columns: string[];
  imported_at: Date;
  decision: ReviewDecision | null;
  decided_at: Date | null;
  dispute_status: DisputeStatus | null;
  dispute_reason: string | null;
  dispute_answer: string | null;
  raised_at: Date | null;
  resolved_at: Date | null;
  resubmission_id: string | null;
}

interface RoundSubmission {
  id: string;
  year: number;
  category: SubmissionCategory;
  grade12_round: boolean;
  created_at: Date;
  receipts_imported_at: Date | null;
}

interface LockRow {
  year: number;
  category: SubmissionCategory;
  grade12_round: boolean;
  locked_at: Date;
  locked_by: string | null;
}

const ANNUAL = `'${SubmissionCategory.COURSE_OUTCOMES}', '${SubmissionCategory.PERFORMANCES}'`;

const OUTCOMES_SQL = `
  select o.id, o.kind, o.status, o.selected_at, o.created_at, y.year, t.semester, c.code, c.subject_name,
         json_agg(json_build_object(
           'version', v.version, 'description', v.description, 'status', v.status, 'createdAt', v.created_at,
           'decidedAt', v.decided_at, 'reason', v.reason, 'decidedBy', da.display_name, 'proxyFor', pa.display_name,
           'docSha', d.sha256, 'mediaSha', m.sha256) order by v.version) as versions
  from course_outcome o
  join term t on t.school_id = o.school_id and t.id = o.term_id
  join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
  join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
  join course_section cs on cs.school_id = e.school_id and cs.id = e.section_id
  join course c on c.school_id = cs.school_id and c.id = cs.course_id
  join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id
  left join user_account da on da.school_id = v.school_id and da.id = v.decided_by
  left join user_account pa on pa.school_id = v.school_id and pa.id = v.decided_as_proxy_for
  left join upload d on d.school_id = v.school_id and d.id = v.document_upload_id
  left join upload m on m.school_id = v.school_id and m.id = v.media_upload_id
  where o.student_id = ?
  group by o.school_id, o.id, y.year, t.semester, c.code, c.subject_name
  order by y.year, t.semester, c.code, o.created_at, o.id`;

const PERFORMANCES_SQL = `
  select p.id, p.category, p.title, p.description, p.selected_at, p.created_at, y.year,
         d.sha256 as doc_sha, m.sha256 as media_sha
  from diverse_performance p
  join academic_year y on y.school_id = p.school_id and y.id = p.academic_year_id
  left join upload d on d.school_id = p.school_id and d.id = p.document_upload_id
  left join upload m on m.school_id = p.school_id and m.id = p.media_upload_id
  where p.student_id = ?
  order by y.year, p.created_at, p.id`;

const SUBMITTED_ROWS_SQL = `
  select sr.id, sr.roster, sr.row_number, sr.cells, s.roster_columns -> sr.roster as columns, s.id as submission_id,
         s.category, s.grade12_round, s.created_at as submitted_at, y.year
  from submission_row sr
  join submission s on s.school_id = sr.school_id and s.id = sr.submission_id
  join term t on t.school_id = s.school_id and t.id = s.term_id
  join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
  where sr.student_id = ? and s.category in (${ANNUAL})
  order by s.created_at, s.id, sr.roster, sr.row_number`;

const RECEIPT_ROWS_SQL = `
  select r.id, r.submission_row_id, r.status, r.reconciliation, r.reason, r.changed_columns,
         ri.created_at as imported_at, v.decision, v.decided_at, d.status as dispute_status, d.reason as dispute_reason,
         d.answer as dispute_answer, d.raised_at, d.resolved_at, d.resubmission_id
  from receipt_row r
  join receipt_import ri on ri.school_id = r.school_id and ri.id = r.receipt_import_id
  left join receipt_review v on v.school_id = r.school_id and v.receipt_row_id = r.id
  left join dispute d on d.school_id = r.school_id and d.receipt_row_id = r.id
  where r.student_id = ? and r.kind in (${ANNUAL})
  order by ri.created_at, r.id`;

const SUBMISSIONS_SQL = `
  select s.id, y.year, s.category, s.grade12_round, s.created_at,
         (select max(ri.created_at) from receipt_import ri where ri.school_id = s.school_id and ri.submission_id = s.id)
           as receipts_imported_at
  from submission s
  join term t on t.school_id = s.school_id and t.id = s.term_id
  join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
  where s.category in (${ANNUAL}) and y.year = any(?::int[])
  order by s.created_at, s.id`;

const LOCKS_SQL = `
  select y.year, f.category, f.grade12_round, f.locked_at, a.display_name as locked_by
  from final_lock f
  join term t on t.school_id = f.school_id and t.id = f.term_id
  join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
  left join user_account a on a.school_id = f.school_id and a.id = f.locked_by
  where f.category in (${ANNUAL}) and y.year = any(?::int[])`;

const YEARS_SQL = `
  select y.year, t.semester from academic_year y
  left join term t on t.school_id = y.school_id and t.academic_year_id = y.id
  where y.year between ? and ?
  order by y.year, t.semester`;

const TRANSFERRED_SQL = `
  select r.id, r.kind, r.term_key, r.title, coalesce(r.origin_school_name, e.origin_school_name) as origin_school,
         e.imported_at
  from exchanged_record r
  join portfolio_exchange e on e.school_id = r.school_id and e.id = r.exchange_id
  where r.student_id = ? and r.kind in ('COURSE_OUTCOME', 'PERFORMANCE')
  order by r.term_key, e.imported_at, r.ordering`;

/** Timestamps come back from raw SQL as text: turns the named columns into dates. */
function withDates<T extends object>(rows: T[], keys: (keyof T)[]): T[] {
  for (const row of rows) {
    for (const key of keys) {
      const value = row[key] as unknown;
      if (typeof value === 'string') (row as Record<keyof T, unknown>)[key] = new Date(value);
    }
  }
  return rows;
}

const intArray = (values: number[]): string => `{${values.join(',')}}`;
const date = (value: string | Date | null): Date | null => (value === null ? null : new Date(value));
const roc = (at: Date): string => formatRocDateTime(at);

// ---------------------------------------------------------------------------------------------------------------
// Which submitted row is which item: a row keeps no item id (it is the central format's), so it is recognised by its
// values, as the corrections page recognises a disputed row (corrections.service.ts: disputeRecords).

interface Candidate {
  key: string;
  year: number;
  category: SubmissionCategory;
  score: (values: Record<string, string>, roster: string) => number;
}

function outcomeCandidate(o: OutcomeRow): Candidate {
  const descriptions = new Set(o.versions.map((v) => v.description));
  const files = new Set(o.versions.flatMap((v) => [v.docSha, v.mediaSha]).filter((sha): sha is string => !!sha));
  return {
    key: o.id,
    year: o.year,
    category: SubmissionCategory.COURSE_OUTCOMES,
    score: (values, roster) => {
      if (roster !== ROSTER_PATHS.outcomes || values['課程代碼'] !== o.code) return 0;
      let score = 1;
      if (files.has(values['文件SHA-256'] ?? '') || files.has(values['影音SHA-256'] ?? '')) score += 4;
      if (descriptions.has(values['簡述'] ?? '')) score += 2;
      if (values['成果類別'] === OUTCOME_KIND_LABEL[o.kind]) score += 1;
      return score >= 3 ? score : 0;
    },
  };
}

function performanceCandidate(p: PerformanceRow): Candidate {
  return {
    key: p.id,
    year: p.year,
    category: SubmissionCategory.PERFORMANCES,
    score: (values, roster) => {
      if (roster !== PERFORMANCE_ROSTER_PATHS[p.category] && roster !== LEGACY_PERFORMANCE_ROSTER) return 0;
      if (values['名稱'] !== p.title) return 0;
      let score = 2;
      if (values['簡述'] === p.description) score += 2;
      const files = [p.doc_sha, p.media_sha].filter(Boolean);
      if (files.includes(values['文件SHA-256'] ?? '') || files.includes(values['影音SHA-256'] ?? '')) score += 4;
      return score;
    },
  };
}

/**
 * The row of each submission that carries each item: per submission, the best-scoring pairs first, each row and each
 * item used once. Returns, per item, its rows oldest submission first.
 */
function matchRows(candidates: Candidate[], rows: SubmittedRow[]): Map<string, SubmittedRow[]> {
  const bySubmission = new Map<string, SubmittedRow[]>();
  for (const row of rows) bySubmission.set(row.submission_id, [...(bySubmission.get(row.submission_id) ?? []), row]);
  const matched = new Map<string, SubmittedRow[]>();
  for (const submitted of bySubmission.values()) {
    const { year, category } = submitted[0]!;
    const pairs: { score: number; key: string; row: SubmittedRow }[] = [];
    for (const row of submitted) {
      const values = receiptRowValues(
        row.columns ?? (category === SubmissionCategory.COURSE_OUTCOMES ? OUTCOME_ROSTER_COLUMNS : null),
        row.cells,
        {},
      );
      for (const candidate of candidates) {
        if (candidate.year !== year || candidate.category !== category) continue;
        const score = candidate.score(values, row.roster);
        if (score > 0) pairs.push({ score, key: candidate.key, row });
      }
    }
    pairs.sort((a, b) => b.score - a.score || a.row.row_number - b.row.row_number);
    const usedRows = new Set<string>();
    const usedItems = new Set<string>();
    for (const pair of pairs) {
      if (usedRows.has(pair.row.id) || usedItems.has(pair.key)) continue;
      usedRows.add(pair.row.id);
      usedItems.add(pair.key);
      matched.set(pair.key, [...(matched.get(pair.key) ?? []), pair.row]);
    }
  }
  return matched;
}

// ---------------------------------------------------------------------------------------------------------------
// Building the chain

const stage = (
  step: LedgerStep,
  state: LedgerStepState,
  at: Date | null = null,
  detail: string | null = null,
): LedgerStage => ({ step, label: LEDGER_STEP_LABELS[step], state, at, detail });

const flag = (
  kind: LedgerFlagKind,
  actor: LedgerActor,
  message: string,
  link: string | null,
  dueAt: Date | null = null,
): LedgerFlag => ({ kind, actor, actorLabel: LEDGER_ACTOR_LABELS[actor], message, link, dueAt, viewerCanAct: false });

/** Whether the viewer is the one a flag asks to act, so a page links only to pages its reader may open. */
function actsAs(viewer: Viewer | null, student: Student, actor: LedgerActor): boolean {
  if (!viewer) return false;
  switch (actor) {
    case LedgerActor.STUDENT:
      return student.account?.id === viewer.accountId;
    case LedgerActor.TEACHER:
      return hasRole(viewer, Role.TEACHER);
    case LedgerActor.TEACHING:
      return hasSection(viewer, AdminSection.TEACHING);
    case LedgerActor.REGISTRATION:
      return hasSection(viewer, AdminSection.REGISTRATION);
    case LedgerActor.HOMEROOM:
      return hasRole(viewer, Role.HOMEROOM_TEACHER);
  }
}

interface YearContext {
  year: number;
  grade12: boolean;
  selectOutcomes: WindowAnswer | null;
  selectPerformances: WindowAnswer | null;
  confirm: WindowAnswer | null;
  certify: Map<number, WindowAnswer | null>;
  outcomesSelected: number;
  outcomesMax: number;
  performancesSelected: number;
  performancesMax: number;
  submissions: RoundSubmission[];
  locks: LockRow[];
}

const isOpen = (answer: WindowAnswer | null): boolean => !!answer && answer.userError === null;

/** The round an item of this year goes in for this student: its 高三 round when the school had one for them. */
function roundSubmissions(ctx: YearContext, category: SubmissionCategory): RoundSubmission[] {
  const ofCategory = ctx.submissions.filter((s) => s.category === category);
  const grade12 = ctx.grade12 && ofCategory.some((s) => s.grade12_round);
  return ofCategory.filter((s) => s.grade12_round === grade12);
}

/** The steps from selection on, shared by outcomes and performances. */
function roundStages(
  year: YearContext,
  category: SubmissionCategory,
  selectedAt: Date | null,
  rows: SubmittedRow[],
  receipts: Map<string, ReceiptRowData>,
  flags: LedgerFlag[],
): LedgerStage[] {
  const stages: LedgerStage[] = [];
  stages.push(
    selectedAt
      ? stage(LedgerStep.SELECTED, LedgerStepState.DONE, selectedAt)
      : stage(LedgerStep.SELECTED, LedgerStepState.WAITING),
  );
  const latest = rows.at(-1) ?? null;
  const round = roundSubmissions(year, category);
  if (latest) {
    stages.push(
      stage(
        LedgerStep.SUBMITTED,
        LedgerStepState.DONE,
        latest.submitted_at,
        `${latest.grade12_round ? '高三梯次・' : ''}${rosterNameOf(latest.roster)} 第 ${latest.row_number} 列` +
          (rows.length > 1 ? `（共提交 ${rows.length} 次）` : ''),
      ),
    );
  } else {
    stages.push(stage(LedgerStep.SUBMITTED, LedgerStepState.WAITING, null, round.length ? '未在提交的資料中' : null));
  }

  const receipt = latest ? (receipts.get(latest.id) ?? null) : null;
  // Receipts imported for the round after the item was selected: it should be listed.
  const answered = round.filter((s) => s.receipts_imported_at && selectedAt && s.created_at >= selectedAt);
  if (receipt && receipt.reconciliation !== Reconciliation.MISSING) {
    if (receipt.status === ReceiptStatus.REJECTED) {
      stages.push(
        stage(
          LedgerStep.RECEIVED,
          LedgerStepState.PROBLEM,
          receipt.imported_at,
          `退件：${receipt.reason ?? '未說明原因'}`,
        ),
      );
      flags.push(
        flag(
          LedgerFlagKind.REJECTED_BY_CENTRAL,
          LedgerActor.REGISTRATION,
          `中央資料庫退件（${receipt.reason ?? '未說明原因'}）：請註冊組更正後重新提交`,
          '/submissions',
        ),
      );
    } else if (receipt.reconciliation === Reconciliation.CHANGED) {
      const columns = receipt.changed_columns.join('、');
      const values = receiptRowValues(latest!.columns, latest!.cells, {});
      const submitted = receipt.changed_columns.map((c) => `${c}「${values[c] ?? ''}」`).join('、');
      stages.push(
        stage(
          LedgerStep.RECEIVED,
          LedgerStepState.PROBLEM,
          receipt.imported_at,
          `已收訖，但「${columns}」與提交的不同（提交的是 ${submitted}）`,
        ),
      );
      const confirmOpen = isOpen(year.confirm) && !receipt.decision;
      flags.push(
        confirmOpen
          ? flag(
              LedgerFlagKind.RECEIVED_CHANGED,
              LedgerActor.STUDENT,
              `收訖明細的「${columns}」與提交的不同：${roc(year.confirm!.effectiveEndsAt!)} 前到『收訖明細確認』頁提出疑義`,
              '/receipts',
              year.confirm!.effectiveEndsAt,
            )
          : flag(
              LedgerFlagKind.RECEIVED_CHANGED,
              LedgerActor.REGISTRATION,
              `收訖明細的「${columns}」與提交的不同：請註冊組向中央資料庫查明並重新提交`,
              '/submissions',
            ),
      );
    } else {
      stages.push(stage(LedgerStep.RECEIVED, LedgerStepState.DONE, receipt.imported_at, '已收訖'));
    }
  } else if (selectedAt && (receipt?.reconciliation === Reconciliation.MISSING || answered.length > 0)) {
    const at = receipt?.imported_at ?? answered.at(-1)!.receipts_imported_at;
    stages.push(stage(LedgerStep.RECEIVED, LedgerStepState.PROBLEM, at, '收訖明細沒有這一筆'));
    flags.push(
      flag(
        LedgerFlagKind.MISSING_FROM_RECEIPTS,
        LedgerActor.REGISTRATION,
        '已勾選但收訖明細沒有這一筆：請註冊組查明並重新提交',
        '/submissions',
      ),
    );
  } else {
    stages.push(stage(LedgerStep.RECEIVED, LedgerStepState.WAITING));
  }

  const confirmable = receipt && receipt.reconciliation !== Reconciliation.MISSING;
  if (confirmable && receipt.decision === ReviewDecision.CORRECT) {
    stages.push(stage(LedgerStep.CONFIRMED, LedgerStepState.DONE, receipt.decided_at, '確認無誤'));
  } else if (confirmable && receipt.decision === ReviewDecision.DISPUTED) {
    const status = receipt.dispute_status;
    const resolved = status === DisputeStatus.RESOLVED_NO_CHANGE || status === DisputeStatus.RESOLVED_CORRECTED;
    const detail =
      `提出疑義：${receipt.dispute_reason ?? ''}；${status ? DISPUTE_STATUS_LABELS[status] : '待處理'}` +
      (receipt.dispute_answer ? `（回覆：${receipt.dispute_answer}）` : '');
    stages.push(
      stage(
        LedgerStep.CONFIRMED,
        resolved ? LedgerStepState.DONE : LedgerStepState.PROBLEM,
        resolved ? receipt.resolved_at : receipt.raised_at,
        detail,
      ),
    );
    if (!resolved) {
      flags.push(
        flag(LedgerFlagKind.DISPUTE_OPEN, LedgerActor.REGISTRATION, '疑義處理中：請註冊組回覆或更正', '/disputes'),
      );
    } else if (status === DisputeStatus.RESOLVED_CORRECTED && !receipt.resubmission_id) {
      flags.push(
        flag(
          LedgerFlagKind.AWAITING_RESUBMISSION,
          LedgerActor.REGISTRATION,
          '疑義已更正，尚未重新提交：請註冊組重新提交',
          '/submissions',
        ),
      );
    }
  } else if (confirmable) {
    const open = isOpen(year.confirm);
    stages.push(stage(LedgerStep.CONFIRMED, LedgerStepState.WAITING, null, '尚未確認'));
    if (open) {
      flags.push(
        flag(
          LedgerFlagKind.RECEIPT_UNCONFIRMED,
          LedgerActor.STUDENT,
          `收訖明細尚未確認：${roc(year.confirm!.effectiveEndsAt!)} 前到『收訖明細確認』頁確認或提出疑義`,
          '/receipts',
          year.confirm!.effectiveEndsAt,
        ),
      );
    }
  } else {
    stages.push(stage(LedgerStep.CONFIRMED, LedgerStepState.WAITING));
  }

  const grade12 = latest ? latest.grade12_round : round.some((s) => s.grade12_round);
  const lock = year.locks.find((l) => l.category === category && l.grade12_round === grade12);
  stages.push(
    lock
      ? stage(
          LedgerStep.LOCKED,
          LedgerStepState.DONE,
          lock.locked_at,
          lock.locked_by ? `由 ${lock.locked_by} 完成` : null,
        )
      : stage(LedgerStep.LOCKED, LedgerStepState.WAITING),
  );
  return stages;
}

function outcomeItem(
  o: OutcomeRow,
  year: YearContext,
  rows: SubmittedRow[],
  receipts: Map<string, ReceiptRowData>,
): LedgerItem {
  const flags: LedgerFlag[] = [];
  const versions: LedgerVersion[] = o.versions.map((v) => ({
    version: v.version,
    description: v.description,
    statusLabel: CERTIFICATION_STATUS_LABELS[v.status],
    uploadedAt: new Date(v.createdAt),
    decidedAt: date(v.decidedAt),
    decidedBy: v.decidedBy,
    decidedAsProxyFor: v.proxyFor,
    reason: v.reason,
  }));
  const current = o.versions.at(-1)!;
  const stages: LedgerStage[] = [
    stage(
      LedgerStep.UPLOADED,
      LedgerStepState.DONE,
      o.created_at,
      o.versions.length > 1 ? `第 ${current.version} 版（${roc(new Date(current.createdAt))} 更換）` : null,
    ),
  ];
  const by = current.decidedBy ? `${current.decidedBy}${current.proxyFor ? `（代理 ${current.proxyFor}）` : ''}` : null;
  const certify = year.certify.get(o.semester) ?? null;
  if (o.status === CertificationStatus.CERTIFIED) {
    stages.push(
      stage(LedgerStep.CERTIFIED, LedgerStepState.DONE, date(current.decidedAt), by ? `由 ${by} 認證` : null),
    );
  } else if (o.status === CertificationStatus.REJECTED) {
    stages.push(
      stage(
        LedgerStep.CERTIFIED,
        LedgerStepState.PROBLEM,
        date(current.decidedAt),
        `未通過認證：${current.reason ?? '未說明理由'}${by ? `（${by}）` : ''}`,
      ),
    );
    if (isOpen(certify)) {
      flags.push(
        flag(
          LedgerFlagKind.NOT_CERTIFIED,
          LedgerActor.STUDENT,
          `未通過認證（${current.reason ?? '未說明理由'}）：${roc(certify!.effectiveEndsAt!)} 前到『我的學習成果』頁補件（更換檔案）`,
          '/outcomes',
          certify!.effectiveEndsAt,
        ),
      );
    }
  } else {
    stages.push(stage(LedgerStep.CERTIFIED, LedgerStepState.WAITING, null, '待認證'));
    if (isOpen(certify)) {
      flags.push(
        flag(
          LedgerFlagKind.AWAITING_CERTIFICATION,
          LedgerActor.TEACHER,
          `待任課教師認證：認證期限 ${roc(certify!.effectiveEndsAt!)}`,
          '/certify',
          certify!.effectiveEndsAt,
        ),
      );
    } else if (certify?.userError?.code === 'WINDOW_CLOSED') {
      flags.push(
        flag(
          LedgerFlagKind.CERTIFICATION_OVERDUE,
          LedgerActor.TEACHING,
          `認證已於 ${roc(certify!.effectiveEndsAt!)} 截止仍未認證：請教學組聯繫任課教師或指定代理人`,
          '/proxies',
        ),
      );
    }
  }
  if (o.status === CertificationStatus.CERTIFIED && !o.selected_at)
    notSelectedFlag(year, year.selectOutcomes, flags, 'outcomes');
  stages.push(...roundStages(year, SubmissionCategory.COURSE_OUTCOMES, o.selected_at, rows, receipts, flags));
  return {
    id: toGlobalId('CourseOutcome', o.id),
    kind: LedgerItemKind.COURSE_OUTCOME,
    title: o.subject_name,
    subtitle: `${o.code}・${OUTCOME_KIND_LABEL[o.kind] ?? o.kind}・${current.description}`,
    periodLabel: termLabel(o.year, o.semester),
    stages,
    flags,
    versions,
  };
}

function notSelectedFlag(
  year: YearContext,
  window: WindowAnswer | null,
  flags: LedgerFlag[],
  which: 'outcomes' | 'performances',
): void {
  const [selected, max] =
    which === 'outcomes'
      ? [year.outcomesSelected, year.outcomesMax]
      : [year.performancesSelected, year.performancesMax];
  // A full selection is the student's choice, not a gap.
  if (selected >= max) return;
  const category = which === 'outcomes' ? SubmissionCategory.COURSE_OUTCOMES : SubmissionCategory.PERFORMANCES;
  if (window?.userError?.code === 'WINDOW_CLOSED' && roundSubmissions(year, category).length === 0) {
    // Missed, but nothing has gone to the central database yet: a window extended for this student still fixes it.
    flags.push(
      flag(
        LedgerFlagKind.SELECTION_MISSED,
        LedgerActor.REGISTRATION,
        `${which === 'outcomes' ? '已認證但未勾選' : '未勾選'}，勾選期限 ${roc(window.effectiveEndsAt!)} 已過（本學年已勾選 ${selected}/${max}），本學年尚未提交：如學生仍要勾選，請在『期程』為這位學生延長勾選期限`,
        '/timeline',
      ),
    );
    return;
  }
  if (!isOpen(window)) return;
  flags.push(
    flag(
      LedgerFlagKind.CERTIFIED_NOT_SELECTED,
      LedgerActor.STUDENT,
      `${which === 'outcomes' ? '已認證但未勾選' : '尚未勾選'}：勾選期限 ${roc(window!.effectiveEndsAt!)} 前到『勾選』頁勾選（本學年已勾選 ${selected}/${max}）`,
      '/selection',
      window!.effectiveEndsAt,
    ),
  );
}

function performanceItem(
  p: PerformanceRow,
  year: YearContext,
  rows: SubmittedRow[],
  receipts: Map<string, ReceiptRowData>,
): LedgerItem {
  const flags: LedgerFlag[] = [];
  if (!p.selected_at) notSelectedFlag(year, year.selectPerformances, flags, 'performances');
  return {
    id: toGlobalId('DiversePerformance', p.id),
    kind: LedgerItemKind.PERFORMANCE,
    title: p.title,
    subtitle: `${PERFORMANCE_CATEGORY_LABELS[p.category] ?? p.category}・${p.description}`,
    periodLabel: periodLabel({ year: p.year, semester: 0 }),
    stages: [
      stage(LedgerStep.UPLOADED, LedgerStepState.DONE, p.created_at),
      ...roundStages(year, SubmissionCategory.PERFORMANCES, p.selected_at, rows, receipts, flags),
    ],
    flags,
    versions: [],
  };
}

const gradeLabel = (student: Student, year: number): string => {
  const grade = year - student.cohort + 1;
  return grade >= 1 && grade <= 3 ? `（高${'一二三'[grade - 1]}）` : '';
};

/**
 * The ledger of one student (the caller has decided the viewer may see them): every course outcome and diverse
 * performance, each with its chain from upload to the final lock, grouped by academic year, newest year first.
 */
export async function studentLedger(ctx: AppContext, student: Student): Promise<StudentLedger> {
  const { em } = ctx;
  const outcomes = withDates(await em.execute<OutcomeRow[]>(OUTCOMES_SQL, [student.id]), ['selected_at', 'created_at']);
  const performances = withDates(await em.execute<PerformanceRow[]>(PERFORMANCES_SQL, [student.id]), [
    'selected_at',
    'created_at',
  ]);
  const submittedRows = withDates(await em.execute<SubmittedRow[]>(SUBMITTED_ROWS_SQL, [student.id]), ['submitted_at']);
  const receiptRows = withDates(await em.execute<ReceiptRowData[]>(RECEIPT_ROWS_SQL, [student.id]), [
    'imported_at',
    'decided_at',
    'raised_at',
    'resolved_at',
  ]);
  const transferredRows = withDates(
    await em.execute<
      { id: string; kind: string; term_key: string; title: string; origin_school: string; imported_at: Date }[]
    >(TRANSFERRED_SQL, [student.id]),
    ['imported_at'],
  );
  const school = await em.execute<{ outcome_upload_cap: number | null }[]>(
    'select outcome_upload_cap from school where id = ?',
    [student.schoolId],
  );
  const itemYears = [...outcomes.map((o) => o.year), ...performances.map((p) => p.year)];
  const first = Math.min(student.cohort, ...itemYears);
  const last = Math.max(student.cohort + 2, ...itemYears);
  const yearRows = await em.execute<{ year: number; semester: 1 | 2 | null }[]>(YEARS_SQL, [first, last]);
  const years = [...new Set([...yearRows.map((r) => r.year), ...itemYears])].sort((a, b) => b - a);
  const submissions = withDates(await em.execute<RoundSubmission[]>(SUBMISSIONS_SQL, [intArray(years)]), [
    'created_at',
    'receipts_imported_at',
  ]);
  const locks = withDates(await em.execute<LockRow[]>(LOCKS_SQL, [intArray(years)]), ['locked_at']);
  const [tasks] = await Promise.all([
    years.length
      ? em.find(TimelineTask, {
          kind: {
            $in: [
              TaskKind.CERTIFY_COURSE_OUTCOMES,
              TaskKind.SELECT_COURSE_OUTCOMES,
              TaskKind.SELECT_PERFORMANCES,
              TaskKind.CONFIRM_RECEIPTS,
            ],
          },
          dataYear: { $in: years },
        })
      : Promise.resolve([] as TimelineTask[]),
  ]);
  const extensions = tasks.length
    ? await em.find(TimelineExtension, { student: student.id, task: { $in: tasks.map((t) => t.id) } })
    : [];
  const extensionOf = new Map(extensions.map((e) => [e.task.id, e]));

  // One window per kind and period, as the window policy picks it (the 高三 round's for a grade-12 student when the
  // school has one), answered by the policy itself.
  const windowOf = (kind: TaskKind, year: number, semester: 0 | 1 | 2): WindowAnswer | null => {
    const candidates = tasks.filter((t) => t.kind === kind && t.dataYear === year && t.dataSemester === semester);
    const grade12 = student.cohort === grade12CohortOf(year) && candidates.some((t) => t.grade12Round);
    const task = candidates.find((t) => t.grade12Round === grade12);
    return task ? ctx.services.windows.answer(task, extensionOf.get(task.id) ?? null) : null;
  };

  const receiptsByRow = new Map<string, ReceiptRowData>();
  // Oldest import first, so the newest answer for a row wins.
  for (const row of receiptRows) if (row.submission_row_id) receiptsByRow.set(row.submission_row_id, row);
  const matched = matchRows(
    [...outcomes.map(outcomeCandidate), ...performances.map(performanceCandidate)],
    submittedRows,
  );
  const { maxSelectedOutcomes, maxSelectedPerformances } = ctx.services.config.portfolio;
  const uploadCap = school[0]?.outcome_upload_cap ?? null;

  const ledgerYears: LedgerYear[] = years.map((year) => {
    const yearOutcomes = outcomes.filter((o) => o.year === year);
    const yearPerformances = performances.filter((p) => p.year === year);
    const context: YearContext = {
      year,
      grade12: student.cohort === grade12CohortOf(year),
      selectOutcomes: windowOf(TaskKind.SELECT_COURSE_OUTCOMES, year, 0),
      selectPerformances: windowOf(TaskKind.SELECT_PERFORMANCES, year, 0),
      // The round of a year's outcomes and performances is its second term's (final-lock.ts).
      confirm: windowOf(TaskKind.CONFIRM_RECEIPTS, year, 2),
      certify: new Map(
        [1, 2].map((semester) => [semester, windowOf(TaskKind.CERTIFY_COURSE_OUTCOMES, year, semester as 1 | 2)]),
      ),
      outcomesSelected: yearOutcomes.filter((o) => o.selected_at).length,
      outcomesMax: maxSelectedOutcomes,
      performancesSelected: yearPerformances.filter((p) => p.selected_at).length,
      performancesMax: maxSelectedPerformances,
      submissions: submissions.filter((s) => s.year === year),
      locks: locks.filter((l) => l.year === year),
    };
    const windows: LedgerWindow[] = [context.selectOutcomes, context.selectPerformances, context.confirm].flatMap(
      (answer) =>
        answer?.task
          ? [
              {
                label: answer.task.label,
                startsAt: answer.task.startsAt,
                endsAt: answer.effectiveEndsAt ?? answer.task.endsAt,
                open: answer.userError === null,
              },
            ]
          : [],
    );
    const semesters = [...new Set(yearRows.filter((r) => r.year === year && r.semester).map((r) => r.semester!))];
    return {
      academicYear: year,
      label: `${year}學年度${gradeLabel(student, year)}`,
      outcomesSelected: context.outcomesSelected,
      outcomesMax: context.outcomesMax,
      performancesSelected: context.performancesSelected,
      performancesMax: context.performancesMax,
      uploadCapPerTerm: uploadCap,
      uploadsByTerm: semesters.map((semester) => ({
        termLabel: termLabel(year, semester),
        uploaded: yearOutcomes.filter((o) => o.semester === semester).length,
      })),
      windows,
      items: [
        ...yearOutcomes.map((o) => outcomeItem(o, context, matched.get(o.id) ?? [], receiptsByRow)),
        ...yearPerformances.map((p) => performanceItem(p, context, matched.get(p.id) ?? [], receiptsByRow)),
      ],
    };
  });

  const transferred: LedgerTransferredItem[] = transferredRows.map((r) => {
    const year = Number(r.term_key.slice(0, 3));
    const semester = Number(r.term_key.slice(3)) as 0 | 1 | 2;
    return {
      id: toGlobalId('ExchangedRecord', r.id),
      kind: r.kind === 'COURSE_OUTCOME' ? LedgerItemKind.COURSE_OUTCOME : LedgerItemKind.PERFORMANCE,
      title: r.title,
      periodLabel: periodLabel({ year, semester }),
      originSchool: r.origin_school,
      importedAt: r.imported_at,
    };
  });
  for (const item of ledgerYears.flatMap((y) => y.items)) {
    for (const f of item.flags) f.viewerCanAct = actsAs(ctx.viewer, student, f.actor);
  }
  return {
    studentId: toGlobalId('Student', student.id),
    studentName: student.name,
    studentNumber: student.studentNumber,
    flaggedItems: ledgerYears.reduce((n, y) => n + y.items.filter((i) => i.flags.length > 0).length, 0),
    years: ledgerYears,
    transferred,
  };
}

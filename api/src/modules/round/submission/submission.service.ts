import type { AppContext } from '../../../common/context.js';
import { forbidden, loggableError } from '../../../common/errors.js';
import { newId } from '../../../common/ids.js';
import { requireSnapshot } from '../../../common/request-transaction.plugin.js';
import { pgCode } from '../../../common/sql.js';
import { inTenantTransaction } from '../../../common/tenant.js';
import { type Result, userError, type UserError } from '../../../common/user-error.js';
import { recordAudit } from '../../audit/audit.service.js';
import { TaskKind } from '../../timeline/timeline.enums.js';
import type { SubmissionCategory } from '../../../common/submission-category.js';
import { NATIONAL_ID_COLUMN, readRosters, type Roster } from '../central/rosters.js';
import { type EvidenceTrouble, type StoredPackage, storePackage } from '../central/package-zip.js';
import { isStorageUnavailable } from '../../files/file-storage.js';
import { type RowCounts, Submission, SubmissionRow, SubmissionStatus } from '../submission.entity.js';
import { nationalIdSealer, storedCells } from './submitted-national-ids.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Dispute, DisputeStatus } from '../confirmation.entity.js';
import {
  finalLockedError,
  finalLockOf,
  holdFinalLockKey,
  type RoundCategory,
  grade12Detail,
  ofRound,
  roundCategoryOf,
} from '../final-lock.js';
import { roundOfRequest } from '../round-cadence.js';
import { maySubmit } from '../round.permissions.js';
import { rosterScopeOf } from '../roster-scope.js';
import { termArgument } from '../../term/term.service.js';

/** Corrected disputes of the term and category that no submission carries yet now ride on this one. */
async function attachCorrections(em: EntityManager, submission: Submission): Promise<number> {
  return em.nativeUpdate(
    Dispute,
    {
      ...ofRound(roundCategoryOf(submission)),
      status: DisputeStatus.RESOLVED_CORRECTED,
      resubmission: null,
    },
    { resubmission: submission.id },
  );
}

/**
 * A package is refused rather than sent without a file a selected item lists: the store lost it (restore it from the
 * backup) or its bytes no longer match the hash it was kept under. The message names how many, not whose.
 */
function evidenceTroubleError(trouble: EvidenceTrouble) {
  const parts = [
    trouble.missing.length > 0 ? `${trouble.missing.length} 個檔案在檔案庫中找不到` : null,
    trouble.altered.length > 0 ? `${trouble.altered.length} 個檔案的內容與上傳時不符` : null,
  ].filter(Boolean);
  return userError(
    'category',
    'EVIDENCE_UNAVAILABLE',
    `資料包未建立：已勾選項目的佐證檔案中，${parts.join('、')}。請聯絡資訊組自備份還原檔案後再提交。`,
  );
}

/**
 * The package into the store, or the message for staff when it cannot be: an evidence file lost or altered (its hash
 * is logged, so 資訊組 knows what to restore; a hash names no one), or the store out of reach.
 */
async function buildPackage(
  ctx: AppContext,
  rosters: Roster[],
  now: Date,
): Promise<StoredPackage | { problem: UserError }> {
  try {
    const built = await storePackage(ctx.services.files, rosters, now);
    if (built.stored) return built.stored;
    ctx.services.log.error('submission package: evidence files unavailable', {
      requestId: ctx.requestId,
      missing: built.trouble.missing.map((file) => file.sha256),
      altered: built.trouble.altered.map((file) => file.sha256),
    });
    return { problem: evidenceTroubleError(built.trouble) };
  } catch (error) {
    if (!isStorageUnavailable(error)) throw error;
    ctx.services.log.error('submission package: file store unavailable', {
      requestId: ctx.requestId,
      ...loggableError(error),
    });
    return {
      problem: userError(
        'category',
        'STORAGE_UNAVAILABLE',
        '伺服器暫時無法存取檔案庫，資料包未建立，請稍後再提交一次。',
      ),
    };
  }
}

export interface SubmitTermInput {
  termId: string;
  category: SubmissionCategory;
  idempotencyKey: string;
  grade12Round?: boolean | null;
}

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/** The submission claimed by this key, read outside the request's snapshot (it may have committed after it began). */
function committedByKey(ctx: AppContext, idempotencyKey: string): Promise<Submission | null> {
  const viewer = ctx.viewer!;
  return inTenantTransaction(
    ctx.services.orm.em,
    { schoolId: viewer.schoolId, authorityId: viewer.authorityId },
    (tx) => tx.findOne(Submission, { idempotencyKey }),
  );
}

function sameRequest(existing: Submission, round: RoundCategory): Result<Submission> {
  if (
    existing.term.id === round.termId &&
    existing.category === round.category &&
    existing.grade12Round === round.grade12Round
  ) {
    return { value: existing, userErrors: [] };
  }
  return {
    value: null,
    userErrors: [
      userError(
        'idempotencyKey',
        'IDEMPOTENCY_KEY_REUSED',
        '這個識別碼已用於另一個學期或類別的提交，請重新整理頁面後再試。',
      ),
    ],
  };
}

/**
 * 提交: builds the category's package for a term from one snapshot, stores the zip (content-addressed) and a copy of
 * every roster row (national IDs sealed, see submitted-national-ids.ts), and audits it. The request's transaction is
 * REPEATABLE READ for this mutation (see request-transaction.plugin.ts), so every roster is read from the same
 * snapshot. The idempotency key is unique per school: the same key again returns the submission it made, also when
 * two identical requests race.
 */
export async function submitTerm(ctx: AppContext, input: SubmitTermInput): Promise<Result<Submission>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !maySubmit(viewer, input.category)) throw forbidden('提交這個類別的資料');
  const key = input.idempotencyKey.trim();
  if (!KEY.test(key)) {
    return {
      value: null,
      userErrors: [
        userError('idempotencyKey', 'INVALID_IDEMPOTENCY_KEY', '識別碼須為 8 至 100 個英數字元（可含 . _ : -）。'),
      ],
    };
  }
  const term = await termArgument(ctx, input.termId);
  const { round, problem } = await roundOfRequest(ctx, term, input);
  if (problem) return { value: null, userErrors: [problem] };

  await requireSnapshot(ctx.em, 'submitTerm');

  const existing = await ctx.em.findOne(Submission, { idempotencyKey: key });
  if (existing) return sameRequest(existing, round);

  await holdFinalLockKey(ctx.em, round);
  // The lock above waited for any submission of this round in progress. If it was this same request sent again, it
  // has committed by now: answer with it rather than build a second package of perhaps gigabytes.
  const committed = await committedByKey(ctx, key);
  if (committed) return sameRequest(committed, round);
  if (await finalLockOf(ctx.em, round)) {
    return { value: null, userErrors: [finalLockedError('category', input.category)] };
  }
  const window = await ctx.services.windows.check(ctx.em, {
    period: { termId: term.id },
    kind: TaskKind.SUBMIT,
    category: input.category,
    grade12Round: round.grade12Round,
  });
  if (window.userError) return { value: null, userErrors: [window.userError] };

  const rosters = await readRosters(ctx.em, ctx.services.pii, await rosterScopeOf(ctx, term, round), input.category, {
    performanceCategories: ctx.services.config.portfolio.performanceCategories,
  });
  const now = ctx.services.clock.now();
  const built = await buildPackage(ctx, rosters, now);
  if ('problem' in built) return { value: null, userErrors: [built.problem] };
  const { sha256, size, evidenceFiles } = built;
  const rowCounts: RowCounts = Object.fromEntries(rosters.map((roster) => [roster.path, roster.rows.length]));
  const rosterColumns = Object.fromEntries(rosters.map((roster) => [roster.path, roster.columns]));

  // Claim the key. A concurrent identical request that committed first makes this insert fail (after waiting for
  // it); the savepoint keeps this transaction usable, and the winner's submission is read outside our snapshot.
  const id = newId();
  await ctx.em.execute('savepoint submission_claim');
  try {
    await ctx.em.execute(
      `insert into submission (school_id, id, term_id, category, grade12_round, idempotency_key, status, row_counts,
                               roster_columns, evidence_files, zip_sha256, zip_size, created_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)`,
      [
        viewer.schoolId,
        id,
        term.id,
        input.category,
        round.grade12Round,
        key,
        SubmissionStatus.SUBMITTED,
        JSON.stringify(rowCounts),
        JSON.stringify(rosterColumns),
        evidenceFiles,
        sha256,
        size,
        viewer.accountId,
        now,
      ],
    );
    await ctx.em.execute('release savepoint submission_claim');
  } catch (error) {
    const code = pgCode(error);
    if (code !== '23505' && code !== '40001') throw error;
    await ctx.em.execute('rollback to savepoint submission_claim');
    const winner = await committedByKey(ctx, key);
    if (!winner) throw error;
    return sameRequest(winner, round);
  }

  const submission = await ctx.em.findOneOrFail(Submission, { id });
  // The zip above has the national IDs in full; the copy kept in the database has them sealed.
  const seal = nationalIdSealer(ctx.services.pii);
  for (const roster of rosters) {
    const nationalIdAt = roster.columns.indexOf(NATIONAL_ID_COLUMN);
    roster.rows.forEach((row, index) => {
      ctx.em.create(SubmissionRow, {
        school: viewer.schoolId!,
        submission,
        roster: roster.path,
        rowNumber: index + 1,
        student: row.studentId,
        ...storedCells(seal, row.cells, nationalIdAt),
      });
    });
  }
  await ctx.em.flush();
  const corrections = await attachCorrections(ctx.em, submission);
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'submission.submit',
    targetIds: [submission.id, term.id],
    detail: { category: input.category, ...grade12Detail(round), zipSha256: sha256, rowCounts, corrections },
  });
  return { value: submission, userErrors: [] };
}

import type { AppServices } from '../../common/context.js';
import { policyJson, RETENTION_KINDS, retentionDays, type RetentionKind } from './retention-kind.js';

export const APPLY_RETENTION_TASK = 'apply_retention';

/** graphile-worker crontab (UTC): daily at 04:17 Taipei time (20:17 UTC), out of school hours, one run at a time across every instance. */
export const APPLY_RETENTION_CRONTAB = `17 20 * * * ${APPLY_RETENTION_TASK} ?max=1&jobKey=${APPLY_RETENTION_TASK}`;

/** Rows (for packages: submissions) deleted per statement batch, each its own short transaction. */
export const RETENTION_BATCH = 500;

/** A run never loops longer than this per school and kind (a safety net: every batch deletes what it planned). */
const MAX_BATCHES = 10_000;

export interface RetentionDeletion {
  schoolId: string;
  kind: RetentionKind;
  rows: number;
  /** Summed over batches: a student whose rows span two batches counts twice. */
  students: number;
  files: number;
  uploadsRemoved: number;
  packagesRemoved: number;
  batches: number;
}

export interface RetentionRun {
  runId: string;
  deletions: RetentionDeletion[];
  failures: { schoolId: string; kind: RetentionKind; reason: string }[];
}

interface ApplyRow {
  units: number;
  deleted_rows: number;
  students: number;
  files: number;
  uploads_removed: number;
  packages_removed: number;
}

/**
 * The daily retention run: for every school and every kind whose period is set, deletes in batches what
 * retention_due plans (the dry-run report reads the same plan), each batch one call of retention_apply in its own
 * transaction, which writes the school's audit row (kind, counts, row ids). Runs with no tenant, as portfolio_app,
 * like the other jobs: the definer functions refuse to run for a request. A kind that fails in one school is logged
 * and the run goes on with the rest; the next day's run takes it up again. The files' bytes are the leftover
 * collection's (hourly), once no row names their content.
 */
export async function applyRetention(
  services: Pick<AppServices, 'orm' | 'clock' | 'config' | 'log'>,
  options: { batch?: number } = {},
): Promise<RetentionRun> {
  const connection = services.orm.em.fork().getConnection();
  const now = services.clock.now();
  const runId = `retention-${now.toISOString()}`;
  const days = retentionDays(services.config.retention);
  const policy = policyJson(services.config.retention);
  const batch = options.batch ?? RETENTION_BATCH;
  const run: RetentionRun = { runId, deletions: [], failures: [] };
  const schools = await connection.execute<{ id: string }[]>('select retention_schools() as id');
  for (const { id: schoolId } of schools) {
    for (const kind of RETENTION_KINDS) {
      if (days[kind] <= 0) continue;
      const done: RetentionDeletion = {
        schoolId,
        kind,
        rows: 0,
        students: 0,
        files: 0,
        uploadsRemoved: 0,
        packagesRemoved: 0,
        batches: 0,
      };
      try {
        for (let round = 0; round < MAX_BATCHES; round += 1) {
          const [row] = await connection.execute<ApplyRow[]>('select * from retention_apply(?, ?, ?, ?::jsonb, ?, ?)', [
            schoolId,
            kind,
            now,
            policy,
            batch,
            runId,
          ]);
          if (!row || row.units === 0) break;
          done.batches += 1;
          done.rows += row.deleted_rows;
          done.students += row.students;
          done.files += row.files;
          done.uploadsRemoved += row.uploads_removed;
          done.packagesRemoved += row.packages_removed;
          if (row.units < batch) break;
        }
      } catch (error) {
        const reason = (error as { code?: string }).code ?? (error as Error).message;
        run.failures.push({ schoolId, kind, reason });
        services.log.warn('retention could not delete a kind in a school', { schoolId, kind, reason });
      }
      if (done.batches > 0) run.deletions.push(done);
    }
  }
  if (run.deletions.length > 0 || run.failures.length > 0) {
    services.log.info('retention run', {
      runId,
      schools: new Set(run.deletions.map((d) => d.schoolId)).size,
      rows: run.deletions.reduce((sum, d) => sum + d.rows, 0),
      files: run.deletions.reduce((sum, d) => sum + d.files, 0),
      failures: run.failures.length,
    });
  }
  return run;
}

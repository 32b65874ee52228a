import type { MikroORM } from '@mikro-orm/postgresql';
import type { PoolStats } from '../../common/metrics.js';

/** The parts of knex's pool (tarn) that count its connections. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/** The request pool's counts, read when metrics are scraped; null once the ORM has closed it. */
export function requestPoolStats(orm: MikroORM): () => PoolStats | null {
  return () => {
    const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool | null }).pool;
    if (!pool) return null;
    return {
      inUse: pool.numUsed(),
      idle: pool.numFree(),
      waiting: pool.numPendingAcquires(),
      opening: pool.numPendingCreates(),
    };
  };
}

/**
 * How late the job queue runs: the age of the oldest job that could run now (due, not locked by a worker, attempts
 * left). It grows when no instance runs a worker or the workers cannot keep up. graphile_worker belongs to the schema
 * owner (portfolio_app cannot read it), so this reads through the owner's connections. `_private_jobs` rather than
 * the `jobs` view: the view joins tasks and queues and cannot use the queue's own index on runnable jobs.
 */
export function jobQueueLag(owner: MikroORM): () => Promise<number> {
  return async () => {
    const [row] = await owner.em
      .getConnection()
      .execute<{ lag: number | null }[]>(
        'select extract(epoch from now() - min(run_at))::float8 as lag from graphile_worker._private_jobs where is_available and run_at <= now()',
      );
    return Math.max(0, row?.lag ?? 0);
  };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../common/ids.js';
import { pgTextArray } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';

export interface AuditEntry {
  operation: string;
  targetIds?: string[];
  /** Facts about the change. Never personal data such as national IDs or passwords. */
  detail?: Record<string, unknown>;
}

/**
 * Appends one row to the audit log of the viewer's tenant, inside the caller's transaction, so the audit row and
 * the change it describes commit or vanish together. The tables refuse UPDATE and DELETE.
 */
export async function recordAudit(
  em: EntityManager,
  actor: Pick<Viewer, 'kind' | 'schoolId' | 'authorityId' | 'accountId'>,
  requestId: string,
  entry: AuditEntry,
): Promise<void> {
  const values = [
    newId(),
    actor.accountId,
    entry.operation,
    pgTextArray(entry.targetIds ?? []),
    requestId,
    JSON.stringify(entry.detail ?? {}),
  ];
  if (actor.kind === 'SCHOOL') {
    await em.execute(
      `insert into audit_log (school_id, id, actor_account_id, operation, target_ids, request_id, detail)
       values (?, ?, ?, ?, ?::text[], ?, ?::jsonb)`,
      [actor.schoolId, ...values],
    );
  } else {
    await em.execute(
      `insert into bureau_audit_log (authority_id, id, actor_account_id, operation, target_ids, request_id, detail)
       values (?, ?, ?, ?, ?::text[], ?, ?::jsonb)`,
      [actor.authorityId, ...values],
    );
  }
}

import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../../common/logger.js';
import type { PiiCipher } from '../../../common/pii-crypto.js';
import { type Cell, NATIONAL_ID_CELL } from '../central/rosters.js';
import type { SubmissionRow } from '../submission.entity.js';

/**
 * The national IDs in the stored copies of submitted rows (submission_row).
 *
 * The package zip needs them in full, so the rosters are read with them decrypted; the copy kept in the database
 * must not hold them in clear (dumps, backups and replicas are read without the PII key). Each row keeps its ID the
 * way `student` does, in two columns of its own, and its cell is left empty:
 *   - national_id_encrypted, the PII envelope, for the one place that shows the ID back (a row the central database
 *     did not list is reported with the masked ID);
 *   - national_id_digest, the keyed digest, by which receipt lists are matched to the rows without decrypting any.
 * Columns rather than an envelope inside `cells`: a column can be found and indexed by the database (the rows still
 * in clear, see sealClearSubmittedNationalIds), matching needs no decryption, and `cells` holds no PII at all, so
 * whatever reads or copies the cells cannot leak an ID.
 */

export interface SealedNationalId {
  encrypted: string;
  digest: string;
}

/**
 * How a national ID is compared: the keyed digest of its text as the receipt import compares cells (trimmed, case
 * kept), empty for an empty cell. Digests of equal texts are equal, so matching by them gives exactly what comparing
 * the texts gave. For an ID as stored on `student` (normalised) it is that student's national_id_digest.
 */
export function nationalIdMatchKey(pii: PiiCipher, text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? '' : pii.digest(trimmed);
}

/** Seals national IDs; one submission repeats a student's ID in many rows, so each distinct ID is sealed once. */
export function nationalIdSealer(pii: PiiCipher): (nationalId: string) => SealedNationalId {
  const sealed = new Map<string, SealedNationalId>();
  return (nationalId) => {
    let value = sealed.get(nationalId);
    if (!value) {
      value = { encrypted: pii.encrypt(nationalId), digest: nationalIdMatchKey(pii, nationalId) };
      sealed.set(nationalId, value);
    }
    return value;
  };
}

export interface StoredCells {
  cells: Cell[];
  nationalIdEncrypted: string | null;
  nationalIdDigest: string | null;
}

/** A roster row as it is stored: the national ID (the cell at `at`, if any) taken out of the cells and sealed. */
export function storedCells(seal: (nationalId: string) => SealedNationalId, cells: Cell[], at: number): StoredCells {
  const nationalId = at >= 0 ? cells[at] : null;
  if (typeof nationalId !== 'string' || nationalId.trim() === '') {
    return { cells, nationalIdEncrypted: null, nationalIdDigest: null };
  }
  const { encrypted, digest } = seal(nationalId);
  return { cells: cells.with(at, null), nationalIdEncrypted: encrypted, nationalIdDigest: digest };
}

const cellText = (value: Cell | undefined): string => (value === null || value === undefined ? '' : String(value));

/**
 * The match key of a submitted row's national ID (`at`: the 身分證號 column). A row written by an older version
 * that has not been sealed yet still has the ID in its cell, and matches the same way.
 */
export function submittedNationalIdKey(pii: PiiCipher, row: SubmissionRow, at: number): string {
  return row.nationalIdDigest ?? nationalIdMatchKey(pii, cellText(row.cells[at]));
}

/** A submitted row's national ID in clear, decrypted in memory for the moment it is needed. */
export function submittedNationalId(pii: PiiCipher, row: SubmissionRow, at: number): string {
  return row.nationalIdEncrypted ? pii.decrypt(row.nationalIdEncrypted) : cellText(row.cells[at]);
}

/**
 * Rows that still hold a national ID in clear: every roster about students has it at NATIONAL_ID_CELL. Written
 * exactly as the predicate of the migration's partial index submission_row_clear_national_id_idx, so finding none
 * costs nothing however many rows there are.
 */
const HOLDS_CLEAR_NATIONAL_ID = `student_id is not null and national_id_digest is null
  and coalesce(cells ->> ${NATIONAL_ID_CELL}, '') <> ''`;
const BATCH = 1000;

/**
 * Seals the national IDs that rows submitted before Migration20261206010000SubmissionRowPii (or by an older version
 * still running during an upgrade) hold in clear. The migration cannot: the key is not in the database. Runs as the
 * owner at start-up, right after the migrations; a database without such rows (a fresh one, and every one after the
 * first start) answers one index lookup. Returns how many rows it sealed.
 *
 * submission_row is frozen even for the owner. Its trigger is lifted for this one transaction: ALTER TABLE is
 * transactional, so no other session ever sees it lifted, and the lock it takes keeps other writers (and another
 * instance starting at the same moment, which then finds nothing left) out until it is back. Only the form of the ID
 * changes; every other cell stays what was submitted.
 */
export async function sealClearSubmittedNationalIds(owner: MikroORM, pii: PiiCipher, log: Logger): Promise<number> {
  const em = owner.em.fork();
  const pending = await em.execute(`select 1 from submission_row where ${HOLDS_CLEAR_NATIONAL_ID} limit 1`);
  if (pending.length === 0) return 0;
  const seal = nationalIdSealer(pii);
  const sealed = await em.transactional(async (tx) => {
    await tx.execute('alter table submission_row disable trigger submission_row_frozen');
    let count = 0;
    for (;;) {
      const rows = await tx.execute<{ school_id: string; id: string; national_id: string }[]>(
        `select school_id, id, cells ->> ${NATIONAL_ID_CELL} as national_id from submission_row
         where ${HOLDS_CLEAR_NATIONAL_ID} order by school_id, id limit ${BATCH}`,
      );
      if (rows.length === 0) break;
      const values = rows.map((row) => {
        const { encrypted, digest } = seal(row.national_id);
        return { school_id: row.school_id, id: row.id, encrypted, digest };
      });
      await tx.execute(
        `update submission_row r
         set cells = jsonb_set(r.cells, '{${NATIONAL_ID_CELL}}', 'null'),
             national_id_encrypted = v.encrypted, national_id_digest = v.digest
         from jsonb_to_recordset(?::jsonb) as v (school_id uuid, id uuid, encrypted text, digest text)
         where r.school_id = v.school_id and r.id = v.id`,
        [JSON.stringify(values)],
      );
      count += rows.length;
    }
    await tx.execute('alter table submission_row enable trigger submission_row_frozen');
    return count;
  });
  if (sealed > 0) log.info('submitted national IDs sealed', { rows: sealed });
  return sealed;
}

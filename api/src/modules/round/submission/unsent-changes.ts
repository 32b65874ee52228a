import type { AppContext } from '../../../common/context.js';
import type { Term } from '../../term/term.entity.js';
import { NATIONAL_ID_CELL, NATIONAL_ID_COLUMN, readRosters } from '../central/rosters.js';
import type { RoundCategory } from '../final-lock.js';
import { rosterScopeOf } from '../roster-scope.js';
import type { Submission } from '../submission.entity.js';
import { nationalIdMatchKey, storedCells } from './submitted-national-ids.js';

type Cell = string | number | null;

/**
 * How many rows of the round's rosters, read now, differ from what its latest submission sent (added, changed or
 * removed: the larger of the rows now unmatched and the rows sent unmatched). The final lock freezes the data as it
 * is, so it must be what the central database received, whatever changed it since: a correction, a student's own
 * edit made while the package was being built, a grade entered, an import, a record deleted and entered again.
 * National IDs are compared by their keyed digest, as the submitted rows keep them.
 */
export async function rowsChangedSince(
  ctx: AppContext,
  term: Term,
  round: RoundCategory,
  latest: Submission,
): Promise<number> {
  const pii = ctx.services.pii;
  const digestOnly = (nationalId: string) => ({ encrypted: '', digest: nationalIdMatchKey(pii, nationalId) });
  const keyOf = (roster: string, cells: Cell[], digest: string | null) => JSON.stringify([roster, cells, digest]);
  const rosters = await readRosters(ctx.em, pii, await rosterScopeOf(ctx, term, round), round.category, {
    performanceCategories: ctx.services.config.portfolio.performanceCategories,
  });
  const now = new Map<string, number>();
  for (const roster of rosters) {
    const at = roster.columns.indexOf(NATIONAL_ID_COLUMN);
    for (const row of roster.rows) {
      const { cells, nationalIdDigest } = storedCells(digestOnly, row.cells, at);
      const key = keyOf(roster.path, cells, nationalIdDigest);
      now.set(key, (now.get(key) ?? 0) + 1);
    }
  }
  const sent = await ctx.em.execute<
    { roster: string; cells: Cell[]; student_id: string | null; national_id_digest: string | null }[]
  >('select roster, cells, student_id, national_id_digest from submission_row where submission_id = ?', [latest.id]);
  let sentUnmatched = 0;
  for (const row of sent) {
    // A student's row kept by a version that had not sealed it yet still holds the ID in its cell (rows about no
    // student, the 科目名冊's, have none).
    const { cells, nationalIdDigest } =
      row.national_id_digest || !row.student_id
        ? { cells: row.cells, nationalIdDigest: row.national_id_digest }
        : storedCells(digestOnly, row.cells, NATIONAL_ID_CELL);
    const key = keyOf(row.roster, cells, nationalIdDigest);
    const left = now.get(key) ?? 0;
    if (left > 0) now.set(key, left - 1);
    else sentUnmatched += 1;
  }
  const nowUnmatched = [...now.values()].reduce((sum, count) => sum + count, 0);
  return Math.max(nowUnmatched, sentUnmatched);
}

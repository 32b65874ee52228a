import { Migration } from '@mikro-orm/migrations';

/**
 * Submitted rows keep the national ID the way `student` does (issue 12): sealed in national_id_encrypted (the PII
 * envelope) and as national_id_digest (keyed digest, for matching receipt lists), with its cell in `cells` left empty.
 * See modules/round/submission/submitted-national-ids.ts for why columns rather than an envelope inside the cells.
 *
 * Rows submitted before this migration hold the ID in clear in their fourth cell (every roster about students has
 * 身分證號 after 學校代碼, 學年度, 學期). SQL cannot seal them: the key is not in the database. The platform does it at
 * start-up right after the migrations (sealClearSubmittedNationalIds), and finds them through the partial index below,
 * which is empty once they are sealed and stays empty, since new rows are written sealed. A fresh database has none.
 */
export class Migration20261206010000SubmissionRowPii extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE submission_row
  ADD COLUMN national_id_encrypted text,
  ADD COLUMN national_id_digest text,
  ADD CONSTRAINT submission_row_national_id_sealed
    CHECK ((national_id_encrypted IS NULL) = (national_id_digest IS NULL));

CREATE INDEX submission_row_clear_national_id_idx ON submission_row (school_id, id)
  WHERE student_id IS NOT NULL AND national_id_digest IS NULL AND coalesce(cells ->> 3, '') <> '';
`);
  }
}

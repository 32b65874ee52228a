import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20, the package carries the evidence files: a package can now pass 2 GiB (zip_size becomes bigint), and a
 * submission keeps each roster's columns, so a receipt import or a receipt row's fields need not open a package that
 * may hold thousands of files, and how many files its package carries. Submissions made before this have neither
 * (null): their packages hold only rosters, and are read when needed.
 */
export class Migration20261213000000PackageEvidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE submission ALTER COLUMN zip_size TYPE bigint;
ALTER TABLE submission ADD COLUMN roster_columns jsonb
  CHECK (roster_columns IS NULL OR jsonb_typeof(roster_columns) = 'object');
ALTER TABLE submission ADD COLUMN evidence_files int CHECK (evidence_files >= 0);
`);
  }
}

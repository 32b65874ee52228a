import { Migration } from '@mikro-orm/migrations';

/**
 * Replacing only the document of an outcome keeps its video: the new version points at the same media upload as the
 * one before. So an upload may appear in several versions of one outcome; that it belongs to no other item is
 * checked when it is attached (modules/portfolio/evidence-files.ts).
 */
export class Migration20261129010000OutcomeVersionsShareFiles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
ALTER TABLE course_outcome_version DROP CONSTRAINT course_outcome_version_school_id_document_upload_id_key;
ALTER TABLE course_outcome_version DROP CONSTRAINT course_outcome_version_school_id_media_upload_id_key;
CREATE INDEX course_outcome_version_document_idx ON course_outcome_version (school_id, document_upload_id);
CREATE INDEX course_outcome_version_media_idx ON course_outcome_version (school_id, media_upload_id);
`);
  }
}

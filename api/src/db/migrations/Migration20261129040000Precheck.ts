import { Migration } from '@mikro-orm/migrations';

/** Placeholder: pre-check runs (預檢): filled in by the pre-check work. */
export class Migration20261129040000Precheck extends Migration {
  override async up(): Promise<void> {
    this.addSql('select 1');
  }
}

import { Migration } from '@mikro-orm/migrations';

/** Placeholder: filled in by the change that needs it. */
export class Migration20261207000000LeftoverCollection extends Migration {
  override async up(): Promise<void> {
    this.addSql('select 1');
  }
}

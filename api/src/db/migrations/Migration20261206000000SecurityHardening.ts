import { Migration } from '@mikro-orm/migrations';

/** Placeholder: filled in by the change that needs it. */
export class Migration20261206000000SecurityHardening extends Migration {
  override async up(): Promise<void> {
    this.addSql('select 1');
  }
}

import { Migration } from '@mikro-orm/migrations';

/** Placeholder: city statistics. */
export class Migration20261129060000Statistics extends Migration {
  override async up(): Promise<void> {
    this.addSql('select 1');
  }
}

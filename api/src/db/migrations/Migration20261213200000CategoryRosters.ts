import { Migration } from '@mikro-orm/migrations';

/** Issue 20, per-category rosters (filled in by the roster work). */
export class Migration20261213200000CategoryRosters extends Migration {
  override async up(): Promise<void> {
    this.addSql('SELECT 1');
  }
}

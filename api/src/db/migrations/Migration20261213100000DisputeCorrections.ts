import { Migration } from '@mikro-orm/migrations';

/** Issue 20, disputes can correct what they are about (filled in by the dispute-corrections work). */
export class Migration20261213100000DisputeCorrections extends Migration {
  override async up(): Promise<void> {
    this.addSql('SELECT 1');
  }
}

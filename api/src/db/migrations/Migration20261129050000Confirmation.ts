import { Migration } from '@mikro-orm/migrations';

/** Placeholder: receipt confirmation, disputes and the final lock. */
export class Migration20261129050000Confirmation extends Migration {
  override async up(): Promise<void> {
    this.addSql('select 1');
  }
}

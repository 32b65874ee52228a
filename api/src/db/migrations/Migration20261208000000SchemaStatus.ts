import { Migration } from '@mikro-orm/migrations';

/**
 * Readiness asks whether every migration this build knows is applied; it asks through the request login, so that
 * login may read the applied migrations' names (and nothing else of the table).
 */
export class Migration20261208000000SchemaStatus extends Migration {
  override async up(): Promise<void> {
    this.addSql('GRANT SELECT (name) ON mikro_orm_migrations TO portfolio_app;');
  }
}

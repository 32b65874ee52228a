import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';

/** One row of the school's append-only audit log (written by recordAudit, read by the audit view). */
@ObjectType({ description: '稽核紀錄' })
@Entity({ tableName: 'audit_log', readonly: true })
@TenantFilter()
export class AuditLogEntry extends SchoolOwnedEntity {
  @Field({ description: '發生時間' })
  @Property()
  occurredAt!: Date;

  @Property({ nullable: true, fieldName: 'actor_account_id' })
  actorAccountId?: string | null;

  @Field({ description: '操作代碼' })
  @Property()
  operation!: string;

  @Property({ type: 'text[]' })
  targetIds!: string[];

  @Field({ description: '請求編號（與錯誤訊息上的編號相同）' })
  @Property()
  requestId!: string;

  @Property({ type: 'json' })
  detail!: Record<string, unknown>;
}

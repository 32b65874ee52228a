import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { SchoolClass } from './school-class.entity.js';
import { StudentStatus, STUDENT_STATUS_LABELS } from './people.enums.js';
import { UserAccount } from './user-account.entity.js';

@ObjectType({ implements: Node, description: '學生' })
@Entity({ tableName: 'student' })
@TenantFilter()
export class Student
  extends SchoolOwnedEntity<'statusLabel' | 'cohortLabel' | 'createdAt' | 'updatedAt' | 'status' | 'statusChangedAt'>
  implements Node
{
  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'account_id' })
  account?: Ref<UserAccount> | null;

  @Field({ description: '學號' })
  @Property()
  studentNumber!: string;

  @Field({ description: '姓名' })
  @Property()
  name!: string;

  @Property()
  nationalIdEncrypted!: string;

  @Property()
  nationalIdDigest!: string;

  @Field({ description: '出生日期（YYYY-MM-DD）' })
  @Property({ type: 'date' })
  birthDate!: string;

  @Field(() => Int, { description: '入學年度（高一入學的學年度）' })
  @Property()
  cohort!: number;

  @ManyToOne(() => SchoolClass, { ref: true, nullable: true, fieldName: 'class_id' })
  schoolClass?: Ref<SchoolClass> | null;

  @Field(() => Int, { nullable: true, description: '座號' })
  @Property({ nullable: true })
  seatNumber?: number | null;

  @Field(() => String, { nullable: true, description: '性別：M 男、F 女' })
  @Property({ nullable: true })
  gender?: 'M' | 'F' | null;

  @Field(() => StudentStatus)
  @Enum(() => StudentStatus)
  status: StudentStatus = StudentStatus.ENROLLED;

  /** When the status last changed: the grace periods of 轉出 and 畢業 count from it (AccountStatusPolicy). */
  @Property()
  statusChangedAt: Date = new Date();

  @Property()
  createdAt: Date = new Date();

  @Property({ onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('Student', this.id);
  }

  /** Every status change goes through here, so that the grace periods count from the right day. */
  changeStatus(status: StudentStatus, at: Date): void {
    if (status === this.status) return;
    this.status = status;
    this.statusChangedAt = at;
  }

  @Field({ description: '學籍狀態名稱，例如「在學」' })
  get statusLabel(): string {
    return STUDENT_STATUS_LABELS[this.status];
  }

  @Field({ description: '例如「115學年度入學」' })
  get cohortLabel(): string {
    return `${this.cohort}學年度入學`;
  }
}

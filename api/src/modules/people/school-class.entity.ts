import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { UserAccount } from './user-account.entity.js';
import { AcademicYear } from '../term/term.entity.js';

@ObjectType({ implements: Node, description: '班級' })
@Entity({ tableName: 'school_class' })
@TenantFilter()
export class SchoolClass extends SchoolOwnedEntity implements Node {
  @ManyToOne(() => AcademicYear, { ref: true })
  academicYear!: Ref<AcademicYear>;

  @Field({ description: '班級名稱，例如「301」' })
  @Property()
  name!: string;

  @Field(() => Int, { description: '年級：10、11、12（高一至高三）' })
  @Property()
  gradeYear!: number;

  @ManyToOne(() => UserAccount, { ref: true, nullable: true, fieldName: 'homeroom_teacher_id' })
  homeroomTeacher?: Ref<UserAccount> | null;

  get globalId(): string {
    return toGlobalId('SchoolClass', this.id);
  }
}

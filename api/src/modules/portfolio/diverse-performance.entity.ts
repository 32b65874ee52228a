import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';
import { TenantFilter } from '../../common/tenant.js';
import { FileUpload } from '../files/upload.entity.js';
import { Student } from '../people/student.entity.js';
import { AcademicYear } from '../term/term.entity.js';
import { PerformanceCategory } from './portfolio.enums.js';

/** 多元表現: one of a student's performances in an academic year, with the fields of its category. */
@ObjectType({ implements: Node, description: '多元表現' })
@Entity({ tableName: 'diverse_performance' })
@TenantFilter()
export class DiversePerformance extends SchoolOwnedEntity<'selectedAt' | 'details'> {
  @ManyToOne(() => Student, { ref: true })
  student!: Ref<Student>;

  @ManyToOne(() => AcademicYear, { ref: true })
  academicYear!: Ref<AcademicYear>;

  @Field(() => PerformanceCategory)
  @Enum(() => PerformanceCategory)
  category!: PerformanceCategory;

  @Field({ description: '名稱（例如競賽名稱、證照名稱、職稱）' })
  @Property()
  title!: string;

  /** The category's own fields, checked by the service (see performance-fields.ts). */
  @Property({ type: 'json' })
  details: Record<string, string> = {};

  @Field({ description: '簡述（100 字以內）' })
  @Property()
  description!: string;

  @ManyToOne(() => FileUpload, { ref: true, nullable: true, fieldName: 'document_upload_id' })
  document?: Ref<FileUpload> | null;

  @ManyToOne(() => FileUpload, { ref: true, nullable: true, fieldName: 'media_upload_id' })
  media?: Ref<FileUpload> | null;

  @Field(() => String, { nullable: true, description: '外部連結（http 或 https）' })
  @Property({ type: 'text', nullable: true })
  externalLink?: string | null;

  @Field(() => Date, { nullable: true, description: '勾選的時間；未勾選為空' })
  @Property({ type: 'datetime', nullable: true })
  selectedAt?: Date | null = null;

  @Field()
  @Property()
  createdAt!: Date;

  @Field()
  @Property()
  updatedAt!: Date;

  get globalId(): string {
    return toGlobalId('DiversePerformance', this.id);
  }
}

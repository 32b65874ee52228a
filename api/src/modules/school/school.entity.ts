import { BeforeCreate, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId, toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { Authority } from '../authority/authority.entity.js';

export enum SchoolDivision {
  DAY = 'DAY',
  NIGHT = 'NIGHT',
}

export const DIVISION_LABELS: Record<SchoolDivision, string> = {
  [SchoolDivision.DAY]: '日間部',
  [SchoolDivision.NIGHT]: '進修部',
};

registerEnumType(SchoolDivision, {
  name: 'SchoolDivision',
  description: '學制部別：同一所學校的日間部與進修部是兩個租戶',
  valuesConfig: { DAY: { description: '日間部' }, NIGHT: { description: '進修部' } },
});

/**
 * The rule a division gets when the bureau names none. The two divisions of a school share its code, and 學號 of
 * 日間部 and 進修部 may overlap, so 進修部 gets an `n` that keeps the two sets of logins apart.
 */
export const defaultStudentLoginPattern = (division: SchoolDivision): string =>
  division === SchoolDivision.NIGHT ? '{code}n{number}' : '{code}{number}';

/** The tenant: one division of one school. */
@ObjectType({ implements: Node, description: '學校（一個部別為一個租戶）' })
@Entity({ tableName: 'school' })
export class School implements Node {
  [OptionalProps]?:
    | 'createdAt'
    | 'globalId'
    | 'divisionLabel'
    | 'displayName'
    | 'outcomeUploadCap'
    | 'deactivatedAt'
    | 'studentLoginPattern'
    | 'active';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Authority, { ref: true })
  authority!: Ref<Authority>;

  @Field({ description: '學校代碼（6 碼）' })
  @Property()
  code!: string;

  @Field({ description: '校名' })
  @Property()
  name!: string;

  @Field(() => SchoolDivision)
  @Enum(() => SchoolDivision)
  division!: SchoolDivision;

  @Property()
  createdAt: Date = new Date();

  @Field(() => Int, {
    nullable: true,
    description: '每位學生每學期可上傳的課程學習成果件數上限（學校自訂；空白表示不限）',
  })
  @Property({ type: 'integer', nullable: true })
  outcomeUploadCap?: number | null = null;

  @Field(() => Date, {
    nullable: true,
    description: '教育局停用這個部別的時間；空白表示使用中。停用後帳號不能登入，歷史資料保留',
  })
  @Property({ type: 'datetime', nullable: true })
  deactivatedAt?: Date | null = null;

  @Field({
    description: '學生帳號規則：{code} 為學校代碼、{number} 為學號，結果一律小寫；名冊匯入依此建立學生帳號',
  })
  @Property()
  studentLoginPattern!: string;

  /** A school created without a rule (the seed, the tests) gets its division's default, as onboarding gives. */
  @BeforeCreate()
  defaultStudentLoginPattern(): void {
    this.studentLoginPattern ??= defaultStudentLoginPattern(this.division);
  }

  get globalId(): string {
    return toGlobalId('School', this.id);
  }

  @Field({ description: '使用中（未被教育局停用）' })
  get active(): boolean {
    return !this.deactivatedAt;
  }

  @Field({ description: '部別名稱，例如「日間部」' })
  get divisionLabel(): string {
    return DIVISION_LABELS[this.division];
  }

  @Field({ description: '顯示名稱，例如「臺北市立示範高級中學 日間部」' })
  get displayName(): string {
    return `${this.name} ${this.divisionLabel}`;
  }
}

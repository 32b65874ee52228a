import { Extensions, Field, Float, ID, InputType } from 'type-graphql';
import { MULTILINE } from '../../../common/input-text.js';

@InputType({ description: '一位學生的成績' })
export class GradeInput {
  @Field(() => ID)
  enrolmentId!: string;

  @Field(() => Float, { nullable: true, description: '學期成績（0–100，最多兩位小數）；null 表示清除' })
  termGrade?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否及格；不填時依學期成績是否達 60 分' })
  passed?: boolean | null;

  @Field(() => Float, { nullable: true, description: '補考成績（0–100）' })
  makeupGrade?: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否採計學分' })
  creditsCounted?: boolean | null;

  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: '質性描述（最多 200 字）' })
  qualitativeNote?: string | null;
}

@InputType({ description: '登錄一個開課班別的成績（任課教師，成績登錄期間內）' })
export class EnterGradesInput {
  @Field(() => ID)
  sectionId!: string;

  @Field(() => [GradeInput])
  grades!: GradeInput[];
}

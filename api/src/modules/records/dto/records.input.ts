import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../../../common/input-text.js';
import { CounselingKind } from '../records.entity.js';

@InputType({ description: '登錄一筆校內幹部經歷（訓育組）' })
export class RecordCadreInput {
  @Field(() => ID)
  studentId!: string;

  @Field(() => ID, { nullable: true, description: '學期；不填為目前學期' })
  termId?: string | null;

  @Field()
  unit!: string;

  @Field()
  position!: string;

  @Field(() => Int)
  level!: number;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD' })
  endsOn!: string;
}

@InputType({ description: '登錄一筆課程諮詢紀錄（課程諮詢教師）' })
export class RecordCounselingInput {
  @Field(() => CounselingKind)
  kind!: CounselingKind;

  @Field(() => [ID], { description: '個別諮詢一位學生，團體諮詢兩位以上' })
  studentIds!: string[];

  @Field({ description: 'YYYY-MM-DD' })
  heldOn!: string;

  @Field()
  topic!: string;

  @Extensions(MULTILINE)
  @Field()
  content!: string;
}

@InputType({ description: '修改自己登錄的一筆課程諮詢紀錄（課程諮詢教師）' })
export class UpdateCounselingInput {
  @Field(() => ID)
  recordId!: string;

  @Field(() => CounselingKind)
  kind!: CounselingKind;

  @Field(() => [ID], { description: '個別諮詢一位學生，團體諮詢兩位以上' })
  studentIds!: string[];

  @Field({ description: 'YYYY-MM-DD' })
  heldOn!: string;

  @Field()
  topic!: string;

  @Extensions(MULTILINE)
  @Field()
  content!: string;
}

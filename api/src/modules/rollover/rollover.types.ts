import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../common/ids.js';
import { Node } from '../../common/node.js';
import { formatRocDateTime } from '../../common/roc.js';
import { TenantFilter } from '../../common/tenant.js';
import { ImportProblem } from '../imports/import-run.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { SchoolOwnedEntity } from '../school/school-owned.entity.js';

@ObjectType({ description: '學年度升級的人數' })
export class RolloverCounts {
  @Field(() => Int, { description: '升一個年級（高一→高二、高二→高三）' })
  promoted = 0;

  @Field(() => Int, { description: '留在同一年級（重讀），只有依班級名單才會有' })
  repeating = 0;

  @Field(() => Int, { description: '高三學生改為畢業' })
  graduated = 0;

  @Field(() => Int, { description: '休學學生保留原班級與年級，不移動' })
  suspendedKept = 0;

  @Field(() => Int, { description: '在學但沒有編在舊學年度班級的學生，不移動（請個別處理）' })
  unplaced = 0;

  @Field(() => Int, { description: '新學年度要新建的班級數' })
  classesCreated = 0;
}

/** One school's move into a new academic year: done once per year (rollover_run's unique key), never changed. */
@ObjectType({ implements: Node, description: '學年度升級紀錄' })
@Entity({ tableName: 'rollover_run' })
@TenantFilter()
export class RolloverRun extends SchoolOwnedEntity<'label' | 'runAtLabel'> implements Node {
  @Field(() => Int, { description: '舊學年度' })
  @Property()
  fromYear!: number;

  @Field(() => Int, { description: '新學年度' })
  @Property()
  toYear!: number;

  @Field({ description: '依上傳的班級名單（true）或依班級代號規則（false）' })
  @Property()
  byClassList!: boolean;

  @Field(() => RolloverCounts)
  @Property({ type: 'json' })
  counts!: RolloverCounts;

  @ManyToOne(() => UserAccount, { ref: true, fieldName: 'run_by' })
  runBy!: Ref<UserAccount>;

  @Field()
  @Property()
  runAt!: Date;

  get globalId(): string {
    return toGlobalId('RolloverRun', this.id);
  }

  @Field({ description: '例如「114學年度升級到115學年度」' })
  get label(): string {
    return `${this.fromYear}學年度升級到${this.toYear}學年度`;
  }

  @Field({ description: '執行時間（民國）' })
  get runAtLabel(): string {
    return formatRocDateTime(this.runAt);
  }
}

@ObjectType({ description: '新學年度的一個班級' })
export class RolloverClass {
  @Field({ description: '班級名稱，例如「201」' })
  name!: string;

  @Field(() => Int, { description: '年級：10、11、12' })
  gradeYear!: number;

  @Field(() => Int, { description: '升級後在這個班的學生數' })
  students!: number;

  @Field({ description: '這個班級在新學年度已經存在（例如新生名冊已先匯入）' })
  exists!: boolean;

  @Field(() => String, { nullable: true, description: '沿用的舊班級導師來自哪一班' })
  homeroomFrom!: string | null;
}

@ObjectType({ description: '還沒有完成最終提交的學期梯次' })
export class OpenRoundInfo {
  @Field({ description: '例如「114學年度第2學期」' })
  termLabel!: string;

  @Field(() => [String], { description: '還沒有最終提交的資料類別' })
  categoryLabels!: string[];
}

@ObjectType({ description: '學年度升級的試算：會做什麼、有什麼問題；不寫入任何資料' })
export class RolloverPreview {
  @Field(() => Int)
  fromYear!: number;

  @Field(() => Int)
  toYear!: number;

  @Field({ description: '依上傳的班級名單（true）或依班級代號規則 101→201、201→301（false）' })
  byClassList!: boolean;

  @Field(() => RolloverCounts)
  counts!: RolloverCounts;

  @Field(() => [RolloverClass], { description: '新學年度的班級' })
  classes!: RolloverClass[];

  @Field(() => [ImportProblem], { description: '必須先解決的問題；有問題時不能執行' })
  problems!: ImportProblem[];

  @Field(() => [OpenRoundInfo], { description: '還沒有最終提交的學期（警告：升級不會改動它們的資料，但執行前須確認）' })
  openRounds!: OpenRoundInfo[];

  @Field(() => RolloverRun, { nullable: true, description: '這個學年度已經升級過時，那一次的紀錄' })
  done!: RolloverRun | null;

  @Field({ description: '沒有問題，可以執行（有未最終提交的學期時須另外確認）' })
  canCommit!: boolean;
}

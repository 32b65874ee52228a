import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/pagination.js';

/**
 * The figures of one row of the bureau's table (DOMAIN.md §8). Every figure is null when the row is suppressed: its
 * students are fewer than STATS_SUPPRESS_BELOW.
 */
@ObjectType()
export abstract class StatisticsFigures {
  @Field(() => Boolean, { description: '人數少於隱私門檻（STATS_SUPPRESS_BELOW），數字不公開' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: '學生數' })
  students!: number | null;

  @Field(() => Int, { nullable: true, description: '上傳人數：至少上傳一件課程學習成果的學生' })
  uploaders!: number | null;

  @Field(() => Int, { nullable: true, description: '未上傳人數' })
  nonUploaders!: number | null;

  @Field(() => Float, { nullable: true, description: '上傳率（%）：上傳人數 ÷ 學生數 × 100，四捨五入到小數第二位' })
  uploadRatePct!: number | null;

  @Field(() => Int, { nullable: true, description: '課程學習成果上傳件數' })
  outcomesUploaded!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '平均每位上傳者的件數：上傳件數 ÷ 上傳人數，四捨五入到小數第二位（無上傳者時為 0）',
  })
  outcomesPerUploader!: number | null;

  @Field(() => Int, { nullable: true, description: '教師認證件數（目前版本已認證）' })
  outcomesCertified!: number | null;

  @Field(() => Int, { nullable: true, description: '多元表現上傳件數' })
  performancesUploaded!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '課程諮詢紀錄件數：每筆紀錄按其涉及的學生各計一次（團體諮詢五位學生計五件）',
  })
  counselingRecords!: number | null;
}

@ObjectType({ description: '入學年度統計表的一列；總計列的 cohort 為 null' })
export class CohortStatisticsRow extends StatisticsFigures {
  @Field(() => Int, { nullable: true, description: '入學年度（民國）；總計列為 null' })
  cohort!: number | null;

  @Field(() => String, { description: '列標題，例如「108」或「總計」' })
  label!: string;

  @Field(() => Int, {
    description: '學校數：有該入學年度學生的校（日間部、進修部分開計）；總計列為不重複的校數',
  })
  schools!: number;
}

@ObjectType({ description: '入學年度統計表（教育局：所轄全市；學校：本校）' })
export class CohortStatisticsTable {
  @Field(() => Date, { description: '資料時點：統計讀取的時刻，已含這之前所有已完成的上傳、認證與紀錄' })
  asOf!: Date;

  @Field(() => String, { description: '更新日期（民國），例如「115/11/29 10:00」' })
  asOfRoc!: string;

  @Field(() => [CohortStatisticsRow], { description: '每個入學年度一列，由舊到新' })
  rows!: CohortStatisticsRow[];

  @Field(() => CohortStatisticsRow)
  total!: CohortStatisticsRow;
}

@ObjectType({ description: '一個學校（部別）的統計' })
export class SchoolStatisticsRow extends StatisticsFigures {
  @Field(() => ID, { description: '學校的全域 id' })
  schoolId!: string;

  @Field(() => String)
  schoolCode!: string;

  @Field(() => String)
  schoolName!: string;

  @Field(() => String, { description: 'DAY 或 NIGHT' })
  division!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      '教育局停用這個部別的時間（空白表示使用中）；停用的部別留在本表與入學年度總計（歷史資料），不列入學期進度',
  })
  deactivatedAt!: Date | null;
}

@ObjectType({ description: '一個班級的統計；未編班的學生合為 classId 為 null 的一列' })
export class ClassStatisticsRow extends StatisticsFigures {
  @Field(() => ID, { nullable: true })
  classId!: string | null;

  @Field(() => String, { description: '班級名稱；未編班為「未編班」' })
  className!: string;

  @Field(() => Int, { nullable: true, description: '年級（10–12）' })
  gradeYear!: number | null;
}

/**
 * One term's progress while its windows are open. Rates are over the enrolled students (status ENROLLED), except
 * the certification rate, which is over the term's outcomes.
 */
@ObjectType()
export abstract class TermProgressFigures {
  @Field(() => Boolean)
  suppressed!: boolean;

  @Field(() => [String], { description: '這個學期此刻開放中的期程（例如 UPLOAD_COURSE_OUTCOMES）' })
  openWindows!: string[];

  @Field(() => Int, { nullable: true, description: '在學學生數' })
  enrolledStudents!: number | null;

  @Field(() => Int, { nullable: true, description: '本學期上傳人數' })
  uploaders!: number | null;

  @Field(() => Float, { nullable: true, description: '上傳率（%）：本學期上傳人數 ÷ 在學學生數' })
  uploadRatePct!: number | null;

  @Field(() => Int, { nullable: true, description: '本學期課程學習成果件數' })
  outcomesUploaded!: number | null;

  @Field(() => Int, { nullable: true, description: '本學期已認證件數' })
  outcomesCertified!: number | null;

  @Field(() => Float, { nullable: true, description: '認證率（%）：已認證件數 ÷ 本學期件數' })
  certificationRatePct!: number | null;

  @Field(() => Int, { nullable: true, description: '本學期勾選件數' })
  outcomesSelected!: number | null;

  @Field(() => Int, { nullable: true, description: '本學期至少勾選一件的學生數' })
  selectors!: number | null;

  @Field(() => Float, { nullable: true, description: '勾選率（%）：勾選學生數 ÷ 在學學生數' })
  selectionRatePct!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '確認率（%）：學生已確認或提出疑義的收訖明細筆數 ÷ 本學期目前有效的收訖明細筆數（尚無收訖明細時為 null）',
  })
  confirmationRatePct!: number | null;
}

@ObjectType({ description: '一個學校（部別）在一個學期的進度' })
export class SchoolTermProgressRow extends TermProgressFigures {
  @Field(() => ID)
  schoolId!: string;

  @Field(() => String)
  schoolCode!: string;

  @Field(() => String)
  schoolName!: string;

  @Field(() => String)
  division!: string;

  @Field(() => ID, { description: '該校這個學期的全域 id' })
  termId!: string;
}

@ObjectType({ description: '一個班級在一個學期的進度' })
export class ClassTermProgressRow extends TermProgressFigures {
  @Field(() => ID, { nullable: true })
  classId!: string | null;

  @Field(() => String)
  className!: string;

  @Field(() => Int, { nullable: true })
  gradeYear!: number | null;
}

/** A page of statistics rows with the moment they were read. */
function StatisticsConnection<T extends object>(nodeType: new () => T, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${name} 的分頁清單` })
  class ConnectionClass {
    @Field(() => Date, { description: '資料時點' })
    asOf!: Date;

    @Field(() => String, { description: '更新日期（民國）' })
    asOfRoc!: string;

    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export const SchoolStatisticsConnection = StatisticsConnection(SchoolStatisticsRow, 'SchoolStatistics');
export const ClassStatisticsConnection = StatisticsConnection(ClassStatisticsRow, 'ClassStatistics');
export const SchoolTermProgressConnection = StatisticsConnection(SchoolTermProgressRow, 'SchoolTermProgress');
export const ClassTermProgressConnection = StatisticsConnection(ClassTermProgressRow, 'ClassTermProgress');

export interface StatisticsPage<T> {
  asOf: Date;
  asOfRoc: string;
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

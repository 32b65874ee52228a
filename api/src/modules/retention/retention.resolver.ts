import { Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { formatRocDate } from '../../common/roc.js';
import { Role } from '../../common/roles.js';
import { Me } from '../auth/me.type.js';
import { RETENTION_KIND_LABELS, RETENTION_ROW_LABELS, RetentionKind } from './retention-kind.js';
import { mayReadRetention } from './retention.permissions.js';
import {
  cityRetentionReport,
  schoolRetentionReport,
  type RetentionKindFigures,
  type RetentionReportData,
} from './retention.service.js';

@ObjectType({ description: '一種資料在下一次保存期限作業會刪除與保留的數量' })
export class RetentionKindReport implements RetentionKindFigures {
  @Field(() => RetentionKind)
  kind!: RetentionKind;

  @Field({ description: '資料種類名稱' })
  get kindLabel(): string {
    return RETENTION_KIND_LABELS[this.kind];
  }

  @Field({ description: '一筆是什麼，例如「成果」' })
  get rowLabel(): string {
    return RETENTION_ROW_LABELS[this.kind];
  }

  @Field(() => Int, { description: '畢業或轉出後保存的天數；0 表示不刪除' })
  days!: number;

  @Field({ description: '這種資料是否會依保存期限刪除' })
  get enabled(): boolean {
    return this.days > 0;
  }

  @Field(() => Date, { nullable: true, description: '在這個時間之前畢業或轉出的學生已超過保存期限；不刪除時為空' })
  cutoff!: Date | null;

  @Field(() => String, { nullable: true, description: '保存期限的截止日（民國）' })
  get cutoffRoc(): string | null {
    return this.cutoff ? formatRocDate(this.cutoff) : null;
  }

  @Field(() => Int, { description: '下一次作業會刪除的筆數' })
  dueRows!: number;

  @Field(() => Int, { description: '下一次作業會刪除資料的學生人數' })
  dueStudents!: number;

  @Field(() => Int, { description: '下一次作業會刪除的檔案數（上傳的檔案與提交資料包）' })
  dueFiles!: number;

  @Field(() => Int, { description: '已超過保存期限、但所屬學期或學年度尚未完成最終提交而保留的筆數' })
  heldRows!: number;

  @Field(() => Int, { description: '因尚未完成最終提交而保留資料的學生人數' })
  heldStudents!: number;

  @Field(() => Int, {
    description: '已超過保存期限、但仍被其他保留中的資料引用（例如成果所屬的修課紀錄）而暫時保留的筆數',
  })
  inUseRows!: number;
}

@ObjectType({ description: '資料保存期限報表（預演）：下一次每日作業會刪除什麼，與因未完成最終提交而保留的資料' })
export class RetentionReport {
  @Field({ description: '報表計算的時間' })
  asOf!: Date;

  @Field({ description: '報表計算的日期（民國）' })
  get asOfRoc(): string {
    return formatRocDate(this.asOf);
  }

  @Field(() => [RetentionKindReport])
  kinds!: RetentionKindReport[];
}

@ObjectType({ description: '一所學校（部別）的資料保存期限報表（只有數量）' })
export class SchoolRetentionReport extends RetentionReport {
  @Field(() => ID)
  schoolId!: string;

  @Field()
  schoolCode!: string;

  @Field()
  schoolName!: string;

  @Field({ description: '日間部或進修部' })
  divisionLabel!: string;
}

const toReport = <T extends RetentionReport>(target: T, data: RetentionReportData): T =>
  Object.assign(target, {
    ...data,
    kinds: data.kinds.map((figures) => Object.assign(new RetentionKindReport(), figures)),
  });

@Resolver()
export class RetentionResolver {
  @Authorized(Role.SCHOOL_ADMIN)
  @Query(() => RetentionReport, {
    description: '本校的資料保存期限報表（註冊組、資訊組）：下一次每日作業依保存期限會刪除與保留的資料',
  })
  async retentionReport(@Ctx() ctx: AppContext): Promise<RetentionReport> {
    return toReport(new RetentionReport(), await schoolRetentionReport(ctx));
  }

  @Authorized(Role.BUREAU_ADMIN)
  @Query(() => [SchoolRetentionReport], {
    description: '所轄各校（部別）的資料保存期限報表（教育局，只有數量）',
  })
  async cityRetentionReport(@Ctx() ctx: AppContext): Promise<SchoolRetentionReport[]> {
    const reports = await cityRetentionReport(ctx);
    return reports.map((report) => toReport(new SchoolRetentionReport(), report));
  }
}

/** This module's permission flags on the signed-in viewer. */
@Resolver(() => Me)
export class RetentionViewerResolver {
  @FieldResolver(() => Boolean, { description: '可以查看資料保存期限報表（註冊組、資訊組；教育局看所轄各校）' })
  viewerCanReadRetentionReport(@Root() me: Me): boolean {
    return mayReadRetention(me.viewer);
  }
}

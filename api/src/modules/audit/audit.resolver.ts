import {
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../common/context.js';
import { enumDescriptions } from '../../common/enum-descriptions.js';
import { badInput, forbidden } from '../../common/errors.js';
import { idOfType } from '../../common/ids.js';
import { ConnectionArgs, ConnectionType, paginate } from '../../common/pagination.js';
import { AuditLogEntry } from './audit-log.entity.js';
import { mayReadAuditLog } from './audit.permissions.js';
import { readableDetail } from './audit-detail.js';

/** The groups staff filter by; each is a set of operation prefixes. */
export enum AuditArea {
  PRECHECK = 'PRECHECK',
  SUBMISSION = 'SUBMISSION',
  RECEIPTS = 'RECEIPTS',
  CONFIRMATION = 'CONFIRMATION',
  DISPUTES = 'DISPUTES',
  FINAL = 'FINAL',
  IMPORTS = 'IMPORTS',
  RECORDS = 'RECORDS',
  ACCOUNTS = 'ACCOUNTS',
  TIMELINE = 'TIMELINE',
}

const AREA_OPERATIONS: Record<AuditArea, string[]> = {
  [AuditArea.PRECHECK]: ['precheck.'],
  [AuditArea.SUBMISSION]: ['submission.'],
  [AuditArea.RECEIPTS]: ['receipts.import', 'receipts.staff_confirm'],
  [AuditArea.CONFIRMATION]: ['receipts.confirm', 'receipts.staff_confirm'],
  [AuditArea.DISPUTES]: ['dispute.'],
  [AuditArea.FINAL]: ['final.'],
  [AuditArea.IMPORTS]: ['import.'],
  [AuditArea.RECORDS]: ['grades.', 'cadre.', 'counseling.', 'outcome.', 'performance.', 'certification.', 'selection.'],
  [AuditArea.ACCOUNTS]: ['auth.', 'account.', 'student.'],
  [AuditArea.TIMELINE]: ['timeline.', 'school.'],
};

const AREA_LABELS: Record<AuditArea, string> = {
  PRECHECK: '預檢',
  SUBMISSION: '提交',
  RECEIPTS: '收訖明細匯入',
  CONFIRMATION: '收訖明細確認',
  DISPUTES: '疑義',
  FINAL: '最終提交',
  IMPORTS: '資料匯入',
  RECORDS: '成績、幹部、諮詢、學習成果',
  ACCOUNTS: '登入與學生資料',
  TIMELINE: '期程與學校設定',
};

registerEnumType(AuditArea, {
  name: 'AuditArea',
  description: '稽核紀錄的類別',
  valuesConfig: enumDescriptions(AREA_LABELS),
});

@ObjectType({ description: '稽核紀錄的類別與其中文名稱' })
class AuditAreaOption {
  @Field(() => AuditArea)
  value!: AuditArea;

  @Field()
  label!: string;
}

/** What staff read for each operation code; codes not listed show as they are. */
const OPERATION_LABELS: Record<string, string> = {
  'precheck.export': '匯出預檢名冊',
  'precheck.send_reference': '預檢名冊送中央比對',
  'precheck.import': '匯入預檢比對結果',
  'submission.submit': '提交',
  'submission.send_reference': '資料包送中央資料庫',
  'receipts.import': '匯入收訖明細',
  'receipts.confirm': '學生確認收訖明細',
  'receipts.staff_confirm': '處室確認收訖明細',
  'dispute.raise': '提出疑義',
  'dispute.review': '受理疑義',
  'dispute.resolve': '回覆疑義',
  'final.lock': '完成最終提交',
  'import.commit': '資料匯入',
  'grades.enter': '登錄成績',
  'grades.correct': '更正修課紀錄',
  'cadre.record': '登錄幹部紀錄',
  'cadre.update': '修改幹部紀錄',
  'cadre.delete': '刪除幹部紀錄',
  'counseling.record': '登錄諮詢紀錄',
  'counseling.update': '修改諮詢紀錄',
  'outcome.upload': '上傳課程學習成果',
  'outcome.replace': '更換課程學習成果',
  'performance.record': '登錄多元表現',
  'performance.update': '修改多元表現',
  'performance.correct': '更正多元表現',
  'performance.delete': '刪除多元表現',
  'auth.login': '登入',
  'auth.revoke_session': '登出其他裝置',
  'auth.change_password': '變更密碼',
  'account.first_password_slips': '列印首次登入密碼單',
  'student.create': '新增學生',
  'student.update': '修改學生資料',
  'timeline.adopt': '採用期程',
  'timeline.move': '調整期程',
  'timeline.extension.grant': '個別延長期限',
  'timeline.template.publish': '發布期程範本',
  'school.outcome_cap': '設定上傳件數上限',
  'school.onboard': '開通學校',
  'school.set_login_pattern': '設定帳號格式',
};

@ArgsType()
class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditArea, { nullable: true, description: '只列這一類操作' })
  area?: AuditArea | null;

  @Field(() => ID, { nullable: true, description: '只列這個帳號的操作' })
  actorId?: string | null;

  @Field(() => Date, { nullable: true, description: '從這個時間起' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '到這個時間前' })
  to?: Date | null;
}

const AuditLogConnection = ConnectionType(AuditLogEntry, 'AuditLogEntry');

@Resolver(() => AuditLogEntry)
export class AuditLogResolver {
  @Authorized()
  @Query(() => [AuditAreaOption], { description: '稽核紀錄的類別，供篩選選單使用' })
  auditAreas(): AuditAreaOption[] {
    return Object.values(AuditArea).map((value) =>
      Object.assign(new AuditAreaOption(), { value, label: AREA_LABELS[value] }),
    );
  }

  @Authorized()
  @Query(() => AuditLogConnection, { description: '本校的稽核紀錄，新到舊，可依類別、帳號與時間篩選（行政人員）' })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: AppContext) {
    if (!mayReadAuditLog(ctx.viewer)) throw forbidden('查看稽核紀錄');
    const actor = args.actorId ? idOfType(args.actorId, 'UserAccount') : null;
    if (args.actorId && !actor) throw badInput('帳號識別碼不正確。', 'actorId');
    if (args.from && args.to && args.from >= args.to) throw badInput('開始時間須早於結束時間。', 'from');
    const where = {
      ...(args.area
        ? { $or: AREA_OPERATIONS[args.area].map((prefix) => ({ operation: { $like: `${prefix}%` } })) }
        : {}),
      ...(actor ? { actorAccountId: actor } : {}),
      ...(args.from || args.to
        ? { occurredAt: { ...(args.from ? { $gte: args.from } : {}), ...(args.to ? { $lt: args.to } : {}) } }
        : {}),
    };
    return paginate(ctx.em, AuditLogEntry, where, args, 'occurredAt', 'desc');
  }

  @FieldResolver(() => ID)
  id(@Root() entry: AuditLogEntry): string {
    return entry.id;
  }

  @FieldResolver(() => String, { description: '操作名稱' })
  operationLabel(@Root() entry: AuditLogEntry): string {
    return OPERATION_LABELS[entry.operation] ?? entry.operation;
  }

  @FieldResolver(() => String, { description: '操作內容（JSON，不含個人資料）' })
  detail(@Root() entry: AuditLogEntry): string {
    return JSON.stringify(entry.detail);
  }

  @FieldResolver(() => String, { description: '操作內容，以中文欄位名與民國日期寫出，供人閱讀' })
  detailText(@Root() entry: AuditLogEntry): string {
    return readableDetail(entry.detail);
  }

  @FieldResolver(() => Int, { description: '涉及的資料筆數（識別碼數）' })
  targetCount(@Root() entry: AuditLogEntry): number {
    return entry.targetIds.length;
  }
}

import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumDescriptions } from '../../common/enum-descriptions.js';

export enum LedgerItemKind {
  COURSE_OUTCOME = 'COURSE_OUTCOME',
  PERFORMANCE = 'PERFORMANCE',
}

registerEnumType(LedgerItemKind, {
  name: 'LedgerItemKind',
  description: '學習歷程履歷的項目種類',
  valuesConfig: enumDescriptions({ COURSE_OUTCOME: '課程學習成果', PERFORMANCE: '多元表現' }),
});

/** The steps of an item's chain, in order (README, the per-student ledger). */
export enum LedgerStep {
  UPLOADED = 'UPLOADED',
  CERTIFIED = 'CERTIFIED',
  SELECTED = 'SELECTED',
  SUBMITTED = 'SUBMITTED',
  RECEIVED = 'RECEIVED',
  CONFIRMED = 'CONFIRMED',
  LOCKED = 'LOCKED',
}

export const LEDGER_STEP_LABELS: Record<LedgerStep, string> = {
  [LedgerStep.UPLOADED]: '上傳',
  [LedgerStep.CERTIFIED]: '認證',
  [LedgerStep.SELECTED]: '勾選',
  [LedgerStep.SUBMITTED]: '提交',
  [LedgerStep.RECEIVED]: '中央收訖',
  [LedgerStep.CONFIRMED]: '確認收訖明細',
  [LedgerStep.LOCKED]: '最終提交（鎖定）',
};

registerEnumType(LedgerStep, {
  name: 'LedgerStep',
  description: '學習歷程履歷的一個步驟',
  valuesConfig: enumDescriptions(LEDGER_STEP_LABELS),
});

export enum LedgerStepState {
  DONE = 'DONE',
  WAITING = 'WAITING',
  PROBLEM = 'PROBLEM',
}

registerEnumType(LedgerStepState, {
  name: 'LedgerStepState',
  description: '一個步驟的狀態',
  valuesConfig: enumDescriptions({ DONE: '已完成', WAITING: '尚未到這一步', PROBLEM: '有問題' }),
});

export enum LedgerFlagKind {
  AWAITING_CERTIFICATION = 'AWAITING_CERTIFICATION',
  CERTIFICATION_OVERDUE = 'CERTIFICATION_OVERDUE',
  NOT_CERTIFIED = 'NOT_CERTIFIED',
  CERTIFIED_NOT_SELECTED = 'CERTIFIED_NOT_SELECTED',
  SELECTION_MISSED = 'SELECTION_MISSED',
  MISSING_FROM_RECEIPTS = 'MISSING_FROM_RECEIPTS',
  RECEIVED_CHANGED = 'RECEIVED_CHANGED',
  REJECTED_BY_CENTRAL = 'REJECTED_BY_CENTRAL',
  RECEIPT_UNCONFIRMED = 'RECEIPT_UNCONFIRMED',
  DISPUTE_OPEN = 'DISPUTE_OPEN',
  AWAITING_RESUBMISSION = 'AWAITING_RESUBMISSION',
}

registerEnumType(LedgerFlagKind, {
  name: 'LedgerFlagKind',
  description: '項目脫離流程的原因',
  valuesConfig: enumDescriptions({
    AWAITING_CERTIFICATION: '待任課教師認證（認證期間內）',
    CERTIFICATION_OVERDUE: '認證期限已過仍未認證',
    NOT_CERTIFIED: '未通過認證，可補件',
    CERTIFIED_NOT_SELECTED: '已認證但未勾選（勾選期間內）',
    SELECTION_MISSED: '勾選期限已過仍未勾選，本學年尚未提交（可為學生延長期限）',
    MISSING_FROM_RECEIPTS: '已勾選但收訖明細沒有這一筆',
    RECEIVED_CHANGED: '收訖明細的內容與提交的不同',
    REJECTED_BY_CENTRAL: '中央資料庫退件',
    RECEIPT_UNCONFIRMED: '收訖明細尚未確認（確認期間內）',
    DISPUTE_OPEN: '疑義處理中',
    AWAITING_RESUBMISSION: '疑義已更正，待重新提交',
  }),
});

export enum LedgerActor {
  STUDENT = 'STUDENT',
  TEACHER = 'TEACHER',
  TEACHING = 'TEACHING',
  REGISTRATION = 'REGISTRATION',
  HOMEROOM = 'HOMEROOM',
}

export const LEDGER_ACTOR_LABELS: Record<LedgerActor, string> = {
  [LedgerActor.STUDENT]: '學生',
  [LedgerActor.TEACHER]: '任課教師',
  [LedgerActor.TEACHING]: '教學組',
  [LedgerActor.REGISTRATION]: '註冊組',
  [LedgerActor.HOMEROOM]: '導師',
};

registerEnumType(LedgerActor, {
  name: 'LedgerActor',
  description: '該採取行動的人',
  valuesConfig: enumDescriptions(LEDGER_ACTOR_LABELS),
});

@ObjectType({ description: '一個步驟：做了什麼、何時、由誰' })
export class LedgerStage {
  @Field(() => LedgerStep)
  step!: LedgerStep;

  @Field({ description: '步驟名稱' })
  label!: string;

  @Field(() => LedgerStepState)
  state!: LedgerStepState;

  @Field(() => Date, { nullable: true, description: '完成（或出問題）的時間' })
  at!: Date | null;

  @Field(() => String, { nullable: true, description: '說明，例如認證者、提交的名冊與列號、退件原因' })
  detail!: string | null;
}

@ObjectType({ description: '需要處理的事：誰該做什麼，到哪一頁做' })
export class LedgerFlag {
  @Field(() => LedgerFlagKind)
  kind!: LedgerFlagKind;

  @Field(() => LedgerActor)
  actor!: LedgerActor;

  @Field({ description: '該採取行動的人（中文）' })
  actorLabel!: string;

  @Field({ description: '問題與補救方式' })
  message!: string;

  @Field(() => String, { nullable: true, description: '採取行動的頁面（用戶端路徑，例如 /selection）' })
  link!: string | null;

  @Field(() => Date, { nullable: true, description: '行動的期限（期程的截止時間）' })
  dueAt!: Date | null;

  @Field({ description: '檢視者本人是否就是該採取行動的人（是才提供前往處理的連結）' })
  viewerCanAct!: boolean;
}

@ObjectType({ description: '課程學習成果的一個版本與認證結果' })
export class LedgerVersion {
  @Field(() => Int)
  version!: number;

  @Field()
  description!: string;

  @Field({ description: '認證狀態（中文）' })
  statusLabel!: string;

  @Field()
  uploadedAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '認證者' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: '代理認證時，被代理的任課教師' })
  decidedAsProxyFor!: string | null;

  @Field(() => String, { nullable: true, description: '未通過的理由' })
  reason!: string | null;
}

@ObjectType({ description: '學生上傳的一個項目與它的完整流程' })
export class LedgerItem {
  @Field(() => ID, { description: '項目的全域識別碼（CourseOutcome 或 DiversePerformance）' })
  id!: string;

  @Field(() => LedgerItemKind)
  kind!: LedgerItemKind;

  @Field({ description: '項目名稱（課程或多元表現名稱）' })
  title!: string;

  @Field({ description: '補充說明（課程代碼與成果類別，或多元表現類別）' })
  subtitle!: string;

  @Field({ description: '所屬期間，例如「115學年度第1學期」或「115學年度」' })
  periodLabel!: string;

  @Field(() => [LedgerStage])
  stages!: LedgerStage[];

  @Field(() => [LedgerFlag])
  flags!: LedgerFlag[];

  @Field(() => [LedgerVersion], { description: '每個版本（課程學習成果；多元表現沒有）' })
  versions!: LedgerVersion[];
}

@ObjectType({ description: '一個學期上傳的課程學習成果件數，與學校的上傳上限' })
export class LedgerTermUploads {
  @Field()
  termLabel!: string;

  @Field(() => Int)
  uploaded!: number;
}

@ObjectType({ description: '一段期程（勾選、確認等）對這位學生的起訖' })
export class LedgerWindow {
  @Field()
  label!: string;

  @Field()
  startsAt!: Date;

  @Field({ description: '截止（含個人延長）' })
  endsAt!: Date;

  @Field({ description: '現在是否開放' })
  open!: boolean;
}

@ObjectType({ description: '一個學年度：上限、期程與這一年的項目' })
export class LedgerYear {
  @Field(() => Int)
  academicYear!: number;

  @Field({ description: '例如「115學年度（高三）」' })
  label!: string;

  @Field(() => Int)
  outcomesSelected!: number;

  @Field(() => Int, { description: '課程學習成果每學年勾選上限' })
  outcomesMax!: number;

  @Field(() => Int)
  performancesSelected!: number;

  @Field(() => Int, { description: '多元表現每學年勾選上限' })
  performancesMax!: number;

  @Field(() => Int, { nullable: true, description: '學校的每學期上傳上限（未設定為空）' })
  uploadCapPerTerm!: number | null;

  @Field(() => [LedgerTermUploads])
  uploadsByTerm!: LedgerTermUploads[];

  @Field(() => [LedgerWindow], { description: '這一年的勾選與確認期程' })
  windows!: LedgerWindow[];

  @Field(() => [LedgerItem])
  items!: LedgerItem[];
}

@ObjectType({ description: '由交換檔從其他學校帶來的項目（唯讀，不在本校流程中）' })
export class LedgerTransferredItem {
  @Field(() => ID)
  id!: string;

  @Field(() => LedgerItemKind)
  kind!: LedgerItemKind;

  @Field()
  title!: string;

  @Field({ description: '所屬期間' })
  periodLabel!: string;

  @Field({ description: '原學校' })
  originSchool!: string;

  @Field({ description: '匯入本校的時間' })
  importedAt!: Date;
}

@ObjectType({ description: '學習歷程履歷：一位學生每個上傳項目，跨學年度，從上傳到鎖定' })
export class StudentLedger {
  @Field(() => ID, { description: '學生的全域識別碼' })
  studentId!: string;

  @Field()
  studentName!: string;

  @Field()
  studentNumber!: string;

  @Field(() => Int, { description: '需要處理的項目數（有任何提醒的項目）' })
  flaggedItems!: number;

  @Field(() => [LedgerYear], { description: '由新到舊' })
  years!: LedgerYear[];

  @Field(() => [LedgerTransferredItem])
  transferred!: LedgerTransferredItem[];
}

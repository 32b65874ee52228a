/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountKind =
  /** 教育局帳號 */
  | 'BUREAU'
  /** 學校帳號 */
  | 'SCHOOL';

/** 學校行政分組 */
export type AdminSection =
  /** 執行秘書 */
  | 'COORDINATOR'
  /** 資訊組 */
  | 'IT'
  /** 註冊組 */
  | 'REGISTRATION'
  /** 訓育組 */
  | 'STUDENT_AFFAIRS'
  /** 教學組 */
  | 'TEACHING';

/** 採用教育局範本成為本校期程，可在範圍內調整日期 */
export type AdoptTimelineTemplateInput = {
  /** 不填的工作採用範本預設日期 */
  shifts?: Array<WindowShiftInput> | null | undefined;
  templateId: string | number;
};

export type AlertKind =
  /** 教育局從即時看板送出的提醒 */
  | 'BUREAU_NOTICE'
  /** 已截止 */
  | 'CLOSED'
  /** 1 小時後截止 */
  | 'CLOSING_1H'
  /** 24 小時後截止 */
  | 'CLOSING_24H'
  /** 72 小時後截止 */
  | 'CLOSING_72H'
  /** 疑義處理進度（taskId 為疑義的識別碼） */
  | 'DISPUTE_UPDATED'
  /** 期程變更 */
  | 'MOVED'
  /** 開放 */
  | 'OPENED';

/** 同意一筆轉出申請（原校的註冊組） */
export type ApproveTransferOutInput = {
  /** 學生尚未設為「轉出」時，同時將學籍狀態設為轉出 */
  markTransferred?: boolean | null | undefined;
  transferId: string | number;
};

/** 稽核紀錄的類別 */
export type AuditArea =
  /** 登入與學生資料 */
  | 'ACCOUNTS'
  /** 收訖明細確認 */
  | 'CONFIRMATION'
  /** 疑義 */
  | 'DISPUTES'
  /** 最終提交 */
  | 'FINAL'
  /** 資料匯入 */
  | 'IMPORTS'
  /** 預檢 */
  | 'PRECHECK'
  /** 收訖明細匯入 */
  | 'RECEIPTS'
  /** 成績、幹部、諮詢、學習成果 */
  | 'RECORDS'
  /** 提交 */
  | 'SUBMISSION'
  /** 期程與學校設定 */
  | 'TIMELINE';

/** 期程完成度的算法 */
export type BoardMeasure =
  /** 已認證（含不通過）的上傳件數 ÷ 上傳件數 */
  | 'CERTIFY'
  /** 已回覆的收訖明細列 ÷ 收訖明細列 */
  | 'CONFIRM'
  /** 已勾選的學生 ÷ 有已認證成果可勾選的學生 */
  | 'SELECT';

export type BoardStage =
  /** 待提交 */
  | 'AWAITING_SUBMISSION'
  /** 認證中 */
  | 'CERTIFYING'
  /** 確認中 */
  | 'CONFIRMING'
  /** 成績登錄中 */
  | 'GRADE_ENTRY'
  /** 已最終提交 */
  | 'LOCKED'
  /** 尚未開始 */
  | 'NOT_STARTED'
  /** 預檢中 */
  | 'PRECHECK'
  /** 已匯入收訖明細 */
  | 'RECEIPTS_IMPORTED'
  /** 勾選中 */
  | 'SELECTING'
  /** 已提交 */
  | 'SUBMITTED'
  /** 上傳中 */
  | 'UPLOADING';

export type CertificationPolicyInput = {
  /** 待認證滿幾天自動轉給代理人（1–60） */
  routeAfterDays: number;
};

export type CertificationProxyInput = {
  /** 代理人 */
  proxyId: string | number;
  /** 任課教師 */
  teacherId: string | number;
};

/** 認證狀態 */
export type CertificationStatus =
  /** 已認證 */
  | 'CERTIFIED'
  /** 待認證 */
  | 'PENDING'
  /** 未通過 */
  | 'REJECTED';

export type CertifyCourseOutcomesInput = {
  /** 要認證的成果（可一次多件） */
  outcomeIds: Array<string | number>;
};

export type ChangePasswordInput = {
  /** 目前的密碼 */
  currentPassword: string;
  /** 新密碼（至少 10 個字元，不能包含帳號） */
  newPassword: string;
};

export type CommitImportInput = {
  /** 試匯入沒有問題的匯入紀錄 */
  importId: string | number;
};

/** 執行學年度升級（註冊組） */
export type CommitRolloverInput = {
  /** 已看過尚未最終提交的學期，仍要執行 */
  acknowledgeOpenRounds?: boolean | null | undefined;
  /** 新學年度班級名單（學號、新班級、座號）的上傳檔；不提供時依班級代號規則 */
  classListUploadId?: string | number | null | undefined;
  /** 新學年度，例如 116 */
  toYear: number;
};

/** 處室確認已檢查一份收訖明細 */
export type ConfirmReceiptImportInput = {
  receiptImportId: string | number;
};

/** 學生確認自己的收訖明細無誤 */
export type ConfirmReceiptRowsInput = {
  receiptRowIds: Array<string | number>;
};

/** 更正一筆修課紀錄提交的內容（負責修課紀錄的處室，最終提交前）；未填的成績欄位表示空白 */
export type CorrectEnrolmentInput = {
  /** 給學生的回覆（最多 400 字；系統會附上更正內容） */
  answer?: string | null | undefined;
  /** 是否採計學分 */
  creditsCounted?: boolean | null | undefined;
  /** 這項更正所回覆的疑義：更正後疑義即結案為「已更正」，回覆附上更正內容，隨下次提交送出 */
  disputeId?: string | number | null | undefined;
  enrolmentId: string | number;
  kind: EnrolmentKind;
  /** 補考成績（0–100） */
  makeupGrade?: number | null | undefined;
  /** 是否及格；不填時依學期成績是否達 60 分 */
  passed?: boolean | null | undefined;
  /** 質性描述（最多 200 字） */
  qualitativeNote?: string | null | undefined;
  /** 學期成績（0–100，最多兩位小數） */
  termGrade?: number | null | undefined;
};

/** 更正一位學生的一筆多元表現（負責多元表現的處室，最終提交前；檔案不變） */
export type CorrectPerformanceInput = {
  /** 給學生的回覆（最多 400 字；系統會附上更正內容） */
  answer?: string | null | undefined;
  category: PerformanceCategory;
  /** 簡述，100 字以內 */
  description: string;
  /** 類別的其他欄位（見 performanceCategories） */
  details: Array<PerformanceDetailInput>;
  /** 這項更正所回覆的疑義：更正後疑義即結案為「已更正」，回覆附上更正內容，隨下次提交送出 */
  disputeId?: string | number | null | undefined;
  /** http 或 https 網址；不填則清除 */
  externalLink?: string | null | undefined;
  performanceId: string | number;
  title: string;
};

export type CounselingKind =
  /** 團體諮詢 */
  | 'GROUP'
  /** 個別諮詢 */
  | 'INDIVIDUAL';

/** 新增學校部別與它的第一個資訊組帳號 */
export type CreateSchoolInput = {
  /** 學校代碼（6 碼，例如 383301） */
  code: string;
  /** 日間部或進修部；同一校代碼的兩個部別各自新增 */
  division: SchoolDivision;
  /** 資訊組人員姓名（最多 50 字） */
  itDisplayName: string;
  /** 第一個資訊組帳號的登入帳號（全平臺不可重複，不分大小寫） */
  itUsername: string;
  /** 校名，例如「臺北市立示範高級中學」（最多 100 字） */
  name: string;
  /** 學生帳號規則（{code} 學校代碼、{number} 學號）；省略時日間部為 {code}{number}，進修部為 {code}n{number} */
  studentLoginPattern?: string | null | undefined;
};

/** 不同意一筆轉出申請（原校的註冊組） */
export type DeclineTransferOutInput = {
  /** 不同意的理由（最多 200 字），轉入學校會看到 */
  reason: string;
  transferId: string | number;
};

/** 刪除一筆校內幹部紀錄（負責基本資料的處室，最終提交前） */
export type DeleteCadreRecordInput = {
  /** 給學生的回覆（最多 400 字；系統會附上更正內容） */
  answer?: string | null | undefined;
  cadreRecordId: string | number;
  /** 這項更正所回覆的疑義：更正後疑義即結案為「已更正」，回覆附上更正內容，隨下次提交送出 */
  disputeId?: string | number | null | undefined;
};

/** 學生刪除自己的一筆多元表現（提交前、上傳期間內） */
export type DeletePerformanceInput = {
  performanceId: string | number;
};

/** 刪除一位學生的一筆多元表現（負責多元表現的處室，最終提交前） */
export type DeleteStudentPerformanceInput = {
  /** 給學生的回覆（最多 400 字；系統會附上更正內容） */
  answer?: string | null | undefined;
  /** 這項更正所回覆的疑義：更正後疑義即結案為「已更正」，回覆附上更正內容，隨下次提交送出 */
  disputeId?: string | number | null | undefined;
  performanceId: string | number;
};

/** 疑義的處理結果 */
export type DisputeResolution =
  /** 已於校內系統更正，隨下次提交送出 */
  | 'CORRECTED'
  /** 資料無誤，不需更正（附回覆） */
  | 'NO_CHANGE';

/** 疑義的處理狀態 */
export type DisputeStatus =
  /** 處理中 */
  | 'IN_REVIEW'
  /** 待處理 */
  | 'OPEN'
  /** 已更正（將於下次提交送出） */
  | 'RESOLVED_CORRECTED'
  /** 已回覆（資料無誤，不需更正） */
  | 'RESOLVED_NO_CHANGE';

export type EndTemporaryAccessInput = {
  /** 教職員或學生帳號 */
  accountId: string | number;
};

/** 修課類別 */
export type EnrolmentKind =
  /** 借讀 */
  | 'BORROWED'
  /** 補修 */
  | 'MAKEUP'
  /** 一般 */
  | 'REGULAR'
  /** 重讀 */
  | 'REPEAT'
  /** 重修 */
  | 'RETAKE'
  /** 轉學轉科 */
  | 'TRANSFER';

/** 登錄一個開課班別的成績（任課教師，成績登錄期間內） */
export type EnterGradesInput = {
  grades: Array<GradeInput>;
  sectionId: string | number;
};

/** 為一位學生產製學習歷程交換檔，交給另一個平臺（跨縣市）的學校匯入（註冊組） */
export type ExportExchangeFileInput = {
  /** 目的學校所屬教育局的代碼（對方平臺的縣市代碼） */
  authorityCode: string;
  division: SchoolDivision;
  /** 目的學校代碼（6 碼） */
  schoolCode: string;
  studentId: string | number;
};

/** 匯出某學期的預檢名冊（修課紀錄，不含成績） */
export type ExportPrecheckRosterInput = {
  termId: string | number;
};

/** 完成某學期、某類別的最終提交 */
export type FinalizeTermInput = {
  category: SubmissionCategory;
  /** 高三升學前梯次；不填為一般梯次 */
  grade12Round?: boolean | null | undefined;
  /** 梯次的學期；課程學習成果與多元表現為該學年度的第2學期 */
  termId: string | number;
};

/** 一位學生的成績 */
export type GradeInput = {
  /** 是否採計學分 */
  creditsCounted?: boolean | null | undefined;
  enrolmentId: string | number;
  /** 補考成績（0–100） */
  makeupGrade?: number | null | undefined;
  /** 是否及格；不填時依學期成績是否達 60 分 */
  passed?: boolean | null | undefined;
  /** 質性描述（最多 200 字） */
  qualitativeNote?: string | null | undefined;
  /** 學期成績（0–100，最多兩位小數）；null 表示清除 */
  termGrade?: number | null | undefined;
};

/** 為一位學生延長一項期限 */
export type GrantDeadlineExtensionInput = {
  /** 延長後的截止時間 */
  endsAt: string;
  /** 原因，例如「休學復學」「病假」 */
  reason: string;
  studentId: string | number;
  taskId: string | number;
};

export type GrantTemporaryAccessInput = {
  /** 教職員或學生帳號 */
  accountId: string | number;
  /** 可登入到這一天結束（YYYY-MM-DD，臺北時間）；今天起到政策上限（Me.temporaryAccessMaxDays）天內 */
  until: string;
};

/** 匯入另一所學校產製的學習歷程交換檔到本校的一位學生（註冊組） */
export type ImportExchangeFileInput = {
  studentId: string | number;
  /** 已上傳完成的交換檔（用途 IMPORT，.zip） */
  uploadId: string | number;
};

/** 匯入的資料種類 */
export type ImportKind =
  /** 課程與開課班別 */
  | 'COURSES'
  /** 修課紀錄 */
  | 'ENROLMENTS'
  /** 學生名冊與班級 */
  | 'STUDENTS'
  /** 教師帳號 */
  | 'TEACHERS';

/** 匯入中央資料庫回覆的預檢比對結果檔 */
export type ImportPrecheckResultInput = {
  precheckRunId: string | number;
  /** 上傳的比對結果檔（用途 IMPORT，CSV 或 XLSX） */
  uploadId: string | number;
};

/** 匯入一份收訖明細檔 */
export type ImportReceiptsInput = {
  submissionId: string | number;
  /** 上傳的收訖明細檔（用途 IMPORT） */
  uploadId: string | number;
};

export type ImportStatus =
  /** 已匯入 */
  | 'COMMITTED'
  /** 已檢查，沒有錯誤，可以匯入 */
  | 'PREVIEWED'
  /** 檢查出錯誤，不能匯入 */
  | 'REJECTED';

export type IssueFirstPasswordSlipsInput = {
  /** 班級 */
  classId: string | number;
};

/** 項目脫離流程的原因 */
export type LedgerFlagKind =
  /** 待任課教師認證（認證期間內） */
  | 'AWAITING_CERTIFICATION'
  /** 疑義已更正，待重新提交 */
  | 'AWAITING_RESUBMISSION'
  /** 認證期限已過仍未認證 */
  | 'CERTIFICATION_OVERDUE'
  /** 已認證但未勾選（勾選期間內） */
  | 'CERTIFIED_NOT_SELECTED'
  /** 疑義處理中 */
  | 'DISPUTE_OPEN'
  /** 已勾選但收訖明細沒有這一筆 */
  | 'MISSING_FROM_RECEIPTS'
  /** 未通過認證，可補件 */
  | 'NOT_CERTIFIED'
  /** 收訖明細尚未確認（確認期間內） */
  | 'RECEIPT_UNCONFIRMED'
  /** 收訖明細的內容與提交的不同 */
  | 'RECEIVED_CHANGED'
  /** 中央資料庫退件 */
  | 'REJECTED_BY_CENTRAL'
  /** 勾選期限已過仍未勾選，本學年尚未提交（可為學生延長期限） */
  | 'SELECTION_MISSED';

/** 學習歷程履歷的項目種類 */
export type LedgerItemKind =
  /** 課程學習成果 */
  | 'COURSE_OUTCOME'
  /** 多元表現 */
  | 'PERFORMANCE';

/** 學習歷程履歷的一個步驟 */
export type LedgerStep =
  /** 認證 */
  | 'CERTIFIED'
  /** 確認收訖明細 */
  | 'CONFIRMED'
  /** 最終提交（鎖定） */
  | 'LOCKED'
  /** 中央收訖 */
  | 'RECEIVED'
  /** 勾選 */
  | 'SELECTED'
  /** 提交 */
  | 'SUBMITTED'
  /** 上傳 */
  | 'UPLOADED';

/** 一個步驟的狀態 */
export type LedgerStepState =
  /** 已完成 */
  | 'DONE'
  /** 有問題 */
  | 'PROBLEM'
  /** 尚未到這一步 */
  | 'WAITING';

export type LoginInput = {
  /** API 用戶端設為 true 以取得 bearer token；瀏覽器使用 httpOnly cookie，不需要 token */
  issueToken?: boolean | null | undefined;
  /** 密碼 */
  password: string;
  /** 帳號 */
  username: string;
};

export type LogoutInput = {
  /** 同時登出這個帳號的所有裝置 */
  allSessions?: boolean | null | undefined;
};

/** 帳號類別 */
export type ManagedAccountKind =
  /** 教職員 */
  | 'STAFF'
  /** 學生 */
  | 'STUDENT';

/** 帳號狀態 */
export type ManagedAccountStatus =
  /** 啟用 */
  | 'ACTIVE'
  /** 停用 */
  | 'DISABLED'
  /** 鎖定中 */
  | 'LOCKED'
  /** 須變更密碼 */
  | 'MUST_CHANGE_PASSWORD'
  /** 尚未發放初始密碼 */
  | 'SLIP_PENDING'
  /** 臨時帳號 */
  | 'TEMPORARY_ACCESS';

/** 移動本校的一項期程 */
export type MoveTimelineTaskInput = {
  endsAt: string;
  startsAt: string;
  taskId: string | number;
};

/** 課程學習成果的種類 */
export type OutcomeKind =
  /** 其他課程學習成果 */
  | 'OTHER'
  /** 專題實作及實習科目學習成果 */
  | 'PROJECT';

/** 多元表現的類別（依中央資料庫名冊） */
export type PerformanceCategory =
  /** 大學及技專校院先修課程 */
  | 'ADVANCED_COURSE'
  /** 幹部經歷暨事蹟 */
  | 'CADRE'
  /** 檢定證照 */
  | 'CERTIFICATE'
  /** 競賽參與 */
  | 'COMPETITION'
  /** 彈性學習時間 */
  | 'FLEXIBLE_LEARNING'
  /** 團體活動時間（含社團） */
  | 'GROUP_ACTIVITY'
  /** 其他多元表現 */
  | 'OTHER'
  /** 服務學習 */
  | 'SERVICE_LEARNING'
  /** 作品成果 */
  | 'WORK'
  /** 職場學習 */
  | 'WORKPLACE_LEARNING';

export type PerformanceDetailInput = {
  key: string;
  value: string;
};

/** 學習歷程紀錄的種類 */
export type PortfolioRecordKind =
  /** 校內幹部經歷 */
  | 'CADRE_RECORD'
  /** 課程學習成果 */
  | 'COURSE_OUTCOME'
  /** 修課紀錄 */
  | 'COURSE_RECORD'
  /** 多元表現 */
  | 'PERFORMANCE'
  /** 收訖明細 */
  | 'RECEIPT';

/** 預檢比對結果中不相符的種類 */
export type PrecheckMismatchKind =
  /** 不符：名冊的資料與中央資料庫的不同 */
  | 'MISMATCH'
  /** 中央查無：中央資料庫沒有這筆修課資料 */
  | 'NOT_IN_CENTRAL'
  /** 學校未列：中央資料庫有、學校名冊沒有的修課資料 */
  | 'NOT_LISTED_BY_SCHOOL';

/** 不相符資料的排列方式 */
export type PrecheckMismatchOrder =
  /** 依課程（課程代碼、學號） */
  | 'COURSE'
  /** 依學生（學號、課程代碼） */
  | 'STUDENT';

/** 預檢的狀態 */
export type PrecheckStatus =
  /** 已匯入比對結果 */
  | 'COMPARED'
  /** 已匯出名冊，待比對 */
  | 'EXPORTED';

export type PreviewImportInput = {
  kind: ImportKind;
  /** 匯入到哪個學期；省略時為目前學期（班級屬於該學期的學年度） */
  termId?: string | number | null | undefined;
  /** 已上傳完成的檔案（requestUpload 的 upload.id） */
  uploadId: string | number;
};

/** 發布期程範本（教育局） */
export type PublishTimelineTemplateInput = {
  academicYear: number;
  name: string;
  semester: number;
  tasks: Array<TemplateTaskInput>;
};

/** 對一筆收訖明細提出疑義 */
export type RaiseDisputeInput = {
  /** 疑義內容（1 至 500 字） */
  reason: string;
  receiptRowId: string | number;
};

/** 復學：休學學生回到在學，編入本學年度的班級（註冊組） */
export type ReadmitStudentInput = {
  /** 本學年度的班級 */
  classId: string | number;
  /** 復學後的入學年度（編入的年級在本學年度的入學年度）；未提供時依班級年級推算，不會早於原入學年度 */
  cohort?: number | null | undefined;
  id: string | number;
  seatNumber?: number | null | undefined;
};

/** 收訖明細的種類 */
export type ReceiptKind =
  /** 校內幹部 */
  | 'CADRES'
  /** 課程學習成果 */
  | 'COURSE_OUTCOMES'
  /** 修課紀錄 */
  | 'COURSE_RECORDS'
  /** 多元表現 */
  | 'PERFORMANCES';

/** 中央資料庫對一筆資料的回覆 */
export type ReceiptStatus =
  /** 收訖明細未列出（已提交） */
  | 'MISSING'
  /** 已收訖 */
  | 'RECEIVED'
  /** 退件 */
  | 'REJECTED';

/** 收訖明細與提交內容的比對結果 */
export type Reconciliation =
  /** 收訖明細的內容與提交的不同 */
  | 'CHANGED'
  /** 收訖明細列出但未提交 */
  | 'EXTRA'
  /** 已提交但收訖明細未列出 */
  | 'MISSING'
  /** 相符且已收訖 */
  | 'OK'
  /** 相符但被退件 */
  | 'REJECTED';

/** 登錄一筆校內幹部經歷（訓育組） */
export type RecordCadreInput = {
  /** YYYY-MM-DD */
  endsOn: string;
  level: number;
  position: string;
  /** YYYY-MM-DD */
  startsOn: string;
  studentId: string | number;
  /** 學期；不填為目前學期 */
  termId?: string | number | null | undefined;
  unit: string;
};

/** 登錄一筆課程諮詢紀錄（課程諮詢教師） */
export type RecordCounselingInput = {
  content: string;
  /** YYYY-MM-DD */
  heldOn: string;
  kind: CounselingKind;
  /** 個別諮詢一位學生，團體諮詢兩位以上 */
  studentIds: Array<string | number>;
  topic: string;
};

export type RecordPerformanceInput = {
  category: PerformanceCategory;
  /** 簡述，100 字以內 */
  description: string;
  /** 類別的其他欄位（見 performanceCategories） */
  details: Array<PerformanceDetailInput>;
  documentUploadId?: string | number | null | undefined;
  /** http 或 https 網址 */
  externalLink?: string | null | undefined;
  mediaUploadId?: string | number | null | undefined;
  /** 名稱（競賽名稱、證照名稱、職稱…） */
  title: string;
};

export type RejectCourseOutcomeInput = {
  outcomeId: string | number;
  /** 未通過的理由（學生會看到） */
  reason: string;
};

export type ReplaceCourseOutcomeInput = {
  /** 新的簡述；省略則沿用 */
  description?: string | null | undefined;
  documentUploadId?: string | number | null | undefined;
  mediaUploadId?: string | number | null | undefined;
  outcomeId: string | number;
};

/** 提出轉入申請（轉入學校的註冊組） */
export type RequestTransferInInput = {
  /** 學生的出生日期（YYYY-MM-DD） */
  birthDate: string;
  /** 學生的身分證字號或居留證號 */
  nationalId: string;
  /** 本校尚無此學生時，接收時建立；與 studentId 擇一 */
  newStudent?: TransferNewStudentInput | null | undefined;
  /** 原就讀學校；只有一所學校符合時可省略 */
  originSchoolId?: string | number | null | undefined;
  /** 本校已有的學生（例如已由學生名冊匯入）；與 newStudent 擇一 */
  studentId?: string | number | null | undefined;
};

export type RequestUploadInput = {
  /** 原始檔名，副檔名決定接受的檔案類型 */
  fileName: string;
  purpose: UploadPurpose;
  /** 檔案大小（位元組）；上傳的內容必須剛好這麼大 */
  size: number;
};

export type ResetAccountPasswordInput = {
  /** 教職員或學生帳號 */
  accountId: string | number;
};

/** 回覆並結案一件疑義 */
export type ResolveDisputeInput = {
  /** 給學生的回覆（1 至 500 字） */
  answer: string;
  disputeId: string | number;
  resolution: DisputeResolution;
};

/** 保存期限各自設定的資料種類（畢業或轉出後） */
export type RetentionKind =
  /** 校內幹部紀錄 */
  | 'CADRE_RECORDS'
  /** 課程諮詢紀錄 */
  | 'COUNSELING'
  /** 課程學習成果（含檔案） */
  | 'COURSE_OUTCOMES'
  /** 修課紀錄（選課與成績） */
  | 'COURSE_RECORDS'
  /** 多元表現（含檔案） */
  | 'PERFORMANCES'
  /** 收訖明細與疑義處理 */
  | 'RECEIPTS'
  /** 提交資料包 */
  | 'SUBMISSION_PACKAGES';

/** 對一筆收訖明細的確認結果 */
export type ReviewDecision =
  /** 確認無誤 */
  | 'CORRECT'
  /** 提出疑義 */
  | 'DISPUTED';

export type RevokeSessionInput = {
  sessionId: string | number;
};

/** 角色；一個人可以同時有多個角色 */
export type Role =
  /** 教育局管理者 */
  | 'BUREAU_ADMIN'
  /** 課程諮詢教師 */
  | 'COUNSELOR'
  /** 導師 */
  | 'HOMEROOM_TEACHER'
  /** 學校行政人員 */
  | 'SCHOOL_ADMIN'
  /** 學生 */
  | 'STUDENT'
  /** 任課教師 */
  | 'TEACHER';

/** 學制部別：同一所學校的日間部與進修部是兩個租戶 */
export type SchoolDivision =
  /** 日間部 */
  | 'DAY'
  /** 進修部 */
  | 'NIGHT';

export type SelectItemInput = {
  /** 課程學習成果或多元表現 */
  itemId: string | number;
  /** true 勾選，false 取消勾選 */
  selected: boolean;
};

export type SendBoardAlertInput = {
  /** 附註（100 字以內） */
  note?: string | null | undefined;
  /** 所轄學校 */
  schoolId: string | number;
  /** 這所學校的期程工作 */
  taskId: string | number;
};

/** 將一次預檢的名冊送至中央資料庫比對 */
export type SendPrecheckToCentralRepositoryInput = {
  precheckRunId: string | number;
};

/** 將一份提交送至中央資料庫 */
export type SendToCentralRepositoryInput = {
  submissionId: string | number;
};

export type SetAccountActiveInput = {
  /** 教職員或學生帳號 */
  accountId: string | number;
  /** true 啟用，false 停用（停用時該帳號所有登入立即失效） */
  active: boolean;
};

export type SetAdminSectionInput = {
  /** 教職員帳號 */
  accountId: string | number;
  /** true 授予，false 移除 */
  granted: boolean;
  section: AdminSection;
};

export type SetSchoolActiveInput = {
  /** false 停用（所有帳號立即登出且不能登入），true 重新啟用 */
  active: boolean;
  /** 所轄學校（部別） */
  schoolId: string | number;
};

export type SetStudentLoginPatternInput = {
  /** 所轄學校（部別） */
  schoolId: string | number;
  /** 新的學生帳號規則，例如 {code}{number}；只影響之後建立的帳號 */
  studentLoginPattern: string;
};

export type SetTeachingRoleInput = {
  /** 教職員帳號 */
  accountId: string | number;
  /** true 授予，false 移除 */
  granted: boolean;
  role: TeachingRole;
};

/** 以單一登入登入失敗的原因（登入頁由網址的 failure 參數得知） */
export type SsoFailure =
  | 'ACCOUNT_UNAVAILABLE'
  | 'AMBIGUOUS'
  | 'ANSWER_REJECTED'
  | 'CANCELLED'
  | 'CLAIM_MISSING'
  | 'HANDSHAKE_MISSING'
  | 'KIND_NOT_ALLOWED'
  | 'LINKED_ELSEWHERE'
  | 'NO_ACCOUNT'
  | 'PROVIDER_UNAVAILABLE'
  | 'RESET_PENDING';

/** 錯開截止計畫：範本中的一項工作、分組方式、組數與每組相隔天數 */
export type StaggerPlanInput = {
  /** 組數（2–10） */
  groupCount: number;
  rule: StaggerRule;
  /** 每組比前一組晚幾天截止（1–14） */
  stepDays: number;
  /** 範本中的工作（TimelineTemplateTask） */
  templateTaskId: string | number;
};

/** 錯開截止的分組方式 */
export type StaggerRule =
  /** 依規模分組（各組件數相近） */
  | 'BALANCED'
  /** 依學校代碼輪流分組 */
  | 'ROUND_ROBIN';

/** 受理一件疑義 */
export type StartDisputeReviewInput = {
  disputeId: string | number;
};

/** 學籍狀態 */
export type StudentStatus =
  /** 在學 */
  | 'ENROLLED'
  /** 畢業 */
  | 'GRADUATED'
  /** 休學 */
  | 'SUSPENDED'
  /** 轉出 */
  | 'TRANSFERRED';

/** 提交中央資料庫的資料類別 */
export type SubmissionCategory =
  /** 基本資料／校內幹部 */
  | 'BASIC'
  /** 課程學習成果 */
  | 'COURSE_OUTCOMES'
  /** 修課紀錄 */
  | 'COURSE_RECORDS'
  /** 多元表現 */
  | 'PERFORMANCES';

/** 一個類別從預檢到最終提交的階段 */
export type SubmissionStage =
  /** 確認收訖明細中 */
  | 'CONFIRMING'
  /** 疑義處理中 */
  | 'DISPUTES'
  /** 已完成最終提交 */
  | 'FINAL'
  /** 預檢／尚未提交 */
  | 'NOT_SUBMITTED'
  /** 收訖明細已匯入，可完成最終提交 */
  | 'RECEIPTS_IMPORTED'
  /** 已提交，待匯入收訖明細 */
  | 'SUBMITTED';

/** 提交某學期某類別的資料至中央資料庫 */
export type SubmitTermInput = {
  category: SubmissionCategory;
  /** 高三升學前梯次（只含高三學生的基本資料、課程學習成果、多元表現）；不填為一般梯次 */
  grade12Round?: boolean | null | undefined;
  /** 用戶端產生的識別碼（8–100 字元）；重送同一個請求時沿用，只會產生一份提交 */
  idempotencyKey: string;
  termId: string | number;
};

/** 期程工作項目 */
export type TaskKind =
  /** 教師認證課程學習成果 */
  | 'CERTIFY_COURSE_OUTCOMES'
  /** 確認收訖明細 */
  | 'CONFIRM_RECEIPTS'
  /** 完成最終提交 */
  | 'FINAL_SUBMIT'
  /** 教師登錄學期成績 */
  | 'GRADE_ENTRY'
  /** 預檢修課紀錄 */
  | 'PRECHECK'
  /** 疑義處理 */
  | 'RESOLVE_DISPUTES'
  /** 學生勾選課程學習成果 */
  | 'SELECT_COURSE_OUTCOMES'
  /** 學生勾選多元表現 */
  | 'SELECT_PERFORMANCES'
  /** 提交至中央資料庫 */
  | 'SUBMIT'
  /** 學生上傳課程學習成果 */
  | 'UPLOAD_COURSE_OUTCOMES'
  /** 學生上傳多元表現 */
  | 'UPLOAD_PERFORMANCES';

/** 帳號管理可以授予或移除的教學身分 */
export type TeachingRole =
  /** 課程諮詢教師 */
  | 'COUNSELOR'
  /** 導師 */
  | 'HOMEROOM_TEACHER'
  /** 任課教師 */
  | 'TEACHER';

/** 範本中的一項工作 */
export type TemplateTaskInput = {
  /** SUBMIT 必填，其他工作不填 */
  category?: SubmissionCategory | null | undefined;
  /** 學校可提前到的最早開始時間；不填等於預設開始時間 */
  earliestStart?: string | null | undefined;
  /** 預設結束時間 */
  endsAt: string;
  /** 高三升學前的梯次（只適用高三學生）；不填為一般梯次 */
  grade12Round?: boolean | null | undefined;
  kind: TaskKind;
  /** 學校可延後到的最晚結束時間；不填等於預設結束時間 */
  latestEnd?: string | null | undefined;
  notes?: string | null | undefined;
  /** 所管資料的期間：學期代碼（「1121」或「11201」）；勾選、多元表現登錄與課程學習成果、多元表現的提交管整個學年度（「112_0」） */
  period: string;
  sections?: Array<AdminSection> | null | undefined;
  /** 預設開始時間 */
  startsAt: string;
  /** 作業的系統或地點 */
  system?: string | null | undefined;
};

/** 指定一筆轉入申請 */
export type TransferInIdInput = {
  transferId: string | number;
};

/** 轉入時建立新學生所需的資料（同學生名冊匯入） */
export type TransferNewStudentInput = {
  /** 班級（本校本學年的班級） */
  classId: string | number;
  /** 入學年度（民國）；空白時依班級的年級推算 */
  cohort?: number | null | undefined;
  /** 性別：M 男、F 女 */
  gender?: string | null | undefined;
  /** 姓名 */
  name: string;
  /** 座號 */
  seatNumber?: number | null | undefined;
  /** 學號 */
  studentNumber: string;
};

/** 轉學（轉科、轉部）申請的狀態 */
export type TransferStatus =
  /** 原校已同意（待接收） */
  | 'APPROVED'
  /** 已取消 */
  | 'CANCELLED'
  /** 已完成 */
  | 'COMPLETED'
  /** 原校未同意 */
  | 'DECLINED'
  /** 待原校同意 */
  | 'PENDING';

export type UnlockAccountInput = {
  /** 教職員或學生帳號 */
  accountId: string | number;
};

/** 更正一筆校內幹部紀錄（負責基本資料的處室，最終提交前） */
export type UpdateCadreRecordInput = {
  /** 給學生的回覆（最多 400 字；系統會附上更正內容） */
  answer?: string | null | undefined;
  cadreRecordId: string | number;
  /** 這項更正所回覆的疑義：更正後疑義即結案為「已更正」，回覆附上更正內容，隨下次提交送出 */
  disputeId?: string | number | null | undefined;
  /** YYYY-MM-DD */
  endsOn: string;
  /** 幹部等級 1–3 */
  level: number;
  position: string;
  /** YYYY-MM-DD */
  startsOn: string;
  unit: string;
};

/** 修改自己登錄的一筆課程諮詢紀錄（課程諮詢教師） */
export type UpdateCounselingInput = {
  content: string;
  /** YYYY-MM-DD */
  heldOn: string;
  kind: CounselingKind;
  recordId: string | number;
  /** 個別諮詢一位學生，團體諮詢兩位以上 */
  studentIds: Array<string | number>;
  topic: string;
};

/** 學生修改自己的一筆多元表現（提交前、上傳期間內） */
export type UpdatePerformanceInput = {
  category: PerformanceCategory;
  /** 簡述，100 字以內 */
  description: string;
  /** 類別的其他欄位（見 performanceCategories） */
  details: Array<PerformanceDetailInput>;
  /** 換成這份新上傳的文件；不填則保留原文件 */
  documentUploadId?: string | number | null | undefined;
  /** http 或 https 網址；不填則清除 */
  externalLink?: string | null | undefined;
  /** 換成這份新上傳的影音；不填則保留原影音 */
  mediaUploadId?: string | number | null | undefined;
  performanceId: string | number;
  /** 名稱（競賽名稱、證照名稱、職稱…） */
  title: string;
};

export type UploadCourseOutcomeInput = {
  /** 簡述，100 字以內 */
  description: string;
  /** 文件（PDF、JPG、PNG）的上傳 id */
  documentUploadId?: string | number | null | undefined;
  /** 自己的修課紀錄 */
  enrolmentId: string | number;
  kind: OutcomeKind;
  /** 影音（MP3、MP4）的上傳 id */
  mediaUploadId?: string | number | null | undefined;
};

/** 上傳檔案的用途 */
export type UploadPurpose =
  /** 學習歷程文件（PDF、JPG、PNG） */
  | 'DOCUMENT'
  /** 資料匯入（CSV 或 Excel） */
  | 'IMPORT'
  /** 學習歷程影音（MP3、MP4） */
  | 'MEDIA';

/** 學校調整的一項期程 */
export type WindowShiftInput = {
  category?: SubmissionCategory | null | undefined;
  endsAt: string;
  grade12Round?: boolean | null | undefined;
  kind: TaskKind;
  /** 範本中這項工作的資料期間，例如「1121」或「112_0」 */
  period: string;
  startsAt: string;
};

export type WindowState =
  /** 已截止 */
  | 'CLOSED'
  /** 即將截止 */
  | 'CLOSING_SOON'
  /** 進行中 */
  | 'OPEN'
  /** 尚未開始 */
  | 'UPCOMING';

export type AppViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AppViewerQuery = { me: { id: string, kind: AccountKind, displayName: string, username: string, roles: Array<Role>, adminSections: Array<AdminSection>, roleLabels: Array<string>, serverTime: string, currentTermLabel: string, viewerCanListStudents: boolean, viewerCanListClasses: boolean, viewerCanBrowseSchools: boolean, viewerCanManageAccounts: boolean, passwordIsTemporary: boolean, readOnlyReason: string | null, viewerCanPrintFirstPasswordSlips: boolean, viewerCanViewStatistics: boolean, viewerCanEditTimeline: boolean, viewerCanEnterGrades: boolean, viewerCanViewHomeroom: boolean, viewerCanPublishTemplates: boolean, viewerCanImport: boolean, viewerCanRollOver: boolean, viewerCanRecordCadres: boolean, viewerCanRecordCounseling: boolean, viewerCanManageSubmissions: boolean, viewerCanManageTransfers: boolean, viewerCanReviewReceipts: boolean, viewerCanReadAuditLog: boolean, viewerCanReadRetentionReport: boolean, sessionExpiresAt: string, signedInWith: { id: string, label: string } | null, school: { id: string, displayName: string, code: string } | null, authority: { id: string, name: string }, currentTerm: { id: string, label: string, rocPeriod: string } | null, student: { id: string, studentNumber: string, name: string, nationalId: string, birthDate: string, cohortLabel: string, seatNumber: number | null, statusLabel: string, schoolClass: { id: string, name: string } | null } | null, homeroomClasses: Array<{ id: string, name: string, gradeYear: number }> } | null };

export type DeadlineAlertsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DeadlineAlertsSubscription = { deadlineAlerts: { id: string, kind: AlertKind, taskLabel: string, message: string, endsAt: string } };

export type BureauDeadlinesQueryVariables = Exact<{ [key: string]: never; }>;


export type BureauDeadlinesQuery = { me: { id: string, serverTime: string } | null, timelineTemplates: { nodes: Array<{ id: string, name: string, termLabel: string, tasks: Array<{ id: string, label: string, endsAt: string, rocWindow: string }> }> } };

export type ClassConfirmationProgressQueryVariables = Exact<{
  classId: string | number;
  termId: string | number;
}>;


export type ClassConfirmationProgressQuery = { classConfirmationProgress: Array<{ rows: number, received: number, rejected: number, flagged: number, confirmed: number, disputed: number, unconfirmed: number, student: { id: string, seatNumber: number | null, studentNumber: string, name: string } }> };

export type ClassRostersQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ClassRostersQuery = { classes: { nodes: Array<{ id: string, name: string, gradeYear: number, academicYear: { id: string, year: number, label: string }, students: Array<{ id: string, name: string, studentNumber: string, seatNumber: number | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HomeDeadlinesQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeDeadlinesQuery = { me: { id: string, serverTime: string } | null, myDeadlines: Array<{ state: WindowState, stateLabel: string, endsAt: string, rocEndsAt: string, viewerMayActNow: boolean, blockedReason: string | null, task: { id: string, label: string, rocWindow: string }, extension: { id: string, reason: string } | null }> };

export type FileReceipt_FileFragment = { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null };

export type ExchangeFilePanelQueryVariables = Exact<{
  id: string | number;
}>;


export type ExchangeFilePanelQuery = { node:
    | { __typename: 'AcademicYear' }
    | { __typename: 'Authority' }
    | { __typename: 'CadreRecord' }
    | { __typename: 'CounselingRecord' }
    | { __typename: 'Course' }
    | { __typename: 'CourseOutcome' }
    | { __typename: 'CourseOutcomeVersion' }
    | { __typename: 'CourseSection' }
    | { __typename: 'Dispute' }
    | { __typename: 'DiversePerformance' }
    | { __typename: 'Enrolment' }
    | { __typename: 'FileUpload' }
    | { __typename: 'ImportRun' }
    | { __typename: 'PrecheckRun' }
    | { __typename: 'ReceiptImport' }
    | { __typename: 'RolloverRun' }
    | { __typename: 'School' }
    | { __typename: 'SchoolClass' }
    | { __typename: 'Student', id: string, viewerCanExchangePortfolio: boolean, exchangeExports: Array<{ id: string, fileName: string, size: number, destinationAuthorityCode: string, destinationSchoolCode: string, destinationDivision: SchoolDivision, recordCount: number, fileCount: number, createdAt: string, downloadUrl: string }> }
    | { __typename: 'Submission' }
    | { __typename: 'Term' }
    | { __typename: 'TimelineExtension' }
    | { __typename: 'TimelineTask' }
    | { __typename: 'TimelineTemplate' }
    | { __typename: 'TimelineTemplateTask' }
    | { __typename: 'UserAccount' }
   | null };

export type ExportExchangeFileMutationVariables = Exact<{
  input: ExportExchangeFileInput;
}>;


export type ExportExchangeFileMutation = { exportExchangeFile: { exchangeExport: { id: string, downloadUrl: string, fileName: string } | null, userErrors: Array<{ code: string, message: string }> } };

export type ImportExchangeFileMutationVariables = Exact<{
  input: ImportExchangeFileInput;
}>;


export type ImportExchangeFileMutation = { importExchangeFile: { portfolioExchange: { id: string, originLabel: string, recordCount: number } | null, userErrors: Array<{ code: string, message: string }> } };

export type ExtensionStudentQueryVariables = Exact<{
  studentNumber: string;
}>;


export type ExtensionStudentQuery = { students: { edges: Array<{ node: { id: string, studentNumber: string, name: string } }> } };

export type GrantDeadlineExtensionMutationVariables = Exact<{
  input: GrantDeadlineExtensionInput;
}>;


export type GrantDeadlineExtensionMutation = { grantDeadlineExtension: { extension: { id: string, endsAt: string, reason: string } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type RequestUploadMutationVariables = Exact<{
  input: RequestUploadInput;
}>;


export type RequestUploadMutation = { requestUpload: { uploadUrl: string | null, upload: { id: string } | null, userErrors: Array<{ code: string, message: string }> } };

export type MyFinalLocksQueryVariables = Exact<{
  termId?: string | number | null | undefined;
}>;


export type MyFinalLocksQuery = { myFinalLocks: Array<{ category: SubmissionCategory, message: string }> };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { changed: boolean, userErrors: Array<{ field: Array<string>, message: string }> } };

export type PrecheckRunFieldsFragment = { id: string, status: PrecheckStatus, rowCount: number, createdAt: string, comparedAt: string | null, resultFileName: string | null, matchedCount: number | null, mismatchCount: number | null, rosterUrl: string, viewerCanDownloadRoster: boolean, viewerCanSendToCentral: boolean, viewerCanImportResult: boolean, createdBy: { id: string, displayName: string } };

export type PrecheckPanelRunsQueryVariables = Exact<{
  termId: string | number;
}>;


export type PrecheckPanelRunsQuery = { me: { id: string, viewerCanPrecheck: boolean } | null, precheckRuns: { nodes: Array<{ id: string, status: PrecheckStatus, rowCount: number, createdAt: string, comparedAt: string | null, resultFileName: string | null, matchedCount: number | null, mismatchCount: number | null, rosterUrl: string, viewerCanDownloadRoster: boolean, viewerCanSendToCentral: boolean, viewerCanImportResult: boolean, createdBy: { id: string, displayName: string } }> } };

export type PrecheckPanelMismatchesQueryVariables = Exact<{
  runId: string | number;
  orderBy?: PrecheckMismatchOrder | null | undefined;
  kind?: PrecheckMismatchKind | null | undefined;
  courseCode?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type PrecheckPanelMismatchesQuery = { precheckMismatches: { nodes: Array<{ id: string, rowNumber: number, kind: PrecheckMismatchKind, studentNumber: string | null, studentName: string | null, className: string | null, nationalIdMasked: string | null, courseCode: string, courseName: string | null, sectionName: string | null, explanation: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PrecheckPanelExportMutationVariables = Exact<{
  input: ExportPrecheckRosterInput;
}>;


export type PrecheckPanelExportMutation = { exportPrecheckRoster: { precheckRun: { id: string, status: PrecheckStatus, rowCount: number, createdAt: string, comparedAt: string | null, resultFileName: string | null, matchedCount: number | null, mismatchCount: number | null, rosterUrl: string, viewerCanDownloadRoster: boolean, viewerCanSendToCentral: boolean, viewerCanImportResult: boolean, createdBy: { id: string, displayName: string } } | null, userErrors: Array<{ code: string, message: string }> } };

export type PrecheckPanelSendMutationVariables = Exact<{
  input: SendPrecheckToCentralRepositoryInput;
}>;


export type PrecheckPanelSendMutation = { sendPrecheckToCentralRepository: { resultFile: { id: string, fileName: string } | null, userErrors: Array<{ code: string, message: string }> } };

export type PrecheckPanelImportMutationVariables = Exact<{
  input: ImportPrecheckResultInput;
}>;


export type PrecheckPanelImportMutation = { importPrecheckResult: { precheckRun: { id: string, status: PrecheckStatus, rowCount: number, createdAt: string, comparedAt: string | null, resultFileName: string | null, matchedCount: number | null, mismatchCount: number | null, rosterUrl: string, viewerCanDownloadRoster: boolean, viewerCanSendToCentral: boolean, viewerCanImportResult: boolean, createdBy: { id: string, displayName: string } } | null, userErrors: Array<{ code: string, message: string }> } };

export type ReadmitClassesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReadmitClassesQuery = { classes: { nodes: Array<{ id: string, name: string, gradeYear: number }> } };

export type ReadmitStudentMutationVariables = Exact<{
  input: ReadmitStudentInput;
}>;


export type ReadmitStudentMutation = { readmitStudent: { student: { id: string, status: StudentStatus, statusLabel: string, cohortLabel: string, seatNumber: number | null, schoolClass: { id: string, name: string } | null } | null, userErrors: Array<{ code: string, message: string }> } };

export type StudentTodoQueryVariables = Exact<{ [key: string]: never; }>;


export type StudentTodoQuery = { myTodo: Array<{ kind: TaskKind, taskLabel: string, count: number, message: string, path: string, endsAt: string }> };

export type TermPickerQueryVariables = Exact<{ [key: string]: never; }>;


export type TermPickerQuery = { me: { id: string, currentTerm: { id: string } | null } | null, terms: { nodes: Array<{ id: string, key: string, label: string }> } };

export type TransferredRecordsQueryVariables = Exact<{
  id: string | number;
}>;


export type TransferredRecordsQuery = { node:
    | { __typename: 'AcademicYear' }
    | { __typename: 'Authority' }
    | { __typename: 'CadreRecord' }
    | { __typename: 'CounselingRecord' }
    | { __typename: 'Course' }
    | { __typename: 'CourseOutcome' }
    | { __typename: 'CourseOutcomeVersion' }
    | { __typename: 'CourseSection' }
    | { __typename: 'Dispute' }
    | { __typename: 'DiversePerformance' }
    | { __typename: 'Enrolment' }
    | { __typename: 'FileUpload' }
    | { __typename: 'ImportRun' }
    | { __typename: 'PrecheckRun' }
    | { __typename: 'ReceiptImport' }
    | { __typename: 'RolloverRun' }
    | { __typename: 'School' }
    | { __typename: 'SchoolClass' }
    | { __typename: 'Student', id: string, portfolioZipUrl: string | null, transferredRecords: Array<{ id: string, originLabel: string, originSchoolCode: string, importedAt: string, recordCount: number, records: Array<{ id: string, kind: PortfolioRecordKind, termLabel: string, title: string, firstSchoolName: string | null, fields: Array<{ label: string, value: string }>, files: Array<{ id: string, name: string, size: number, url: string }> }> }> }
    | { __typename: 'Submission' }
    | { __typename: 'Term' }
    | { __typename: 'TimelineExtension' }
    | { __typename: 'TimelineTask' }
    | { __typename: 'TimelineTemplate' }
    | { __typename: 'TimelineTemplateTask' }
    | { __typename: 'UserAccount' }
   | null };

export type WindowNoticeMineQueryVariables = Exact<{ [key: string]: never; }>;


export type WindowNoticeMineQuery = { myDeadlines: Array<{ state: WindowState, stateLabel: string, rocEndsAt: string, viewerMayActNow: boolean, blockedReason: string | null, task: { id: string, kind: TaskKind, label: string, rocWindow: string }, extension: { id: string, reason: string } | null }> };

export type WindowNoticeSchoolQueryVariables = Exact<{ [key: string]: never; }>;


export type WindowNoticeSchoolQuery = { timeline: Array<{ id: string, kind: TaskKind, label: string, rocWindow: string, state: WindowState, stateLabel: string }> };

export type CorrectionsUpdateCadreMutationVariables = Exact<{
  input: UpdateCadreRecordInput;
}>;


export type CorrectionsUpdateCadreMutation = { updateCadreRecord: { record: { id: string, unit: string, position: string, level: number, startsOn: string, endsOn: string } | null, dispute: { id: string, status: DisputeStatus, answer: string | null } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type DisputeCorrectionQueryVariables = Exact<{
  disputeId: string | number;
}>;


export type DisputeCorrectionQuery = { disputeRecords: { matchedId: string | null, notCorrectable: string | null, cadreRecords: Array<{ id: string, unit: string, position: string, level: number, startsOn: string, endsOn: string }>, enrolments: Array<{ id: string, kind: EnrolmentKind, termGrade: number | null, passed: boolean | null, makeupGrade: number | null, creditsCounted: boolean | null, qualitativeNote: string | null, section: { id: string, course: { id: string, code: string, subjectName: string } } }>, performances: Array<{ id: string, category: PerformanceCategory, categoryLabel: string, title: string, description: string, externalLink: string | null, selectedAt: string | null, details: Array<{ key: string, label: string, value: string }> }> } | null };

export type DisputeCorrectionDeleteCadreMutationVariables = Exact<{
  input: DeleteCadreRecordInput;
}>;


export type DisputeCorrectionDeleteCadreMutation = { deleteCadreRecord: { deletedId: string | null, userErrors: Array<{ code: string, message: string }> } };

export type DisputeCorrectionDeletePerformanceMutationVariables = Exact<{
  input: DeleteStudentPerformanceInput;
}>;


export type DisputeCorrectionDeletePerformanceMutation = { deleteStudentPerformance: { deletedId: string | null, userErrors: Array<{ code: string, message: string }> } };

export type CorrectionsCorrectEnrolmentMutationVariables = Exact<{
  input: CorrectEnrolmentInput;
}>;


export type CorrectionsCorrectEnrolmentMutation = { correctEnrolment: { enrolment: { id: string, kind: EnrolmentKind, termGrade: number | null, passed: boolean | null, makeupGrade: number | null, creditsCounted: boolean | null, qualitativeNote: string | null } | null, dispute: { id: string, status: DisputeStatus, answer: string | null } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type CorrectionsPerformanceCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CorrectionsPerformanceCategoriesQuery = { performanceCategories: Array<{ category: PerformanceCategory, label: string, offered: boolean, fields: Array<{ key: string, label: string, kind: string, required: boolean, choices: Array<string> }> }> };

export type CorrectionsUpdateOwnPerformanceMutationVariables = Exact<{
  input: UpdatePerformanceInput;
}>;


export type CorrectionsUpdateOwnPerformanceMutation = { updatePerformance: { performance: { id: string, category: PerformanceCategory, title: string, description: string, externalLink: string | null, details: Array<{ key: string, label: string, value: string }> } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type CorrectionsCorrectPerformanceMutationVariables = Exact<{
  input: CorrectPerformanceInput;
}>;


export type CorrectionsCorrectPerformanceMutation = { correctPerformance: { performance: { id: string, category: PerformanceCategory, title: string, description: string, externalLink: string | null, details: Array<{ key: string, label: string, value: string }> } | null, dispute: { id: string, status: DisputeStatus, answer: string | null } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type OpenWindowPeriodsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenWindowPeriodsQuery = { myDeadlines: Array<{ viewerMayActNow: boolean, task: { id: string, kind: TaskKind, period: string } }> };

export type AccountsPage_AccountFragment = { id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean };

export type AccountsPageQueryVariables = Exact<{
  schoolId?: string | number | null | undefined;
  search?: string | null | undefined;
  kind?: ManagedAccountKind | null | undefined;
  status?: ManagedAccountStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountsPageQuery = { managedAccounts: { nodes: Array<{ id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AccountsPageSchoolsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsPageSchoolsQuery = { schools: { nodes: Array<{ id: string, code: string, name: string, divisionLabel: string }> } };

export type AccountsPageServerTimeQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsPageServerTimeQuery = { me: { id: string, serverTime: string, temporaryAccessMaxDays: number } | null };

export type SetAdminSectionMutationVariables = Exact<{
  input: SetAdminSectionInput;
}>;


export type SetAdminSectionMutation = { setAdminSection: { account: { id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean } | null, userErrors: Array<{ message: string }> } };

export type SetTeachingRoleMutationVariables = Exact<{
  input: SetTeachingRoleInput;
}>;


export type SetTeachingRoleMutation = { setTeachingRole: { account: { id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean } | null, userErrors: Array<{ message: string }> } };

export type ResetAccountPasswordMutationVariables = Exact<{
  input: ResetAccountPasswordInput;
}>;


export type ResetAccountPasswordMutation = { resetAccountPassword: { temporaryPassword: string | null, account: { id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean } | null } };

export type SetAccountActiveMutationVariables = Exact<{
  input: SetAccountActiveInput;
}>;


export type SetAccountActiveMutation = { setAccountActive: { account: { id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean } | null, userErrors: Array<{ message: string }> } };

export type UnlockAccountMutationVariables = Exact<{
  input: UnlockAccountInput;
}>;


export type UnlockAccountMutation = { unlockAccount: { account: { id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean } | null, userErrors: Array<{ message: string }> } };

export type GrantTemporaryAccessMutationVariables = Exact<{
  input: GrantTemporaryAccessInput;
}>;


export type GrantTemporaryAccessMutation = { grantTemporaryAccess: { temporaryPassword: string | null, account: { id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean } | null, userErrors: Array<{ message: string }> } };

export type EndTemporaryAccessMutationVariables = Exact<{
  input: EndTemporaryAccessInput;
}>;


export type EndTemporaryAccessMutation = { endTemporaryAccess: { account: { id: string, username: string, displayName: string, kind: ManagedAccountKind, roles: Array<Role>, roleLabels: Array<string>, adminSections: Array<AdminSection>, active: boolean, passwordIsTemporary: boolean, slipPending: boolean, lockedUntil: string | null, temporaryUntil: string | null, temporaryUntilDate: string | null, studentNumber: string | null, studentStatus: StudentStatus | null, studentStatusLabel: string | null, viewerCanSetSections: Array<AdminSection>, viewerCanSetTeachingRoles: boolean, viewerCanResetPassword: boolean, viewerCanSetActive: boolean, viewerCanUnlock: boolean, viewerCanGrantTemporaryAccess: boolean } | null, userErrors: Array<{ message: string }> } };

export type AuditLogPageQueryVariables = Exact<{
  area?: AuditArea | null | undefined;
  actorId?: string | number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogPageQuery = { auditLog: { nodes: Array<{ id: string, occurredAt: string, operation: string, operationLabel: string, targetCount: number, detailText: string, requestId: string, actor: { id: string, displayName: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditLogPageAreasQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditLogPageAreasQuery = { auditAreas: Array<{ value: AuditArea, label: string }> };

export type BureauBoardQueryVariables = Exact<{
  term?: string | null | undefined;
}>;


export type BureauBoardQuery = { bureauBoard: { termKey: string, termLabel: string, asOfRoc: string, alertGapHours: number, policy: Array<{ measure: BoardMeasure, description: string, targetPct: number }>, boardForecastAccuracy: { horizonDays: number, windows: number, hits: number, misses: number, falseAlarms: number, correctPasses: number, summary: string }, schools: Array<{ schoolId: string, schoolCode: string, schoolName: string, division: string, hasTimeline: boolean, late: boolean, forecastMiss: boolean, categories: Array<{ category: SubmissionCategory, label: string, periodLabel: string | null, stage: BoardStage, stageLabel: string, late: boolean, lateReason: string | null, nextCityDateLabel: string | null }>, pace: Array<{ day: string, dayRoc: string, uploads: number, certifications: number, selections: number }>, forecasts: Array<{ taskId: string, taskLabel: string, measure: BoardMeasure, endsAtRoc: string, done: number, total: number, sharePct: number | null, dailyPace: number, daysLeft: number, projectedPct: number | null, targetPct: number, willMiss: boolean }>, tasks: Array<{ taskId: string, kind: TaskKind, label: string, endsAtRoc: string }> }> } };

export type BoardStaggerPlansQueryVariables = Exact<{ [key: string]: never; }>;


export type BoardStaggerPlansQuery = { staggerableTasks: Array<{ templateTaskId: string, templateName: string, taskLabel: string, rocWindow: string, plan: { id: string, groupCount: number, stepDays: number, schoolCount: number, commonPeak: number, staggeredPeak: number, rocAppliedAt: string } | null }> };

export type SendBoardAlertMutationVariables = Exact<{
  input: SendBoardAlertInput;
}>;


export type SendBoardAlertMutation = { sendBoardAlert: { alert: { id: string, sentAtRoc: string } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type CadresPageQueryVariables = Exact<{ [key: string]: never; }>;


export type CadresPageQuery = { me: { id: string, currentTerm: { id: string } | null } | null, terms: { nodes: Array<{ id: string, label: string, startsOn: string, endsOn: string }> } };

export type CadresPageClassQueryVariables = Exact<{
  id: string | number;
}>;


export type CadresPageClassQuery = { node:
    | { __typename: 'AcademicYear', id: string }
    | { __typename: 'Authority', id: string }
    | { __typename: 'CadreRecord', id: string }
    | { __typename: 'CounselingRecord', id: string }
    | { __typename: 'Course', id: string }
    | { __typename: 'CourseOutcome', id: string }
    | { __typename: 'CourseOutcomeVersion', id: string }
    | { __typename: 'CourseSection', id: string }
    | { __typename: 'Dispute', id: string }
    | { __typename: 'DiversePerformance', id: string }
    | { __typename: 'Enrolment', id: string }
    | { __typename: 'FileUpload', id: string }
    | { __typename: 'ImportRun', id: string }
    | { __typename: 'PrecheckRun', id: string }
    | { __typename: 'ReceiptImport', id: string }
    | { __typename: 'RolloverRun', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'SchoolClass', name: string, id: string, students: Array<{ id: string, seatNumber: number | null, studentNumber: string, name: string, cadreRecords: Array<{ id: string, unit: string, position: string, level: number, startsOn: string, endsOn: string, viewerCanCorrect: boolean, term: { id: string, label: string } }> }> }
    | { __typename: 'Student', id: string }
    | { __typename: 'Submission', id: string }
    | { __typename: 'Term', id: string }
    | { __typename: 'TimelineExtension', id: string }
    | { __typename: 'TimelineTask', id: string }
    | { __typename: 'TimelineTemplate', id: string }
    | { __typename: 'TimelineTemplateTask', id: string }
    | { __typename: 'UserAccount', id: string }
   | null };

export type CadresPageDeleteMutationVariables = Exact<{
  input: DeleteCadreRecordInput;
}>;


export type CadresPageDeleteMutation = { deleteCadreRecord: { deletedId: string | null, userErrors: Array<{ code: string, message: string }> } };

export type RecordCadreMutationVariables = Exact<{
  input: RecordCadreInput;
}>;


export type RecordCadreMutation = { recordCadre: { record: { id: string, unit: string, position: string, level: number, startsOn: string, endsOn: string } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type CertificationHealthPageQueryVariables = Exact<{ [key: string]: never; }>;


export type CertificationHealthPageQuery = { me: { id: string, adminSections: Array<AdminSection> } | null, certificationHealth: { asOf: string, schoolDecisions: number, schoolRejected: number, schoolRejectionRate: number | null, rejectionRule: string, policy: { routeAfterDays: number, isDefault: boolean, minDays: number, maxDays: number, updatedAt: string | null }, school: { waiting: number, overdue: number, routed: number, oldestDays: number | null, medianDays: number | null, oldestWaitingSince: string | null }, teachers: Array<{ waiting: number, overdue: number, routed: number, oldestDays: number | null, medianDays: number | null, oldestWaitingSince: string | null, needsProxy: boolean, action: string | null, decisions: number, rejected: number, rejectionRate: number | null, othersRejectionRate: number | null, rejectionFlagged: boolean, teacher: { id: string, displayName: string }, proxies: Array<{ id: string, displayName: string }> }>, sections: Array<{ sectionId: string, subjectName: string, sectionName: string, termLabel: string, waiting: number, overdue: number, routed: number, oldestDays: number | null, medianDays: number | null, oldestWaitingSince: string | null, teacher: { id: string, displayName: string } | null }> } };

export type CertificationHealthSetPolicyMutationVariables = Exact<{
  input: CertificationPolicyInput;
}>;


export type CertificationHealthSetPolicyMutation = { setCertificationPolicy: { policy: { routeAfterDays: number, isDefault: boolean, updatedAt: string | null } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type CertificationPageQueryVariables = Exact<{
  status?: CertificationStatus | null | undefined;
}>;


export type CertificationPageQuery = { certificationQueue: Array<{ id: string, kind: OutcomeKind, status: CertificationStatus, certificationWait: { days: number, routed: boolean, routedToViewer: boolean, note: string | null } | null, student: { id: string, studentNumber: string, name: string }, course: { id: string, subjectName: string } | null, section: { id: string, name: string, teacher: { id: string, displayName: string } | null } | null, current: { id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, decidedBy: { id: string, displayName: string } | null, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null } }> };

export type CertifyCourseOutcomesMutationVariables = Exact<{
  input: CertifyCourseOutcomesInput;
}>;


export type CertifyCourseOutcomesMutation = { certifyCourseOutcomes: { outcomes: Array<{ id: string, status: CertificationStatus }>, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type RejectCourseOutcomeMutationVariables = Exact<{
  input: RejectCourseOutcomeInput;
}>;


export type RejectCourseOutcomeMutation = { rejectCourseOutcome: { outcome: { id: string, status: CertificationStatus } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type ClassesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type ClassesPageQuery = { classes: { nodes: Array<{ id: string, name: string, gradeYear: number, academicYear: { id: string, label: string }, homeroomTeacher: { id: string, displayName: string } | null }> } };

export type CounselingPageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CounselingPageQuery = { me: { id: string, serverTime: string } | null, counselingRecords: { nodes: Array<{ id: string, kind: CounselingKind, heldOn: string, topic: string, content: string, createdAt: string, viewerCanEdit: boolean, students: Array<{ id: string, name: string, studentNumber: string, schoolClass: { id: string, name: string } | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RecordCounselingMutationVariables = Exact<{
  input: RecordCounselingInput;
}>;


export type RecordCounselingMutation = { recordCounseling: { record: { id: string, kind: CounselingKind, heldOn: string, topic: string, students: Array<{ id: string, name: string, studentNumber: string }> } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type UpdateCounselingMutationVariables = Exact<{
  input: UpdateCounselingInput;
}>;


export type UpdateCounselingMutation = { updateCounselingRecord: { record: { id: string, kind: CounselingKind, heldOn: string, topic: string, content: string, students: Array<{ id: string, name: string, studentNumber: string }> } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type DisputesPageCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type DisputesPageCategoriesQuery = { submissionCategories: Array<{ category: SubmissionCategory, label: string }> };

export type DisputesPage_DisputeFragment = { id: string, status: DisputeStatus, categoryLabel: string, reason: string, answer: string | null, raisedAt: string, dueAt: string, resolvedAt: string | null, overdue: boolean, viewerCanHandle: boolean, raisedByStaff: boolean, resubmission: { id: string } | null, student: { id: string, studentNumber: string, name: string, seatNumber: number | null, schoolClass: { id: string, name: string } | null } | null, receiptRow: { id: string, kindLabel: string, keyFields: Array<string>, status: ReceiptStatus, fields: Array<{ label: string, value: string }> } };

export type DisputesPageQueryVariables = Exact<{
  termId: string | number;
  statuses?: Array<DisputeStatus> | DisputeStatus | null | undefined;
  category?: SubmissionCategory | null | undefined;
  after?: string | null | undefined;
}>;


export type DisputesPageQuery = { disputes: { nodes: Array<{ id: string, status: DisputeStatus, categoryLabel: string, reason: string, answer: string | null, raisedAt: string, dueAt: string, resolvedAt: string | null, overdue: boolean, viewerCanHandle: boolean, raisedByStaff: boolean, resubmission: { id: string } | null, student: { id: string, studentNumber: string, name: string, seatNumber: number | null, schoolClass: { id: string, name: string } | null } | null, receiptRow: { id: string, kindLabel: string, keyFields: Array<string>, status: ReceiptStatus, fields: Array<{ label: string, value: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DisputesPageReviewMutationVariables = Exact<{
  input: StartDisputeReviewInput;
}>;


export type DisputesPageReviewMutation = { startDisputeReview: { dispute: { id: string, status: DisputeStatus } | null, userErrors: Array<{ code: string, message: string }> } };

export type DisputesPageResolveMutationVariables = Exact<{
  input: ResolveDisputeInput;
}>;


export type DisputesPageResolveMutation = { resolveDispute: { dispute: { id: string, status: DisputeStatus, answer: string | null } | null, userErrors: Array<{ code: string, message: string }> } };

export type DisputePageQueryVariables = Exact<{
  id: string | number;
}>;


export type DisputePageQuery = { node:
    | { __typename: 'AcademicYear' }
    | { __typename: 'Authority' }
    | { __typename: 'CadreRecord' }
    | { __typename: 'CounselingRecord' }
    | { __typename: 'Course' }
    | { __typename: 'CourseOutcome' }
    | { __typename: 'CourseOutcomeVersion' }
    | { __typename: 'CourseSection' }
    | { __typename: 'Dispute', id: string, status: DisputeStatus, categoryLabel: string, reason: string, answer: string | null, raisedAt: string, dueAt: string, resolvedAt: string | null, overdue: boolean, viewerCanHandle: boolean, raisedByStaff: boolean, resubmission: { id: string } | null, student: { id: string, studentNumber: string, name: string, seatNumber: number | null, schoolClass: { id: string, name: string } | null } | null, receiptRow: { id: string, kindLabel: string, keyFields: Array<string>, status: ReceiptStatus, fields: Array<{ label: string, value: string }> } }
    | { __typename: 'DiversePerformance' }
    | { __typename: 'Enrolment' }
    | { __typename: 'FileUpload' }
    | { __typename: 'ImportRun' }
    | { __typename: 'PrecheckRun' }
    | { __typename: 'ReceiptImport' }
    | { __typename: 'RolloverRun' }
    | { __typename: 'School' }
    | { __typename: 'SchoolClass' }
    | { __typename: 'Student' }
    | { __typename: 'Submission' }
    | { __typename: 'Term' }
    | { __typename: 'TimelineExtension' }
    | { __typename: 'TimelineTask' }
    | { __typename: 'TimelineTemplate' }
    | { __typename: 'TimelineTemplateTask' }
    | { __typename: 'UserAccount' }
   | null };

export type FirstPasswordSlipsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type FirstPasswordSlipsPageQuery = { firstPasswordSlipClasses: Array<{ withLogin: number, pending: number, schoolClass: { id: string, name: string } }> };

export type IssueFirstPasswordSlipsMutationVariables = Exact<{
  input: IssueFirstPasswordSlipsInput;
}>;


export type IssueFirstPasswordSlipsMutation = { issueFirstPasswordSlips: { issued: number, pdf: { fileName: string, contentType: string, base64: string } | null, xlsx: { fileName: string, contentType: string, base64: string } | null, userErrors: Array<{ message: string }> } };

export type GradesPageSectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type GradesPageSectionsQuery = { mySections: Array<{ id: string, name: string, course: { id: string, code: string, subjectName: string, credits: number } }> };

export type GradesPageSectionQueryVariables = Exact<{
  id: string | number;
}>;


export type GradesPageSectionQuery = { node:
    | { __typename: 'AcademicYear', id: string }
    | { __typename: 'Authority', id: string }
    | { __typename: 'CadreRecord', id: string }
    | { __typename: 'CounselingRecord', id: string }
    | { __typename: 'Course', id: string }
    | { __typename: 'CourseOutcome', id: string }
    | { __typename: 'CourseOutcomeVersion', id: string }
    | { __typename: 'CourseSection', name: string, id: string, course: { id: string, subjectName: string }, enrolments: Array<{ id: string, termGrade: number | null, passed: boolean | null, makeupGrade: number | null, qualitativeNote: string | null, gradedAt: string | null, student: { id: string, studentNumber: string, name: string, seatNumber: number | null } }> }
    | { __typename: 'Dispute', id: string }
    | { __typename: 'DiversePerformance', id: string }
    | { __typename: 'Enrolment', id: string }
    | { __typename: 'FileUpload', id: string }
    | { __typename: 'ImportRun', id: string }
    | { __typename: 'PrecheckRun', id: string }
    | { __typename: 'ReceiptImport', id: string }
    | { __typename: 'RolloverRun', id: string }
    | { __typename: 'School', id: string }
    | { __typename: 'SchoolClass', id: string }
    | { __typename: 'Student', id: string }
    | { __typename: 'Submission', id: string }
    | { __typename: 'Term', id: string }
    | { __typename: 'TimelineExtension', id: string }
    | { __typename: 'TimelineTask', id: string }
    | { __typename: 'TimelineTemplate', id: string }
    | { __typename: 'TimelineTemplateTask', id: string }
    | { __typename: 'UserAccount', id: string }
   | null };

export type EnterGradesMutationVariables = Exact<{
  input: EnterGradesInput;
}>;


export type EnterGradesMutation = { enterGrades: { enrolments: Array<{ id: string, termGrade: number | null, passed: boolean | null, makeupGrade: number | null, qualitativeNote: string | null, gradedAt: string | null }>, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type HomePage_MeFragment = { displayName: string, roleLabels: Array<string>, sessionExpiresAt: string, viewerCanPublishTemplates: boolean, currentTerm: { id: string, label: string, rocPeriod: string } | null, student: { id: string, studentNumber: string, name: string, nationalId: string, birthDate: string, cohortLabel: string, seatNumber: number | null, statusLabel: string, schoolClass: { id: string, name: string } | null } | null, homeroomClasses: Array<{ id: string, name: string, gradeYear: number }> };

export type HomeroomPageQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeroomPageQuery = { me: { id: string, homeroomClasses: Array<{ id: string, name: string, students: Array<{ id: string, seatNumber: number | null, studentNumber: string, name: string, statusLabel: string, enrolments: Array<{ id: string, termGrade: number | null, passed: boolean | null, section: { id: string, course: { id: string, subjectName: string } } }>, cadreRecords: Array<{ id: string, unit: string, position: string }>, portfolioProgress: { outcomes: number, pending: number, certified: number, rejected: number, outcomesSelected: number, performances: number, performancesSelected: number } | null }> }> } | null };

export type ImportsPageKindsQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportsPageKindsQuery = { importKinds: Array<{ kind: ImportKind, label: string, csvTemplateUrl: string, xlsxTemplateUrl: string, viewerMayImport: boolean, columns: Array<{ header: string, required: boolean, example: string }> }>, me: { id: string, currentTerm: { id: string, label: string } | null } | null, recentImports: Array<{ id: string, kind: ImportKind, status: ImportStatus, fileName: string, rowCount: number, problemCount: number, toCreate: number, toUpdate: number, unchanged: number, createdAt: string, committedAt: string | null, term: { id: string, label: string }, problems: Array<{ rowNumber: number, column: string | null, code: string, message: string }> }> };

export type ImportRunFieldsFragment = { id: string, kind: ImportKind, status: ImportStatus, fileName: string, rowCount: number, problemCount: number, toCreate: number, toUpdate: number, unchanged: number, createdAt: string, committedAt: string | null, term: { id: string, label: string }, problems: Array<{ rowNumber: number, column: string | null, code: string, message: string }> };

export type ImportsPagePreviewMutationVariables = Exact<{
  input: PreviewImportInput;
}>;


export type ImportsPagePreviewMutation = { previewImport: { importRun: { id: string, kind: ImportKind, status: ImportStatus, fileName: string, rowCount: number, problemCount: number, toCreate: number, toUpdate: number, unchanged: number, createdAt: string, committedAt: string | null, term: { id: string, label: string }, problems: Array<{ rowNumber: number, column: string | null, code: string, message: string }> } | null, userErrors: Array<{ code: string, message: string }> } };

export type ImportsPageCommitMutationVariables = Exact<{
  input: CommitImportInput;
}>;


export type ImportsPageCommitMutation = { commitImport: { importRun: { id: string, kind: ImportKind, status: ImportStatus, fileName: string, rowCount: number, problemCount: number, toCreate: number, toUpdate: number, unchanged: number, createdAt: string, committedAt: string | null, term: { id: string, label: string }, problems: Array<{ rowNumber: number, column: string | null, code: string, message: string }> } | null, initialPasswords: Array<{ username: string, displayName: string, password: string }>, userErrors: Array<{ code: string, message: string }> } };

export type LedgerPage_LedgerFragment = { studentId: string, studentName: string, studentNumber: string, flaggedItems: number, years: Array<{ academicYear: number, label: string, outcomesSelected: number, outcomesMax: number, performancesSelected: number, performancesMax: number, uploadCapPerTerm: number | null, uploadsByTerm: Array<{ termLabel: string, uploaded: number }>, windows: Array<{ label: string, endsAt: string, open: boolean }>, items: Array<{ id: string, kind: LedgerItemKind, title: string, subtitle: string, periodLabel: string, stages: Array<{ step: LedgerStep, label: string, state: LedgerStepState, at: string | null, detail: string | null }>, flags: Array<{ kind: LedgerFlagKind, actorLabel: string, message: string, link: string | null, viewerCanAct: boolean }>, versions: Array<{ version: number, statusLabel: string, description: string, uploadedAt: string, decidedAt: string | null, decidedBy: string | null, decidedAsProxyFor: string | null, reason: string | null }> }> }>, transferred: Array<{ id: string, kind: LedgerItemKind, title: string, periodLabel: string, originSchool: string, importedAt: string }> };

export type MyLedgerQueryVariables = Exact<{ [key: string]: never; }>;


export type MyLedgerQuery = { myLedger: { studentId: string, studentName: string, studentNumber: string, flaggedItems: number, years: Array<{ academicYear: number, label: string, outcomesSelected: number, outcomesMax: number, performancesSelected: number, performancesMax: number, uploadCapPerTerm: number | null, uploadsByTerm: Array<{ termLabel: string, uploaded: number }>, windows: Array<{ label: string, endsAt: string, open: boolean }>, items: Array<{ id: string, kind: LedgerItemKind, title: string, subtitle: string, periodLabel: string, stages: Array<{ step: LedgerStep, label: string, state: LedgerStepState, at: string | null, detail: string | null }>, flags: Array<{ kind: LedgerFlagKind, actorLabel: string, message: string, link: string | null, viewerCanAct: boolean }>, versions: Array<{ version: number, statusLabel: string, description: string, uploadedAt: string, decidedAt: string | null, decidedBy: string | null, decidedAsProxyFor: string | null, reason: string | null }> }> }>, transferred: Array<{ id: string, kind: LedgerItemKind, title: string, periodLabel: string, originSchool: string, importedAt: string }> } };

export type StudentLedgerQueryVariables = Exact<{
  studentId: string | number;
}>;


export type StudentLedgerQuery = { studentLedger: { studentId: string, studentName: string, studentNumber: string, flaggedItems: number, years: Array<{ academicYear: number, label: string, outcomesSelected: number, outcomesMax: number, performancesSelected: number, performancesMax: number, uploadCapPerTerm: number | null, uploadsByTerm: Array<{ termLabel: string, uploaded: number }>, windows: Array<{ label: string, endsAt: string, open: boolean }>, items: Array<{ id: string, kind: LedgerItemKind, title: string, subtitle: string, periodLabel: string, stages: Array<{ step: LedgerStep, label: string, state: LedgerStepState, at: string | null, detail: string | null }>, flags: Array<{ kind: LedgerFlagKind, actorLabel: string, message: string, link: string | null, viewerCanAct: boolean }>, versions: Array<{ version: number, statusLabel: string, description: string, uploadedAt: string, decidedAt: string | null, decidedBy: string | null, decidedAsProxyFor: string | null, reason: string | null }> }> }>, transferred: Array<{ id: string, kind: LedgerItemKind, title: string, periodLabel: string, originSchool: string, importedAt: string }> } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { retryAfterSeconds: number | null, me: { id: string } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type SignInProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInProvidersQuery = { signInProviders: Array<{ id: string, label: string, startPath: string }> };

export type SignInFailureQueryVariables = Exact<{
  provider: string | number;
  failure: SsoFailure;
}>;


export type SignInFailureQuery = { signInFailureMessage: string | null };

export type MyOutcomes_OutcomeFragment = { id: string, kind: OutcomeKind, status: CertificationStatus, currentVersion: number, selectedAt: string | null, current: { id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }, versions: Array<{ id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }> };

export type OutcomesPageQueryVariables = Exact<{
  termId?: string | number | null | undefined;
}>;


export type OutcomesPageQuery = { me: { id: string, school: { id: string, outcomeUploadCap: number | null } | null, student: { id: string, enrolments: Array<{ id: string, kind: EnrolmentKind, section: { id: string, name: string, course: { id: string, code: string, subjectName: string }, teacher: { id: string, displayName: string } | null }, outcomes: Array<{ id: string, kind: OutcomeKind, status: CertificationStatus, currentVersion: number, selectedAt: string | null, current: { id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }, versions: Array<{ id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }> }> }> } | null } | null };

export type UploadCourseOutcomeMutationVariables = Exact<{
  input: UploadCourseOutcomeInput;
}>;


export type UploadCourseOutcomeMutation = { uploadCourseOutcome: { outcome: { id: string, kind: OutcomeKind, status: CertificationStatus, currentVersion: number, selectedAt: string | null, current: { id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }, versions: Array<{ id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }> } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type ReplaceCourseOutcomeMutationVariables = Exact<{
  input: ReplaceCourseOutcomeInput;
}>;


export type ReplaceCourseOutcomeMutation = { replaceCourseOutcome: { outcome: { id: string, kind: OutcomeKind, status: CertificationStatus, currentVersion: number, selectedAt: string | null, current: { id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }, versions: Array<{ id: string, version: number, description: string, status: CertificationStatus, reason: string | null, decidedAt: string | null, createdAt: string, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }> } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type MyPerformances_PerformanceFragment = { id: string, category: PerformanceCategory, categoryLabel: string, title: string, description: string, externalLink: string | null, selectedAt: string | null, createdAt: string, details: Array<{ key: string, label: string, value: string }>, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null };

export type PerformancesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type PerformancesPageQuery = { performanceCategories: Array<{ category: PerformanceCategory, label: string, fields: Array<{ key: string, label: string, kind: string, required: boolean, choices: Array<string> }> }>, myPerformanceEditRule: { allowed: boolean, reason: string | null } | null, me: { id: string, currentTerm: { id: string, academicYear: { id: string, label: string } } | null, student: { id: string, performances: Array<{ id: string, category: PerformanceCategory, categoryLabel: string, title: string, description: string, externalLink: string | null, selectedAt: string | null, createdAt: string, details: Array<{ key: string, label: string, value: string }>, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null }> } | null } | null };

export type PerformancesPageDeleteMutationVariables = Exact<{
  input: DeletePerformanceInput;
}>;


export type PerformancesPageDeleteMutation = { deletePerformance: { deletedId: string | null, userErrors: Array<{ code: string, message: string }> } };

export type RecordPerformanceMutationVariables = Exact<{
  input: RecordPerformanceInput;
}>;


export type RecordPerformanceMutation = { recordPerformance: { performance: { id: string, category: PerformanceCategory, categoryLabel: string, title: string, description: string, externalLink: string | null, selectedAt: string | null, createdAt: string, details: Array<{ key: string, label: string, value: string }>, document: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null, media: { id: string, fileName: string, size: number | null, sha256: string | null, storedAt: string | null, url: string | null, contentType: string | null } | null } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type PiiAccessLogQueryVariables = Exact<{
  studentId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type PiiAccessLogQuery = { piiAccessLogRetentionDays: number, piiAccessLog: { nodes: Array<{ id: string, occurredAt: string, office: string, kindLabel: string, actorName: string | null, requestId: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProgressPageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ProgressPageQuery = { me: { id: string, currentTerm: { id: string, label: string, academicYear: { id: string } } | null } | null, classes: { nodes: Array<{ id: string, name: string, gradeYear: number, academicYear: { id: string }, homeroomTeacher: { id: string, displayName: string } | null, students: Array<{ id: string, seatNumber: number | null, studentNumber: string, name: string, portfolioProgress: { outcomes: number, pending: number, certified: number, rejected: number, outcomesSelected: number, performances: number, performancesSelected: number } | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProxiesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type ProxiesPageQuery = { schoolTeachers: Array<{ id: string, displayName: string, username: string }>, certificationProxies: Array<{ id: string, teacher: { id: string, displayName: string }, proxy: { id: string, displayName: string } }> };

export type ProxiesPageSetMutationVariables = Exact<{
  input: CertificationProxyInput;
  active: boolean;
}>;


export type ProxiesPageSetMutation = { setCertificationProxy: { userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type ReceiptsPageStudentQueryVariables = Exact<{ [key: string]: never; }>;


export type ReceiptsPageStudentQuery = { me: { id: string, student: { id: string } | null } | null };

export type ReceiptsPageQueryVariables = Exact<{
  studentId: string | number;
  termId: string | number;
}>;


export type ReceiptsPageQuery = { studentReceiptRows: Array<{ id: string, kind: ReceiptKind, kindLabel: string, status: ReceiptStatus, reason: string | null, reconciliation: Reconciliation, changedColumns: Array<string>, decision: ReviewDecision | null, fields: Array<{ label: string, value: string }>, dispute: { id: string, status: DisputeStatus, reason: string, answer: string | null, raisedAt: string, dueAt: string, overdue: boolean, raisedByStaff: boolean } | null }> };

export type ReceiptsPageConfirmMutationVariables = Exact<{
  input: ConfirmReceiptRowsInput;
}>;


export type ReceiptsPageConfirmMutation = { confirmReceiptRows: { receiptRows: Array<{ id: string, decision: ReviewDecision | null }> | null, userErrors: Array<{ code: string, message: string }> } };

export type ReceiptsPageDisputeMutationVariables = Exact<{
  input: RaiseDisputeInput;
}>;


export type ReceiptsPageDisputeMutation = { raiseDispute: { dispute: { id: string, status: DisputeStatus } | null, userErrors: Array<{ code: string, message: string }> } };

export type RetentionKindFiguresFragment = { kind: RetentionKind, kindLabel: string, rowLabel: string, days: number, enabled: boolean, cutoffRoc: string | null, dueRows: number, dueStudents: number, dueFiles: number, heldRows: number, heldStudents: number, inUseRows: number };

export type RetentionViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type RetentionViewerQuery = { me: { id: string, kind: AccountKind } | null };

export type SchoolRetentionQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolRetentionQuery = { retentionReport: { asOfRoc: string, kinds: Array<{ kind: RetentionKind, kindLabel: string, rowLabel: string, days: number, enabled: boolean, cutoffRoc: string | null, dueRows: number, dueStudents: number, dueFiles: number, heldRows: number, heldStudents: number, inUseRows: number }> } };

export type CityRetentionQueryVariables = Exact<{ [key: string]: never; }>;


export type CityRetentionQuery = { cityRetentionReport: Array<{ schoolId: string, schoolCode: string, schoolName: string, divisionLabel: string, asOfRoc: string, kinds: Array<{ kind: RetentionKind, kindLabel: string, rowLabel: string, days: number, enabled: boolean, cutoffRoc: string | null, dueRows: number, dueStudents: number, dueFiles: number, heldRows: number, heldStudents: number, inUseRows: number }> }> };

export type RolloverPreviewFieldsFragment = { fromYear: number, toYear: number, byClassList: boolean, canCommit: boolean, counts: { promoted: number, repeating: number, graduated: number, suspendedKept: number, unplaced: number, classesCreated: number }, classes: Array<{ name: string, gradeYear: number, students: number, exists: boolean, homeroomFrom: string | null }>, problems: Array<{ rowNumber: number, column: string | null, code: string, message: string }>, openRounds: Array<{ termLabel: string, categoryLabels: Array<string> }>, done: { id: string, label: string, runAtLabel: string } | null };

export type RolloverPageRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type RolloverPageRunsQuery = { rolloverRuns: Array<{ id: string, label: string, runAtLabel: string, counts: { promoted: number, repeating: number, graduated: number, suspendedKept: number, classesCreated: number } }> };

export type RolloverPagePreviewQueryVariables = Exact<{
  toYear: number;
  classListUploadId?: string | number | null | undefined;
}>;


export type RolloverPagePreviewQuery = { rolloverPreview: { fromYear: number, toYear: number, byClassList: boolean, canCommit: boolean, counts: { promoted: number, repeating: number, graduated: number, suspendedKept: number, unplaced: number, classesCreated: number }, classes: Array<{ name: string, gradeYear: number, students: number, exists: boolean, homeroomFrom: string | null }>, problems: Array<{ rowNumber: number, column: string | null, code: string, message: string }>, openRounds: Array<{ termLabel: string, categoryLabels: Array<string> }>, done: { id: string, label: string, runAtLabel: string } | null } };

export type RolloverPageCommitMutationVariables = Exact<{
  input: CommitRolloverInput;
}>;


export type RolloverPageCommitMutation = { commitRollover: { rolloverRun: { id: string, label: string, runAtLabel: string } | null, userErrors: Array<{ code: string, message: string }> } };

export type SchoolsPage_SchoolFragment = { id: string, code: string, name: string, divisionLabel: string, active: boolean, deactivatedAt: string | null, studentLoginPattern: string, studentLoginExample: string, viewerCanManage: boolean };

export type SchoolsPageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type SchoolsPageQuery = { schools: { nodes: Array<{ id: string, code: string, name: string, divisionLabel: string, active: boolean, deactivatedAt: string | null, studentLoginPattern: string, studentLoginExample: string, viewerCanManage: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateSchoolMutationVariables = Exact<{
  input: CreateSchoolInput;
}>;


export type CreateSchoolMutation = { createSchool: { itUsername: string | null, temporaryPassword: string | null, school: { id: string, code: string, name: string, divisionLabel: string, active: boolean, deactivatedAt: string | null, studentLoginPattern: string, studentLoginExample: string, viewerCanManage: boolean } | null, userErrors: Array<{ field: Array<string>, message: string }> } };

export type SetSchoolActiveMutationVariables = Exact<{
  input: SetSchoolActiveInput;
}>;


export type SetSchoolActiveMutation = { setSchoolActive: { sessionsEnded: number | null, school: { id: string, code: string, name: string, divisionLabel: string, active: boolean, deactivatedAt: string | null, studentLoginPattern: string, studentLoginExample: string, viewerCanManage: boolean } | null, userErrors: Array<{ message: string }> } };

export type SetStudentLoginPatternMutationVariables = Exact<{
  input: SetStudentLoginPatternInput;
}>;


export type SetStudentLoginPatternMutation = { setStudentLoginPattern: { school: { id: string, code: string, name: string, divisionLabel: string, active: boolean, deactivatedAt: string | null, studentLoginPattern: string, studentLoginExample: string, viewerCanManage: boolean } | null, userErrors: Array<{ message: string }> } };

export type SelectionPageQueryVariables = Exact<{
  termId?: string | number | null | undefined;
}>;


export type SelectionPageQuery = { me: { id: string, currentTerm: { id: string, academicYear: { id: string, label: string } } | null, student: { id: string, performances: Array<{ id: string, categoryLabel: string, title: string, description: string, selectedAt: string | null }> } | null } | null, terms: { nodes: Array<{ id: string, key: string, label: string, academicYear: { id: string, label: string } }> } };

export type SelectionCountersQueryVariables = Exact<{
  termId?: string | number | null | undefined;
}>;


export type SelectionCountersQuery = { mySelection: { academicYearId: string, outcomesSelected: number, outcomesMax: number, performancesSelected: number, performancesMax: number } };

export type SelectionTermOutcomesQueryVariables = Exact<{
  termId: string | number;
}>;


export type SelectionTermOutcomesQuery = { me: { id: string, student: { id: string, enrolments: Array<{ id: string, section: { id: string, name: string, course: { id: string, subjectName: string } }, outcomes: Array<{ id: string, status: CertificationStatus, selectedAt: string | null, current: { id: string, description: string, decidedAt: string | null } }> }> } | null } | null };

export type SelectItemMutationVariables = Exact<{
  input: SelectItemInput;
}>;


export type SelectItemMutation = { selectItem: { outcome: { id: string, selectedAt: string | null } | null, performance: { id: string, selectedAt: string | null } | null, summary: { academicYearId: string, outcomesSelected: number, outcomesMax: number, performancesSelected: number, performancesMax: number } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type SessionsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsPageQuery = { mySessions: Array<{ id: string, createdAt: string, lastSeenAt: string, expiresAt: string, userAgent: string | null, device: string | null, ip: string | null, isCurrent: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  input: RevokeSessionInput;
}>;


export type RevokeSessionMutation = { revokeSession: { revoked: boolean, userErrors: Array<{ message: string }> } };

export type LogoutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutEverywhereMutation = { logout: { endedSessions: number, providerLogoutUrl: string | null } };

export type StaggerTasksQueryVariables = Exact<{ [key: string]: never; }>;


export type StaggerTasksQuery = { staggerableTasks: Array<{ templateTaskId: string, taskLabel: string, templateName: string, rocWindow: string, plan: { id: string, rule: StaggerRule, groupCount: number, stepDays: number, commonPeak: number, staggeredPeak: number, schoolCount: number, rocAppliedAt: string, groups: Array<{ number: number, rocEndsAt: string, schoolNames: Array<string> }> } | null }> };

export type StaggerPreviewQueryVariables = Exact<{
  input: StaggerPlanInput;
}>;


export type StaggerPreviewQuery = { staggerPreview: { taskLabel: string, templateName: string, rocCommonEndsAt: string, totalItems: number, groups: Array<{ number: number, rocEndsAt: string, students: number, items: number, schools: Array<{ code: string, name: string, students: number, items: number, itemsSourceLabel: string, rocCurrentEndsAt: string | null }> }>, unadoptedSchools: Array<{ code: string, name: string }>, days: Array<{ date: string, rocDate: string, common: number, staggered: number }>, commonPeak: { rocDate: string, items: number } | null, staggeredPeak: { rocDate: string, items: number } | null, problems: Array<{ code: string, message: string }> } };

export type ApplyStaggerPlanMutationVariables = Exact<{
  input: StaggerPlanInput;
}>;


export type ApplyStaggerPlanMutation = { applyStaggerPlan: { plan: { id: string, schoolCount: number } | null, userErrors: Array<{ code: string, message: string }> } };

export type StatisticsPage_CohortRowFragment = { cohort: number | null, label: string, schools: number, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null };

export type StatisticsPage_CohortTableFragment = { asOf: string, asOfRoc: string, rows: Array<{ cohort: number | null, label: string, schools: number, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null }>, total: { cohort: number | null, label: string, schools: number, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null } };

export type StatisticsPage_SchoolRowFragment = { schoolId: string, schoolCode: string, schoolName: string, division: string, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null };

export type StatisticsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type StatisticsViewerQuery = { me: { id: string, kind: AccountKind, currentTermKey: string, currentTermLabel: string, authority: { id: string, name: string }, school: { id: string, displayName: string } | null, currentTerm: { id: string, label: string } | null } | null, taskKinds: Array<{ kind: TaskKind, label: string }> };

export type CityCohortStatisticsQueryVariables = Exact<{ [key: string]: never; }>;


export type CityCohortStatisticsQuery = { cityCohortStatistics: { asOf: string, asOfRoc: string, rows: Array<{ cohort: number | null, label: string, schools: number, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null }>, total: { cohort: number | null, label: string, schools: number, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null } } };

export type CitySchoolStatisticsQueryVariables = Exact<{
  cohort?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CitySchoolStatisticsQuery = { citySchoolStatistics: { asOfRoc: string, nodes: Array<{ schoolId: string, schoolCode: string, schoolName: string, division: string, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CitySchoolDrillDownQueryVariables = Exact<{
  schoolId: string | number;
  cohort?: number | null | undefined;
}>;


export type CitySchoolDrillDownQuery = { citySchoolStatistics: { asOfRoc: string, nodes: Array<{ schoolId: string, schoolCode: string, schoolName: string, division: string, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null }> } };

export type CityTermProgressQueryVariables = Exact<{
  term: string;
  after?: string | null | undefined;
}>;


export type CityTermProgressQuery = { cityTermProgress: { asOfRoc: string, nodes: Array<{ schoolId: string, schoolCode: string, schoolName: string, division: string, openWindows: Array<string>, suppressed: boolean, enrolledStudents: number | null, uploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesCertified: number | null, certificationRatePct: number | null, outcomesSelected: number | null, selectors: number | null, selectionRatePct: number | null, confirmationRatePct: number | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SchoolCohortStatisticsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolCohortStatisticsQuery = { schoolCohortStatistics: { asOf: string, asOfRoc: string, rows: Array<{ cohort: number | null, label: string, schools: number, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null }>, total: { cohort: number | null, label: string, schools: number, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null } } };

export type SchoolClassStatisticsQueryVariables = Exact<{
  cohort?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SchoolClassStatisticsQuery = { schoolClassStatistics: { asOfRoc: string, nodes: Array<{ classId: string | null, className: string, gradeYear: number | null, suppressed: boolean, students: number | null, uploaders: number | null, nonUploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesPerUploader: number | null, outcomesCertified: number | null, performancesUploaded: number | null, counselingRecords: number | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SchoolTermProgressQueryVariables = Exact<{
  termId: string | number;
  after?: string | null | undefined;
}>;


export type SchoolTermProgressQuery = { schoolTermProgress: { asOfRoc: string, nodes: Array<{ classId: string | null, className: string, gradeYear: number | null, openWindows: Array<string>, suppressed: boolean, enrolledStudents: number | null, uploaders: number | null, uploadRatePct: number | null, outcomesUploaded: number | null, outcomesCertified: number | null, certificationRatePct: number | null, outcomesSelected: number | null, selectors: number | null, selectionRatePct: number | null, confirmationRatePct: number | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StudentPageQueryVariables = Exact<{
  id: string | number;
  termId?: string | number | null | undefined;
}>;


export type StudentPageQuery = { me: { id: string, viewerCanReadPiiAccessLogs: boolean, viewerCanManageStudents: boolean } | null, node:
    | { __typename: 'AcademicYear' }
    | { __typename: 'Authority' }
    | { __typename: 'CadreRecord' }
    | { __typename: 'CounselingRecord' }
    | { __typename: 'Course' }
    | { __typename: 'CourseOutcome' }
    | { __typename: 'CourseOutcomeVersion' }
    | { __typename: 'CourseSection' }
    | { __typename: 'Dispute' }
    | { __typename: 'DiversePerformance' }
    | { __typename: 'Enrolment' }
    | { __typename: 'FileUpload' }
    | { __typename: 'ImportRun' }
    | { __typename: 'PrecheckRun' }
    | { __typename: 'ReceiptImport' }
    | { __typename: 'RolloverRun' }
    | { __typename: 'School' }
    | { __typename: 'SchoolClass' }
    | { __typename: 'Student', id: string, name: string, studentNumber: string, nationalId: string, seatNumber: number | null, status: StudentStatus, statusLabel: string, cohortLabel: string, schoolClass: { id: string, name: string } | null, portfolioProgress: { outcomes: number, pending: number, certified: number, rejected: number, outcomesSelected: number, performances: number, performancesSelected: number } | null, enrolments: Array<{ id: string, kind: EnrolmentKind, termGrade: number | null, makeupGrade: number | null, passed: boolean | null, creditsCounted: boolean | null, qualitativeNote: string | null, viewerCanCorrect: boolean, section: { id: string, course: { id: string, code: string, subjectName: string } }, outcomes: Array<{ id: string, kind: OutcomeKind, status: CertificationStatus, selectedAt: string | null, current: { id: string, description: string, reason: string | null, createdAt: string } }> }>, performances: Array<{ id: string, title: string, selectedAt: string | null, createdAt: string, categoryLabel: string }>, cadreRecords: Array<{ id: string, unit: string, position: string, term: { id: string, label: string } }> }
    | { __typename: 'Submission' }
    | { __typename: 'Term' }
    | { __typename: 'TimelineExtension' }
    | { __typename: 'TimelineTask' }
    | { __typename: 'TimelineTemplate' }
    | { __typename: 'TimelineTemplateTask' }
    | { __typename: 'UserAccount' }
   | null };

export type StudentPageReceiptsQueryVariables = Exact<{
  studentId: string | number;
  termId?: string | number | null | undefined;
}>;


export type StudentPageReceiptsQuery = { studentReceiptRows: Array<{ id: string, kindLabel: string, status: ReceiptStatus, reconciliation: Reconciliation, reason: string | null, decision: ReviewDecision | null, viewerCanRaiseStaffDispute: boolean, fields: Array<{ label: string, value: string }>, dispute: { id: string, status: DisputeStatus } | null }> };

export type StudentPageRaiseDisputeMutationVariables = Exact<{
  input: RaiseDisputeInput;
}>;


export type StudentPageRaiseDisputeMutation = { raiseDispute: { dispute: { id: string, status: DisputeStatus } | null, userErrors: Array<{ code: string, message: string }> } };

export type StudentsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  classId?: string | number | null | undefined;
  search?: string | null | undefined;
  status?: StudentStatus | null | undefined;
}>;


export type StudentsPageQuery = { students: { edges: Array<{ cursor: string, node: { id: string, studentNumber: string, name: string, nationalId: string, seatNumber: number | null, statusLabel: string, schoolClass: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StudentsPageClassesQueryVariables = Exact<{ [key: string]: never; }>;


export type StudentsPageClassesQuery = { classes: { nodes: Array<{ id: string, name: string }> } };

export type SubmissionConsoleQueryVariables = Exact<{
  termId: string | number;
  grade12Round: boolean;
}>;


export type SubmissionConsoleQuery = { submissionConsole: Array<{ category: SubmissionCategory, categoryLabel: string, periodLabel: string, notInRound: string | null, submitWindowProblem: string | null, finalWindowProblem: string | null, warnings: Array<string>, stage: SubmissionStage, stageLabel: string, submissionCount: number, missingReceiptKinds: Array<ReceiptKind>, staffConfirmedImports: number, viewerCanHandle: boolean, latestSubmission: { id: string, createdAt: string, zipSize: number, evidenceFiles: number | null, packageUrl: string, viewerCanDownload: boolean, createdBy: { id: string, displayName: string }, rosters: Array<{ path: string, rows: number }> } | null, receiptImports: Array<{ id: string, kind: ReceiptKind, fileName: string, createdAt: string, receivedCount: number, rejectedCount: number, flaggedCount: number, staffConfirmation: { confirmedAt: string } | null }>, review: { rows: number, confirmed: number, disputed: number, unconfirmed: number }, disputes: { open: number, inReview: number, resolved: number, overdue: number, awaitingResubmission: number }, finalLock: { lockedAt: string } | null }> };

export type SubmissionConsoleClassSummaryQueryVariables = Exact<{
  submissionId: string | number;
}>;


export type SubmissionConsoleClassSummaryQuery = { receiptClassSummary: Array<{ className: string | null, received: number, rejected: number, flagged: number }> };

export type SubmissionConsoleSubmitMutationVariables = Exact<{
  input: SubmitTermInput;
}>;


export type SubmissionConsoleSubmitMutation = { submitTerm: { submission: { id: string } | null, userErrors: Array<{ code: string, message: string }> } };

export type SubmissionConsoleSendMutationVariables = Exact<{
  input: SendToCentralRepositoryInput;
}>;


export type SubmissionConsoleSendMutation = { sendToCentralRepository: { receiptFiles: Array<{ id: string, fileName: string }> | null, userErrors: Array<{ code: string, message: string }> } };

export type SubmissionConsoleImportMutationVariables = Exact<{
  input: ImportReceiptsInput;
}>;


export type SubmissionConsoleImportMutation = { importReceipts: { receiptImport: { id: string, fileName: string } | null, userErrors: Array<{ code: string, message: string }> } };

export type SubmissionConsoleConfirmImportMutationVariables = Exact<{
  input: ConfirmReceiptImportInput;
}>;


export type SubmissionConsoleConfirmImportMutation = { confirmReceiptImport: { confirmation: { confirmedAt: string } | null, userErrors: Array<{ code: string, message: string }> } };

export type SubmissionConsoleFinalizeMutationVariables = Exact<{
  input: FinalizeTermInput;
}>;


export type SubmissionConsoleFinalizeMutation = { finalizeTerm: { finalLock: { lockedAt: string } | null, userErrors: Array<{ code: string, message: string }> } };

export type TemplatesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type TemplatesPageQuery = { me: { id: string, serverTime: string, viewerCanPublishTemplates: boolean, viewerCanEditTimeline: boolean } | null, taskKinds: Array<{ kind: TaskKind, label: string, needsCategory: boolean, governsAcademicYear: boolean, inGrade12Round: boolean }>, submissionCategories: Array<{ category: SubmissionCategory, label: string, annual: boolean }>, timelineTemplates: { nodes: Array<{ id: string, name: string, academicYear: number, semester: number, termKey: string, termLabel: string, publishedAt: string, schoolAdoption: { adoptedAt: string, rocAdoptedAt: string, windowCount: number } | null, tasks: Array<{ id: string, kind: TaskKind, category: SubmissionCategory | null, period: string, grade12Round: boolean, label: string, startsAt: string, endsAt: string, earliestStart: string, latestEnd: string, rocWindow: string, sections: Array<AdminSection>, system: string, notes: string }> }> } };

export type PublishTemplateMutationVariables = Exact<{
  input: PublishTimelineTemplateInput;
}>;


export type PublishTemplateMutation = { publishTimelineTemplate: { template: { id: string } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type AdoptTemplateMutationVariables = Exact<{
  input: AdoptTimelineTemplateInput;
}>;


export type AdoptTemplateMutation = { adoptTimelineTemplate: { tasks: Array<{ id: string }>, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type TimelinePageQueryVariables = Exact<{ [key: string]: never; }>;


export type TimelinePageQuery = { me: { id: string, serverTime: string, viewerCanEditTimeline: boolean, currentTerm: { id: string, label: string } | null } | null, timeline: Array<{ id: string, kind: TaskKind, label: string, startsAt: string, endsAt: string, earliestStart: string, latestEnd: string, rocWindow: string, state: WindowState, stateLabel: string, sections: Array<AdminSection>, system: string, notes: string, version: number }> };

export type MoveTimelineTaskMutationVariables = Exact<{
  input: MoveTimelineTaskInput;
}>;


export type MoveTimelineTaskMutation = { moveTimelineTask: { task: { id: string, startsAt: string, endsAt: string, rocWindow: string, state: WindowState, stateLabel: string, version: number } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type TransfersPageClassesQueryVariables = Exact<{ [key: string]: never; }>;


export type TransfersPageClassesQuery = { classes: { nodes: Array<{ id: string, name: string, academicYear: { id: string, label: string } }> } };

export type TransfersPageLookupQueryVariables = Exact<{
  nationalId: string;
  birthDate: string;
}>;


export type TransfersPageLookupQuery = { transferLookup: { userErrors: Array<{ field: Array<string>, code: string, message: string }>, originSchools: Array<{ id: string, code: string, displayName: string }>, existingStudent: { id: string, studentNumber: string, name: string } | null } };

export type TransfersPageInQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TransfersPageInQuery = { transfersIn: { nodes: Array<{ id: string, status: TransferStatus, statusLabel: string, birthDate: string, createsStudent: boolean, nationalIdMasked: string, requestedAt: string, decidedAt: string | null, completedAt: string | null, cancelledAt: string | null, recordsImported: number | null, viewerCanCancel: boolean, viewerCanReceive: boolean, originSchool: { id: string, code: string, displayName: string } | null, student: { id: string, studentNumber: string, name: string } | null, newStudent: { studentNumber: string, name: string, schoolClass: { id: string, name: string } | null } | null, requestedBy: { id: string, displayName: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TransfersPageOutQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TransfersPageOutQuery = { transfersOut: { nodes: Array<{ id: string, status: TransferStatus, statusLabel: string, requestedAt: string, requestedByName: string, decidedAt: string | null, completedAt: string | null, viewerCanAnswer: boolean, destinationSchool: { id: string, code: string, displayName: string } | null, student: { id: string, studentNumber: string, name: string, status: StudentStatus, statusLabel: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TransfersPageRequestMutationVariables = Exact<{
  input: RequestTransferInInput;
}>;


export type TransfersPageRequestMutation = { requestTransferIn: { transfer: { id: string, originSchool: { id: string, displayName: string } | null } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type TransfersPageCancelMutationVariables = Exact<{
  input: TransferInIdInput;
}>;


export type TransfersPageCancelMutation = { cancelTransferIn: { transfer: { id: string, status: TransferStatus, statusLabel: string, viewerCanCancel: boolean } | null, userErrors: Array<{ code: string, message: string }> } };

export type TransfersPageReceiveMutationVariables = Exact<{
  input: TransferInIdInput;
}>;


export type TransfersPageReceiveMutation = { receiveTransferIn: { transfer: { id: string, status: TransferStatus, statusLabel: string, recordsImported: number | null, viewerCanReceive: boolean, student: { id: string, studentNumber: string, name: string } | null } | null, userErrors: Array<{ code: string, message: string }> } };

export type TransfersPageApproveMutationVariables = Exact<{
  input: ApproveTransferOutInput;
}>;


export type TransfersPageApproveMutation = { approveTransferOut: { transfer: { id: string, status: TransferStatus, statusLabel: string, viewerCanAnswer: boolean, student: { id: string, status: StudentStatus, statusLabel: string } | null } | null, userErrors: Array<{ code: string, message: string }> } };

export type TransfersPageDeclineMutationVariables = Exact<{
  input: DeclineTransferOutInput;
}>;


export type TransfersPageDeclineMutation = { declineTransferOut: { transfer: { id: string, status: TransferStatus, statusLabel: string, viewerCanAnswer: boolean } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type Shell_MeFragment = { id: string, kind: AccountKind, displayName: string, username: string, roles: Array<Role>, adminSections: Array<AdminSection>, roleLabels: Array<string>, serverTime: string, currentTermLabel: string, viewerCanListStudents: boolean, viewerCanListClasses: boolean, viewerCanBrowseSchools: boolean, viewerCanManageAccounts: boolean, passwordIsTemporary: boolean, readOnlyReason: string | null, viewerCanPrintFirstPasswordSlips: boolean, viewerCanViewStatistics: boolean, viewerCanEditTimeline: boolean, viewerCanEnterGrades: boolean, viewerCanViewHomeroom: boolean, viewerCanPublishTemplates: boolean, viewerCanImport: boolean, viewerCanRollOver: boolean, viewerCanRecordCadres: boolean, viewerCanRecordCounseling: boolean, viewerCanManageSubmissions: boolean, viewerCanManageTransfers: boolean, viewerCanReviewReceipts: boolean, viewerCanReadAuditLog: boolean, viewerCanReadRetentionReport: boolean, sessionExpiresAt: string, signedInWith: { id: string, label: string } | null, school: { id: string, displayName: string, code: string } | null, authority: { id: string, name: string }, currentTerm: { id: string, label: string, rocPeriod: string } | null, student: { id: string, studentNumber: string, name: string, nationalId: string, birthDate: string, cohortLabel: string, seatNumber: number | null, statusLabel: string, schoolClass: { id: string, name: string } | null } | null, homeroomClasses: Array<{ id: string, name: string, gradeYear: number }> };

export type LogoutMutationVariables = Exact<{
  input?: LogoutInput | null | undefined;
}>;


export type LogoutMutation = { logout: { endedSessions: number, providerLogoutUrl: string | null } };

export const PrecheckRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrecheckRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrecheckRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultFileName"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"mismatchCount"}},{"kind":"Field","name":{"kind":"Name","value":"rosterUrl"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDownloadRoster"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSendToCentral"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanImportResult"}}]}}]} as unknown as DocumentNode<PrecheckRunFieldsFragment, unknown>;
export const AccountsPage_AccountFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<AccountsPage_AccountFragment, unknown>;
export const DisputesPage_DisputeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DisputesPage_Dispute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanHandle"}},{"kind":"Field","name":{"kind":"Name","value":"raisedByStaff"}},{"kind":"Field","name":{"kind":"Name","value":"resubmission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"receiptRow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"keyFields"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<DisputesPage_DisputeFragment, unknown>;
export const ImportRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"problemCount"}},{"kind":"Field","name":{"kind":"Name","value":"toCreate"}},{"kind":"Field","name":{"kind":"Name","value":"toUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"term"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ImportRunFieldsFragment, unknown>;
export const LedgerPage_LedgerFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LedgerPage_Ledger"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StudentLedger"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"studentName"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedItems"}},{"kind":"Field","name":{"kind":"Name","value":"years"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYear"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesMax"}},{"kind":"Field","name":{"kind":"Name","value":"performancesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"performancesMax"}},{"kind":"Field","name":{"kind":"Name","value":"uploadCapPerTerm"}},{"kind":"Field","name":{"kind":"Name","value":"uploadsByTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"uploaded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAsProxyFor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transferred"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"originSchool"}},{"kind":"Field","name":{"kind":"Name","value":"importedAt"}}]}}]}}]} as unknown as DocumentNode<LedgerPage_LedgerFragment, unknown>;
export const FileReceipt_FileFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}}]} as unknown as DocumentNode<FileReceipt_FileFragment, unknown>;
export const MyOutcomes_OutcomeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyOutcomes_Outcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CourseOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}}]} as unknown as DocumentNode<MyOutcomes_OutcomeFragment, unknown>;
export const MyPerformances_PerformanceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyPerformances_Performance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DiversePerformance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"externalLink"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}}]} as unknown as DocumentNode<MyPerformances_PerformanceFragment, unknown>;
export const RetentionKindFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RetentionKindFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetentionKindReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"rowLabel"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"cutoffRoc"}},{"kind":"Field","name":{"kind":"Name","value":"dueRows"}},{"kind":"Field","name":{"kind":"Name","value":"dueStudents"}},{"kind":"Field","name":{"kind":"Name","value":"dueFiles"}},{"kind":"Field","name":{"kind":"Name","value":"heldRows"}},{"kind":"Field","name":{"kind":"Name","value":"heldStudents"}},{"kind":"Field","name":{"kind":"Name","value":"inUseRows"}}]}}]} as unknown as DocumentNode<RetentionKindFiguresFragment, unknown>;
export const RolloverPreviewFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RolloverPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RolloverPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromYear"}},{"kind":"Field","name":{"kind":"Name","value":"toYear"}},{"kind":"Field","name":{"kind":"Name","value":"byClassList"}},{"kind":"Field","name":{"kind":"Name","value":"canCommit"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoted"}},{"kind":"Field","name":{"kind":"Name","value":"repeating"}},{"kind":"Field","name":{"kind":"Name","value":"graduated"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedKept"}},{"kind":"Field","name":{"kind":"Name","value":"unplaced"}},{"kind":"Field","name":{"kind":"Name","value":"classesCreated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"classes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"exists"}},{"kind":"Field","name":{"kind":"Name","value":"homeroomFrom"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openRounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"done"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"runAtLabel"}}]}}]}}]} as unknown as DocumentNode<RolloverPreviewFieldsFragment, unknown>;
export const SchoolsPage_SchoolFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SchoolsPage_School"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"School"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"divisionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginPattern"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginExample"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SchoolsPage_SchoolFragment, unknown>;
export const StatisticsPage_CohortRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_CohortRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CohortStatisticsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"schools"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"nonUploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesPerUploader"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"performancesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"}}]}}]} as unknown as DocumentNode<StatisticsPage_CohortRowFragment, unknown>;
export const StatisticsPage_CohortTableFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_CohortTable"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CohortStatisticsTable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_CohortRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_CohortRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_CohortRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CohortStatisticsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"schools"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"nonUploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesPerUploader"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"performancesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"}}]}}]} as unknown as DocumentNode<StatisticsPage_CohortTableFragment, unknown>;
export const StatisticsPage_SchoolRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_SchoolRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SchoolStatisticsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCode"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"division"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"nonUploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesPerUploader"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"performancesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"}}]}}]} as unknown as DocumentNode<StatisticsPage_SchoolRowFragment, unknown>;
export const HomePage_MeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HomePage_Me"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"sessionExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPublishTemplates"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rocPeriod"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"cohortLabel"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"homeroomClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}}]}}]}}]} as unknown as DocumentNode<HomePage_MeFragment, unknown>;
export const Shell_MeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Shell_Me"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"serverTime"}},{"kind":"Field","name":{"kind":"Name","value":"currentTermLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanListStudents"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanListClasses"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanBrowseSchools"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"signedInWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readOnlyReason"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPrintFirstPasswordSlips"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanViewStatistics"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEditTimeline"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEnterGrades"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanViewHomeroom"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPublishTemplates"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanImport"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollOver"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRecordCadres"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRecordCounseling"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageSubmissions"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageTransfers"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReviewReceipts"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReadAuditLog"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReadRetentionReport"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rocPeriod"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HomePage_Me"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HomePage_Me"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"sessionExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPublishTemplates"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rocPeriod"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"cohortLabel"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"homeroomClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}}]}}]}}]} as unknown as DocumentNode<Shell_MeFragment, unknown>;
export const AppViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AppViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Shell_Me"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HomePage_Me"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"sessionExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPublishTemplates"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rocPeriod"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"cohortLabel"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"homeroomClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Shell_Me"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"serverTime"}},{"kind":"Field","name":{"kind":"Name","value":"currentTermLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanListStudents"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanListClasses"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanBrowseSchools"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"signedInWith"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readOnlyReason"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPrintFirstPasswordSlips"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanViewStatistics"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEditTimeline"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEnterGrades"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanViewHomeroom"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPublishTemplates"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanImport"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRollOver"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRecordCadres"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRecordCounseling"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageSubmissions"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageTransfers"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReviewReceipts"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReadAuditLog"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReadRetentionReport"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rocPeriod"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HomePage_Me"}}]}}]} as unknown as DocumentNode<AppViewerQuery, AppViewerQueryVariables>;
export const DeadlineAlertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeadlineAlerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deadlineAlerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"taskLabel"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]} as unknown as DocumentNode<DeadlineAlertsSubscription, DeadlineAlertsSubscriptionVariables>;
export const BureauDeadlinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauDeadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timelineTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BureauDeadlinesQuery, BureauDeadlinesQueryVariables>;
export const ClassConfirmationProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassConfirmationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classConfirmationProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}},{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"disputed"}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}}]}}]}}]} as unknown as DocumentNode<ClassConfirmationProgressQuery, ClassConfirmationProgressQueryVariables>;
export const ClassRostersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassRosters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"allYears"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ClassRostersQuery, ClassRostersQueryVariables>;
export const HomeDeadlinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeDeadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myDeadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"rocEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayActNow"}},{"kind":"Field","name":{"kind":"Name","value":"blockedReason"}},{"kind":"Field","name":{"kind":"Name","value":"extension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<HomeDeadlinesQuery, HomeDeadlinesQueryVariables>;
export const ExchangeFilePanelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExchangeFilePanel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Student"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanExchangePortfolio"}},{"kind":"Field","name":{"kind":"Name","value":"exchangeExports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"destinationAuthorityCode"}},{"kind":"Field","name":{"kind":"Name","value":"destinationSchoolCode"}},{"kind":"Field","name":{"kind":"Name","value":"destinationDivision"}},{"kind":"Field","name":{"kind":"Name","value":"recordCount"}},{"kind":"Field","name":{"kind":"Name","value":"fileCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExchangeFilePanelQuery, ExchangeFilePanelQueryVariables>;
export const ExportExchangeFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportExchangeFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportExchangeFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportExchangeFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exchangeExport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ExportExchangeFileMutation, ExportExchangeFileMutationVariables>;
export const ImportExchangeFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportExchangeFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportExchangeFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importExchangeFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portfolioExchange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"originLabel"}},{"kind":"Field","name":{"kind":"Name","value":"recordCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportExchangeFileMutation, ImportExchangeFileMutationVariables>;
export const ExtensionStudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExtensionStudent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"students"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"studentNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExtensionStudentQuery, ExtensionStudentQueryVariables>;
export const GrantDeadlineExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantDeadlineExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantDeadlineExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantDeadlineExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GrantDeadlineExtensionMutation, GrantDeadlineExtensionMutationVariables>;
export const RequestUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestUploadMutation, RequestUploadMutationVariables>;
export const MyFinalLocksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyFinalLocks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myFinalLocks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<MyFinalLocksQuery, MyFinalLocksQueryVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const PrecheckPanelRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrecheckPanelRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPrecheck"}}]}},{"kind":"Field","name":{"kind":"Name","value":"precheckRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrecheckRunFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrecheckRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrecheckRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultFileName"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"mismatchCount"}},{"kind":"Field","name":{"kind":"Name","value":"rosterUrl"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDownloadRoster"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSendToCentral"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanImportResult"}}]}}]} as unknown as DocumentNode<PrecheckPanelRunsQuery, PrecheckPanelRunsQueryVariables>;
export const PrecheckPanelMismatchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrecheckPanelMismatches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PrecheckMismatchOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PrecheckMismatchKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"courseCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"precheckMismatches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"courseCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"courseCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentName"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"nationalIdMasked"}},{"kind":"Field","name":{"kind":"Name","value":"courseCode"}},{"kind":"Field","name":{"kind":"Name","value":"courseName"}},{"kind":"Field","name":{"kind":"Name","value":"sectionName"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PrecheckPanelMismatchesQuery, PrecheckPanelMismatchesQueryVariables>;
export const PrecheckPanelExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrecheckPanelExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportPrecheckRosterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportPrecheckRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"precheckRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrecheckRunFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrecheckRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrecheckRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultFileName"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"mismatchCount"}},{"kind":"Field","name":{"kind":"Name","value":"rosterUrl"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDownloadRoster"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSendToCentral"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanImportResult"}}]}}]} as unknown as DocumentNode<PrecheckPanelExportMutation, PrecheckPanelExportMutationVariables>;
export const PrecheckPanelSendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrecheckPanelSend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendPrecheckToCentralRepositoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendPrecheckToCentralRepository"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resultFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PrecheckPanelSendMutation, PrecheckPanelSendMutationVariables>;
export const PrecheckPanelImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrecheckPanelImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportPrecheckResultInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importPrecheckResult"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"precheckRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PrecheckRunFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PrecheckRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrecheckRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultFileName"}},{"kind":"Field","name":{"kind":"Name","value":"matchedCount"}},{"kind":"Field","name":{"kind":"Name","value":"mismatchCount"}},{"kind":"Field","name":{"kind":"Name","value":"rosterUrl"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDownloadRoster"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSendToCentral"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanImportResult"}}]}}]} as unknown as DocumentNode<PrecheckPanelImportMutation, PrecheckPanelImportMutationVariables>;
export const ReadmitClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReadmitClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}}]}}]}}]}}]} as unknown as DocumentNode<ReadmitClassesQuery, ReadmitClassesQueryVariables>;
export const ReadmitStudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReadmitStudent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReadmitStudentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"readmitStudent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"cohortLabel"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReadmitStudentMutation, ReadmitStudentMutationVariables>;
export const StudentTodoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentTodo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTodo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"taskLabel"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}}]}}]} as unknown as DocumentNode<StudentTodoQuery, StudentTodoQueryVariables>;
export const TermPickerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TermPicker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"terms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<TermPickerQuery, TermPickerQueryVariables>;
export const TransferredRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransferredRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Student"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"portfolioZipUrl"}},{"kind":"Field","name":{"kind":"Name","value":"transferredRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"originLabel"}},{"kind":"Field","name":{"kind":"Name","value":"originSchoolCode"}},{"kind":"Field","name":{"kind":"Name","value":"importedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordCount"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"firstSchoolName"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransferredRecordsQuery, TransferredRecordsQueryVariables>;
export const WindowNoticeMineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WindowNoticeMine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myDeadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"rocEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayActNow"}},{"kind":"Field","name":{"kind":"Name","value":"blockedReason"}},{"kind":"Field","name":{"kind":"Name","value":"extension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<WindowNoticeMineQuery, WindowNoticeMineQueryVariables>;
export const WindowNoticeSchoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WindowNoticeSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}}]}}]}}]} as unknown as DocumentNode<WindowNoticeSchoolQuery, WindowNoticeSchoolQueryVariables>;
export const CorrectionsUpdateCadreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectionsUpdateCadre"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCadreRecordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCadreRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CorrectionsUpdateCadreMutation, CorrectionsUpdateCadreMutationVariables>;
export const DisputeCorrectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DisputeCorrection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"disputeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disputeRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"disputeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"disputeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchedId"}},{"kind":"Field","name":{"kind":"Name","value":"notCorrectable"}},{"kind":"Field","name":{"kind":"Name","value":"cadreRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"termGrade"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"makeupGrade"}},{"kind":"Field","name":{"kind":"Name","value":"creditsCounted"}},{"kind":"Field","name":{"kind":"Name","value":"qualitativeNote"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"performances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"externalLink"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DisputeCorrectionQuery, DisputeCorrectionQueryVariables>;
export const DisputeCorrectionDeleteCadreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisputeCorrectionDeleteCadre"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteCadreRecordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCadreRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DisputeCorrectionDeleteCadreMutation, DisputeCorrectionDeleteCadreMutationVariables>;
export const DisputeCorrectionDeletePerformanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisputeCorrectionDeletePerformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteStudentPerformanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteStudentPerformance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DisputeCorrectionDeletePerformanceMutation, DisputeCorrectionDeletePerformanceMutationVariables>;
export const CorrectionsCorrectEnrolmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectionsCorrectEnrolment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CorrectEnrolmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctEnrolment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"termGrade"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"makeupGrade"}},{"kind":"Field","name":{"kind":"Name","value":"creditsCounted"}},{"kind":"Field","name":{"kind":"Name","value":"qualitativeNote"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CorrectionsCorrectEnrolmentMutation, CorrectionsCorrectEnrolmentMutationVariables>;
export const CorrectionsPerformanceCategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CorrectionsPerformanceCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performanceCategories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeNotOffered"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"offered"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"choices"}}]}}]}}]}}]} as unknown as DocumentNode<CorrectionsPerformanceCategoriesQuery, CorrectionsPerformanceCategoriesQueryVariables>;
export const CorrectionsUpdateOwnPerformanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectionsUpdateOwnPerformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePerformanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePerformance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"externalLink"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CorrectionsUpdateOwnPerformanceMutation, CorrectionsUpdateOwnPerformanceMutationVariables>;
export const CorrectionsCorrectPerformanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectionsCorrectPerformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CorrectPerformanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctPerformance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"externalLink"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CorrectionsCorrectPerformanceMutation, CorrectionsCorrectPerformanceMutationVariables>;
export const OpenWindowPeriodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenWindowPeriods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myDeadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayActNow"}}]}}]}}]} as unknown as DocumentNode<OpenWindowPeriodsQuery, OpenWindowPeriodsQueryVariables>;
export const AccountsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccountKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccountStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"managedAccounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountsPage_Account"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<AccountsPageQuery, AccountsPageQueryVariables>;
export const AccountsPageSchoolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsPageSchools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"divisionLabel"}}]}}]}}]}}]} as unknown as DocumentNode<AccountsPageSchoolsQuery, AccountsPageSchoolsQueryVariables>;
export const AccountsPageServerTimeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountsPageServerTime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverTime"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryAccessMaxDays"}}]}}]}}]} as unknown as DocumentNode<AccountsPageServerTimeQuery, AccountsPageServerTimeQueryVariables>;
export const SetAdminSectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAdminSection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetAdminSectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAdminSection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountsPage_Account"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<SetAdminSectionMutation, SetAdminSectionMutationVariables>;
export const SetTeachingRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTeachingRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTeachingRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTeachingRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountsPage_Account"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<SetTeachingRoleMutation, SetTeachingRoleMutationVariables>;
export const ResetAccountPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetAccountPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetAccountPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetAccountPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"temporaryPassword"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountsPage_Account"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<ResetAccountPasswordMutation, ResetAccountPasswordMutationVariables>;
export const SetAccountActiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAccountActive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetAccountActiveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAccountActive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountsPage_Account"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<SetAccountActiveMutation, SetAccountActiveMutationVariables>;
export const UnlockAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnlockAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnlockAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlockAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountsPage_Account"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<UnlockAccountMutation, UnlockAccountMutationVariables>;
export const GrantTemporaryAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantTemporaryAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantTemporaryAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantTemporaryAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"temporaryPassword"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountsPage_Account"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<GrantTemporaryAccessMutation, GrantTemporaryAccessMutationVariables>;
export const EndTemporaryAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndTemporaryAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndTemporaryAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endTemporaryAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountsPage_Account"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountsPage_Account"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ManagedAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"roleLabels"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"passwordIsTemporary"}},{"kind":"Field","name":{"kind":"Name","value":"slipPending"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntil"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryUntilDate"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentStatusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetSections"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetTeachingRoles"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanResetPassword"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanSetActive"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanUnlock"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanGrantTemporaryAccess"}}]}}]} as unknown as DocumentNode<EndTemporaryAccessMutation, EndTemporaryAccessMutationVariables>;
export const AuditLogPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"area"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditArea"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actorId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"area"},"value":{"kind":"Variable","name":{"kind":"Name","value":"area"}}},{"kind":"Argument","name":{"kind":"Name","value":"actorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"operationLabel"}},{"kind":"Field","name":{"kind":"Name","value":"targetCount"}},{"kind":"Field","name":{"kind":"Name","value":"detailText"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogPageQuery, AuditLogPageQueryVariables>;
export const AuditLogPageAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogPageAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<AuditLogPageAreasQuery, AuditLogPageAreasQueryVariables>;
export const BureauBoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"term"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bureauBoard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"term"},"value":{"kind":"Variable","name":{"kind":"Name","value":"term"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"termKey"}},{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"alertGapHours"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"targetPct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"boardForecastAccuracy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"horizonDays"}},{"kind":"Field","name":{"kind":"Name","value":"windows"}},{"kind":"Field","name":{"kind":"Name","value":"hits"}},{"kind":"Field","name":{"kind":"Name","value":"misses"}},{"kind":"Field","name":{"kind":"Name","value":"falseAlarms"}},{"kind":"Field","name":{"kind":"Name","value":"correctPasses"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCode"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"division"}},{"kind":"Field","name":{"kind":"Name","value":"hasTimeline"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"forecastMiss"}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"lateReason"}},{"kind":"Field","name":{"kind":"Name","value":"nextCityDateLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"dayRoc"}},{"kind":"Field","name":{"kind":"Name","value":"uploads"}},{"kind":"Field","name":{"kind":"Name","value":"certifications"}},{"kind":"Field","name":{"kind":"Name","value":"selections"}}]}},{"kind":"Field","name":{"kind":"Name","value":"forecasts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"taskLabel"}},{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"endsAtRoc"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"sharePct"}},{"kind":"Field","name":{"kind":"Name","value":"dailyPace"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"projectedPct"}},{"kind":"Field","name":{"kind":"Name","value":"targetPct"}},{"kind":"Field","name":{"kind":"Name","value":"willMiss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"endsAtRoc"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BureauBoardQuery, BureauBoardQueryVariables>;
export const BoardStaggerPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardStaggerPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staggerableTasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"templateTaskId"}},{"kind":"Field","name":{"kind":"Name","value":"templateName"}},{"kind":"Field","name":{"kind":"Name","value":"taskLabel"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"groupCount"}},{"kind":"Field","name":{"kind":"Name","value":"stepDays"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"commonPeak"}},{"kind":"Field","name":{"kind":"Name","value":"staggeredPeak"}},{"kind":"Field","name":{"kind":"Name","value":"rocAppliedAt"}}]}}]}}]}}]} as unknown as DocumentNode<BoardStaggerPlansQuery, BoardStaggerPlansQueryVariables>;
export const SendBoardAlertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendBoardAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendBoardAlertInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendBoardAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sentAtRoc"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SendBoardAlertMutation, SendBoardAlertMutationVariables>;
export const CadresPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CadresPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"terms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]}}]} as unknown as DocumentNode<CadresPageQuery, CadresPageQueryVariables>;
export const CadresPageClassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CadresPageClass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SchoolClass"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cadreRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"term"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanCorrect"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CadresPageClassQuery, CadresPageClassQueryVariables>;
export const CadresPageDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CadresPageDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteCadreRecordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCadreRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CadresPageDeleteMutation, CadresPageDeleteMutationVariables>;
export const RecordCadreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCadre"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCadreInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCadre"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCadreMutation, RecordCadreMutationVariables>;
export const CertificationHealthPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificationHealthPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"adminSections"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificationHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routeAfterDays"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"minDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxDays"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"routed"}},{"kind":"Field","name":{"kind":"Name","value":"oldestDays"}},{"kind":"Field","name":{"kind":"Name","value":"medianDays"}},{"kind":"Field","name":{"kind":"Name","value":"oldestWaitingSince"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"schoolRejected"}},{"kind":"Field","name":{"kind":"Name","value":"schoolRejectionRate"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionRule"}},{"kind":"Field","name":{"kind":"Name","value":"teachers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"routed"}},{"kind":"Field","name":{"kind":"Name","value":"oldestDays"}},{"kind":"Field","name":{"kind":"Name","value":"medianDays"}},{"kind":"Field","name":{"kind":"Name","value":"oldestWaitingSince"}},{"kind":"Field","name":{"kind":"Name","value":"proxies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needsProxy"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionRate"}},{"kind":"Field","name":{"kind":"Name","value":"othersRejectionRate"}},{"kind":"Field","name":{"kind":"Name","value":"rejectionFlagged"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sectionId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"sectionName"}},{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"routed"}},{"kind":"Field","name":{"kind":"Name","value":"oldestDays"}},{"kind":"Field","name":{"kind":"Name","value":"medianDays"}},{"kind":"Field","name":{"kind":"Name","value":"oldestWaitingSince"}}]}}]}}]}}]} as unknown as DocumentNode<CertificationHealthPageQuery, CertificationHealthPageQueryVariables>;
export const CertificationHealthSetPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CertificationHealthSetPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificationPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCertificationPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routeAfterDays"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CertificationHealthSetPolicyMutation, CertificationHealthSetPolicyMutationVariables>;
export const CertificationPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificationPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificationStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"certificationWait"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"routed"}},{"kind":"Field","name":{"kind":"Name","value":"routedToViewer"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}}]} as unknown as DocumentNode<CertificationPageQuery, CertificationPageQueryVariables>;
export const CertifyCourseOutcomesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CertifyCourseOutcomes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertifyCourseOutcomesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certifyCourseOutcomes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CertifyCourseOutcomesMutation, CertifyCourseOutcomesMutationVariables>;
export const RejectCourseOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectCourseOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectCourseOutcomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCourseOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RejectCourseOutcomeMutation, RejectCourseOutcomeMutationVariables>;
export const ClassesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"homeroomTeacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClassesPageQuery, ClassesPageQueryVariables>;
export const CounselingPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CounselingPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CounselingPageQuery, CounselingPageQueryVariables>;
export const RecordCounselingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCounseling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCounselingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCounseling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCounselingMutation, RecordCounselingMutationVariables>;
export const UpdateCounselingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCounseling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCounselingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCounselingRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"record"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCounselingMutation, UpdateCounselingMutationVariables>;
export const DisputesPageCategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DisputesPageCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submissionCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<DisputesPageCategoriesQuery, DisputesPageCategoriesQueryVariables>;
export const DisputesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DisputesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisputeStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmissionCategory"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disputes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}},{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DisputesPage_Dispute"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DisputesPage_Dispute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanHandle"}},{"kind":"Field","name":{"kind":"Name","value":"raisedByStaff"}},{"kind":"Field","name":{"kind":"Name","value":"resubmission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"receiptRow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"keyFields"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<DisputesPageQuery, DisputesPageQueryVariables>;
export const DisputesPageReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisputesPageReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartDisputeReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startDisputeReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DisputesPageReviewMutation, DisputesPageReviewMutationVariables>;
export const DisputesPageResolveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisputesPageResolve"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveDisputeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveDispute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DisputesPageResolveMutation, DisputesPageResolveMutationVariables>;
export const DisputePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DisputePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DisputesPage_Dispute"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DisputesPage_Dispute"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanHandle"}},{"kind":"Field","name":{"kind":"Name","value":"raisedByStaff"}},{"kind":"Field","name":{"kind":"Name","value":"resubmission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"receiptRow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"keyFields"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<DisputePageQuery, DisputePageQueryVariables>;
export const FirstPasswordSlipsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirstPasswordSlipsPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstPasswordSlipClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withLogin"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}}]} as unknown as DocumentNode<FirstPasswordSlipsPageQuery, FirstPasswordSlipsPageQueryVariables>;
export const IssueFirstPasswordSlipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueFirstPasswordSlips"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueFirstPasswordSlipsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueFirstPasswordSlips"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"pdf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"base64"}}]}},{"kind":"Field","name":{"kind":"Name","value":"xlsx"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"base64"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<IssueFirstPasswordSlipsMutation, IssueFirstPasswordSlipsMutationVariables>;
export const GradesPageSectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GradesPageSections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"credits"}}]}}]}}]}}]} as unknown as DocumentNode<GradesPageSectionsQuery, GradesPageSectionsQueryVariables>;
export const GradesPageSectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GradesPageSection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CourseSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"termGrade"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"makeupGrade"}},{"kind":"Field","name":{"kind":"Name","value":"qualitativeNote"}},{"kind":"Field","name":{"kind":"Name","value":"gradedAt"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GradesPageSectionQuery, GradesPageSectionQueryVariables>;
export const EnterGradesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnterGrades"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterGradesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterGrades"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"termGrade"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"makeupGrade"}},{"kind":"Field","name":{"kind":"Name","value":"qualitativeNote"}},{"kind":"Field","name":{"kind":"Name","value":"gradedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EnterGradesMutation, EnterGradesMutationVariables>;
export const HomeroomPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeroomPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"homeroomClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"termGrade"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cadreRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portfolioProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"certified"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"performances"}},{"kind":"Field","name":{"kind":"Name","value":"performancesSelected"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HomeroomPageQuery, HomeroomPageQueryVariables>;
export const ImportsPageKindsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportsPageKinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importKinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"example"}}]}},{"kind":"Field","name":{"kind":"Name","value":"csvTemplateUrl"}},{"kind":"Field","name":{"kind":"Name","value":"xlsxTemplateUrl"}},{"kind":"Field","name":{"kind":"Name","value":"viewerMayImport"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentImports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"problemCount"}},{"kind":"Field","name":{"kind":"Name","value":"toCreate"}},{"kind":"Field","name":{"kind":"Name","value":"toUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"term"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ImportsPageKindsQuery, ImportsPageKindsQueryVariables>;
export const ImportsPagePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportsPagePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"problemCount"}},{"kind":"Field","name":{"kind":"Name","value":"toCreate"}},{"kind":"Field","name":{"kind":"Name","value":"toUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"term"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ImportsPagePreviewMutation, ImportsPagePreviewMutationVariables>;
export const ImportsPageCommitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportsPageCommit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CommitImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"initialPasswords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"password"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"problemCount"}},{"kind":"Field","name":{"kind":"Name","value":"toCreate"}},{"kind":"Field","name":{"kind":"Name","value":"toUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"term"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ImportsPageCommitMutation, ImportsPageCommitMutationVariables>;
export const MyLedgerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyLedger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myLedger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LedgerPage_Ledger"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LedgerPage_Ledger"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StudentLedger"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"studentName"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedItems"}},{"kind":"Field","name":{"kind":"Name","value":"years"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYear"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesMax"}},{"kind":"Field","name":{"kind":"Name","value":"performancesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"performancesMax"}},{"kind":"Field","name":{"kind":"Name","value":"uploadCapPerTerm"}},{"kind":"Field","name":{"kind":"Name","value":"uploadsByTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"uploaded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAsProxyFor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transferred"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"originSchool"}},{"kind":"Field","name":{"kind":"Name","value":"importedAt"}}]}}]}}]} as unknown as DocumentNode<MyLedgerQuery, MyLedgerQueryVariables>;
export const StudentLedgerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentLedger"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentLedger"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LedgerPage_Ledger"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LedgerPage_Ledger"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StudentLedger"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"studentName"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedItems"}},{"kind":"Field","name":{"kind":"Name","value":"years"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYear"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesMax"}},{"kind":"Field","name":{"kind":"Name","value":"performancesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"performancesMax"}},{"kind":"Field","name":{"kind":"Name","value":"uploadCapPerTerm"}},{"kind":"Field","name":{"kind":"Name","value":"uploadsByTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"uploaded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAsProxyFor"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transferred"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"originSchool"}},{"kind":"Field","name":{"kind":"Name","value":"importedAt"}}]}}]}}]} as unknown as DocumentNode<StudentLedgerQuery, StudentLedgerQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const SignInProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startPath"}}]}}]}}]} as unknown as DocumentNode<SignInProvidersQuery, SignInProvidersQueryVariables>;
export const SignInFailureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInFailure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"failure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SsoFailure"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInFailureMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"failure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"failure"}}}]}]}}]} as unknown as DocumentNode<SignInFailureQuery, SignInFailureQueryVariables>;
export const OutcomesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutcomesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeUploadCap"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MyOutcomes_Outcome"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyOutcomes_Outcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CourseOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}}]}}]} as unknown as DocumentNode<OutcomesPageQuery, OutcomesPageQueryVariables>;
export const UploadCourseOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadCourseOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadCourseOutcomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadCourseOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MyOutcomes_Outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyOutcomes_Outcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CourseOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}}]}}]} as unknown as DocumentNode<UploadCourseOutcomeMutation, UploadCourseOutcomeMutationVariables>;
export const ReplaceCourseOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplaceCourseOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplaceCourseOutcomeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replaceCourseOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MyOutcomes_Outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyOutcomes_Outcome"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CourseOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}}]}}]} as unknown as DocumentNode<ReplaceCourseOutcomeMutation, ReplaceCourseOutcomeMutationVariables>;
export const PerformancesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PerformancesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performanceCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"choices"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myPerformanceEditRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"performances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MyPerformances_Performance"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyPerformances_Performance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DiversePerformance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"externalLink"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}}]} as unknown as DocumentNode<PerformancesPageQuery, PerformancesPageQueryVariables>;
export const PerformancesPageDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PerformancesPageDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeletePerformanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePerformance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PerformancesPageDeleteMutation, PerformancesPageDeleteMutationVariables>;
export const RecordPerformanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPerformance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordPerformanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPerformance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MyPerformances_Performance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FileReceipt_File"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FileUpload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"storedAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyPerformances_Performance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DiversePerformance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"externalLink"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FileReceipt_File"}}]}}]}}]} as unknown as DocumentNode<RecordPerformanceMutation, RecordPerformanceMutationVariables>;
export const PiiAccessLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PiiAccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"piiAccessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"piiAccessLogRetentionDays"}}]}}]} as unknown as DocumentNode<PiiAccessLogQuery, PiiAccessLogQueryVariables>;
export const ProgressPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgressPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"classes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"homeroomTeacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"portfolioProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"certified"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"performances"}},{"kind":"Field","name":{"kind":"Name","value":"performancesSelected"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ProgressPageQuery, ProgressPageQueryVariables>;
export const ProxiesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProxiesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolTeachers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificationProxies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proxy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<ProxiesPageQuery, ProxiesPageQueryVariables>;
export const ProxiesPageSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProxiesPageSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificationProxyInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"active"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCertificationProxy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"active"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ProxiesPageSetMutation, ProxiesPageSetMutationVariables>;
export const ReceiptsPageStudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReceiptsPageStudent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ReceiptsPageStudentQuery, ReceiptsPageStudentQueryVariables>;
export const ReceiptsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReceiptsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentReceiptRows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"reconciliation"}},{"kind":"Field","name":{"kind":"Name","value":"changedColumns"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"raisedByStaff"}}]}}]}}]}}]} as unknown as DocumentNode<ReceiptsPageQuery, ReceiptsPageQueryVariables>;
export const ReceiptsPageConfirmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReceiptsPageConfirm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmReceiptRowsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmReceiptRows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiptRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReceiptsPageConfirmMutation, ReceiptsPageConfirmMutationVariables>;
export const ReceiptsPageDisputeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReceiptsPageDispute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RaiseDisputeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"raiseDispute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReceiptsPageDisputeMutation, ReceiptsPageDisputeMutationVariables>;
export const RetentionViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RetentionViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<RetentionViewerQuery, RetentionViewerQueryVariables>;
export const SchoolRetentionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolRetention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retentionReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"kinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RetentionKindFigures"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RetentionKindFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetentionKindReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"rowLabel"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"cutoffRoc"}},{"kind":"Field","name":{"kind":"Name","value":"dueRows"}},{"kind":"Field","name":{"kind":"Name","value":"dueStudents"}},{"kind":"Field","name":{"kind":"Name","value":"dueFiles"}},{"kind":"Field","name":{"kind":"Name","value":"heldRows"}},{"kind":"Field","name":{"kind":"Name","value":"heldStudents"}},{"kind":"Field","name":{"kind":"Name","value":"inUseRows"}}]}}]} as unknown as DocumentNode<SchoolRetentionQuery, SchoolRetentionQueryVariables>;
export const CityRetentionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CityRetention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cityRetentionReport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCode"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"divisionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"kinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RetentionKindFigures"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RetentionKindFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetentionKindReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"rowLabel"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"cutoffRoc"}},{"kind":"Field","name":{"kind":"Name","value":"dueRows"}},{"kind":"Field","name":{"kind":"Name","value":"dueStudents"}},{"kind":"Field","name":{"kind":"Name","value":"dueFiles"}},{"kind":"Field","name":{"kind":"Name","value":"heldRows"}},{"kind":"Field","name":{"kind":"Name","value":"heldStudents"}},{"kind":"Field","name":{"kind":"Name","value":"inUseRows"}}]}}]} as unknown as DocumentNode<CityRetentionQuery, CityRetentionQueryVariables>;
export const RolloverPageRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RolloverPageRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolloverRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"runAtLabel"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoted"}},{"kind":"Field","name":{"kind":"Name","value":"repeating"}},{"kind":"Field","name":{"kind":"Name","value":"graduated"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedKept"}},{"kind":"Field","name":{"kind":"Name","value":"classesCreated"}}]}}]}}]}}]} as unknown as DocumentNode<RolloverPageRunsQuery, RolloverPageRunsQueryVariables>;
export const RolloverPagePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RolloverPagePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classListUploadId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolloverPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"toYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"classListUploadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classListUploadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RolloverPreviewFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RolloverPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RolloverPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromYear"}},{"kind":"Field","name":{"kind":"Name","value":"toYear"}},{"kind":"Field","name":{"kind":"Name","value":"byClassList"}},{"kind":"Field","name":{"kind":"Name","value":"canCommit"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoted"}},{"kind":"Field","name":{"kind":"Name","value":"repeating"}},{"kind":"Field","name":{"kind":"Name","value":"graduated"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedKept"}},{"kind":"Field","name":{"kind":"Name","value":"unplaced"}},{"kind":"Field","name":{"kind":"Name","value":"classesCreated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"classes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"exists"}},{"kind":"Field","name":{"kind":"Name","value":"homeroomFrom"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openRounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"done"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"runAtLabel"}}]}}]}}]} as unknown as DocumentNode<RolloverPagePreviewQuery, RolloverPagePreviewQueryVariables>;
export const RolloverPageCommitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RolloverPageCommit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CommitRolloverInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitRollover"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolloverRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"runAtLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RolloverPageCommitMutation, RolloverPageCommitMutationVariables>;
export const SchoolsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SchoolsPage_School"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SchoolsPage_School"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"School"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"divisionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginPattern"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginExample"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SchoolsPageQuery, SchoolsPageQueryVariables>;
export const CreateSchoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSchool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSchoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSchool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SchoolsPage_School"}}]}},{"kind":"Field","name":{"kind":"Name","value":"itUsername"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryPassword"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SchoolsPage_School"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"School"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"divisionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginPattern"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginExample"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<CreateSchoolMutation, CreateSchoolMutationVariables>;
export const SetSchoolActiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSchoolActive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetSchoolActiveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSchoolActive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SchoolsPage_School"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionsEnded"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SchoolsPage_School"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"School"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"divisionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginPattern"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginExample"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SetSchoolActiveMutation, SetSchoolActiveMutationVariables>;
export const SetStudentLoginPatternDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetStudentLoginPattern"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetStudentLoginPatternInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setStudentLoginPattern"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SchoolsPage_School"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SchoolsPage_School"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"School"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"divisionLabel"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"deactivatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginPattern"}},{"kind":"Field","name":{"kind":"Name","value":"studentLoginExample"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}}]}}]} as unknown as DocumentNode<SetStudentLoginPatternMutation, SetStudentLoginPatternMutationVariables>;
export const SelectionPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SelectionPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"performances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"terms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SelectionPageQuery, SelectionPageQueryVariables>;
export const SelectionCountersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SelectionCounters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySelection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYearId"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesMax"}},{"kind":"Field","name":{"kind":"Name","value":"performancesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"performancesMax"}}]}}]}}]} as unknown as DocumentNode<SelectionCountersQuery, SelectionCountersQueryVariables>;
export const SelectionTermOutcomesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SelectionTermOutcomes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SelectionTermOutcomesQuery, SelectionTermOutcomesQueryVariables>;
export const SelectItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SelectItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SelectItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"selectItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"performance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYearId"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesMax"}},{"kind":"Field","name":{"kind":"Name","value":"performancesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"performancesMax"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SelectItemMutation, SelectItemMutationVariables>;
export const SessionsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionsPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"device"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"isCurrent"}}]}}]}}]} as unknown as DocumentNode<SessionsPageQuery, SessionsPageQueryVariables>;
export const RevokeSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const LogoutEverywhereDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogoutEverywhere"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"allSessions"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endedSessions"}},{"kind":"Field","name":{"kind":"Name","value":"providerLogoutUrl"}}]}}]}}]} as unknown as DocumentNode<LogoutEverywhereMutation, LogoutEverywhereMutationVariables>;
export const StaggerTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaggerTasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staggerableTasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"templateTaskId"}},{"kind":"Field","name":{"kind":"Name","value":"taskLabel"}},{"kind":"Field","name":{"kind":"Name","value":"templateName"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"groupCount"}},{"kind":"Field","name":{"kind":"Name","value":"stepDays"}},{"kind":"Field","name":{"kind":"Name","value":"commonPeak"}},{"kind":"Field","name":{"kind":"Name","value":"staggeredPeak"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"rocAppliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"rocEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"schoolNames"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StaggerTasksQuery, StaggerTasksQueryVariables>;
export const StaggerPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StaggerPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaggerPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staggerPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskLabel"}},{"kind":"Field","name":{"kind":"Name","value":"templateName"}},{"kind":"Field","name":{"kind":"Name","value":"rocCommonEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalItems"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"rocEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"schools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"itemsSourceLabel"}},{"kind":"Field","name":{"kind":"Name","value":"rocCurrentEndsAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unadoptedSchools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"rocDate"}},{"kind":"Field","name":{"kind":"Name","value":"common"}},{"kind":"Field","name":{"kind":"Name","value":"staggered"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commonPeak"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rocDate"}},{"kind":"Field","name":{"kind":"Name","value":"items"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staggeredPeak"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rocDate"}},{"kind":"Field","name":{"kind":"Name","value":"items"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StaggerPreviewQuery, StaggerPreviewQueryVariables>;
export const ApplyStaggerPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyStaggerPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaggerPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyStaggerPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ApplyStaggerPlanMutation, ApplyStaggerPlanMutationVariables>;
export const StatisticsViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatisticsViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"currentTermKey"}},{"kind":"Field","name":{"kind":"Name","value":"currentTermLabel"}},{"kind":"Field","name":{"kind":"Name","value":"authority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskKinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<StatisticsViewerQuery, StatisticsViewerQueryVariables>;
export const CityCohortStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CityCohortStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cityCohortStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_CohortTable"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_CohortRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CohortStatisticsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"schools"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"nonUploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesPerUploader"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"performancesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_CohortTable"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CohortStatisticsTable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_CohortRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_CohortRow"}}]}}]}}]} as unknown as DocumentNode<CityCohortStatisticsQuery, CityCohortStatisticsQueryVariables>;
export const CitySchoolStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitySchoolStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citySchoolStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cohort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_SchoolRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_SchoolRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SchoolStatisticsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCode"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"division"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"nonUploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesPerUploader"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"performancesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"}}]}}]} as unknown as DocumentNode<CitySchoolStatisticsQuery, CitySchoolStatisticsQueryVariables>;
export const CitySchoolDrillDownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitySchoolDrillDown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citySchoolStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolIds"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"cohort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_SchoolRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_SchoolRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SchoolStatisticsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCode"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"division"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"nonUploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesPerUploader"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"performancesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"}}]}}]} as unknown as DocumentNode<CitySchoolDrillDownQuery, CitySchoolDrillDownQueryVariables>;
export const CityTermProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CityTermProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"term"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cityTermProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"term"},"value":{"kind":"Variable","name":{"kind":"Name","value":"term"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCode"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"division"}},{"kind":"Field","name":{"kind":"Name","value":"openWindows"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledStudents"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"certificationRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"selectors"}},{"kind":"Field","name":{"kind":"Name","value":"selectionRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationRatePct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CityTermProgressQuery, CityTermProgressQueryVariables>;
export const SchoolCohortStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolCohortStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolCohortStatistics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_CohortTable"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_CohortRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CohortStatisticsRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"schools"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"nonUploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesPerUploader"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"performancesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatisticsPage_CohortTable"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CohortStatisticsTable"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_CohortRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatisticsPage_CohortRow"}}]}}]}}]} as unknown as DocumentNode<SchoolCohortStatisticsQuery, SchoolCohortStatisticsQueryVariables>;
export const SchoolClassStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolClassStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClassStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cohort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cohort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classId"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"students"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"nonUploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesPerUploader"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"performancesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"counselingRecords"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolClassStatisticsQuery, SchoolClassStatisticsQueryVariables>;
export const SchoolTermProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolTermProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolTermProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOfRoc"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classId"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"gradeYear"}},{"kind":"Field","name":{"kind":"Name","value":"openWindows"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledStudents"}},{"kind":"Field","name":{"kind":"Name","value":"uploaders"}},{"kind":"Field","name":{"kind":"Name","value":"uploadRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesCertified"}},{"kind":"Field","name":{"kind":"Name","value":"certificationRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"selectors"}},{"kind":"Field","name":{"kind":"Name","value":"selectionRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationRatePct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolTermProgressQuery, SchoolTermProgressQueryVariables>;
export const StudentPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReadPiiAccessLogs"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManageStudents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Student"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"cohortLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"portfolioProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomes"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"certified"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"outcomesSelected"}},{"kind":"Field","name":{"kind":"Name","value":"performances"}},{"kind":"Field","name":{"kind":"Name","value":"performancesSelected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"termGrade"}},{"kind":"Field","name":{"kind":"Name","value":"makeupGrade"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"creditsCounted"}},{"kind":"Field","name":{"kind":"Name","value":"qualitativeNote"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanCorrect"}},{"kind":"Field","name":{"kind":"Name","value":"section"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"performances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"selectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cadreRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"term"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StudentPageQuery, StudentPageQueryVariables>;
export const StudentPageReceiptsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentPageReceipts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentReceiptRows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reconciliation"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRaiseStaffDispute"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<StudentPageReceiptsQuery, StudentPageReceiptsQueryVariables>;
export const StudentPageRaiseDisputeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StudentPageRaiseDispute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RaiseDisputeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"raiseDispute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StudentPageRaiseDisputeMutation, StudentPageRaiseDisputeMutationVariables>;
export const StudentsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StudentStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"students"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"seatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StudentsPageQuery, StudentsPageQueryVariables>;
export const StudentsPageClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentsPageClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudentsPageClassesQuery, StudentsPageClassesQueryVariables>;
export const SubmissionConsoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubmissionConsole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"termId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grade12Round"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submissionConsole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"termId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"termId"}}},{"kind":"Argument","name":{"kind":"Name","value":"grade12Round"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grade12Round"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"categoryLabel"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"notInRound"}},{"kind":"Field","name":{"kind":"Name","value":"submitWindowProblem"}},{"kind":"Field","name":{"kind":"Name","value":"finalWindowProblem"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"stageLabel"}},{"kind":"Field","name":{"kind":"Name","value":"submissionCount"}},{"kind":"Field","name":{"kind":"Name","value":"missingReceiptKinds"}},{"kind":"Field","name":{"kind":"Name","value":"staffConfirmedImports"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanHandle"}},{"kind":"Field","name":{"kind":"Name","value":"latestSubmission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zipSize"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceFiles"}},{"kind":"Field","name":{"kind":"Name","value":"packageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanDownload"}},{"kind":"Field","name":{"kind":"Name","value":"rosters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"receiptImports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"flaggedCount"}},{"kind":"Field","name":{"kind":"Name","value":"staffConfirmation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"confirmed"}},{"kind":"Field","name":{"kind":"Name","value":"disputed"}},{"kind":"Field","name":{"kind":"Name","value":"unconfirmed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disputes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"inReview"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingResubmission"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finalLock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]}}]} as unknown as DocumentNode<SubmissionConsoleQuery, SubmissionConsoleQueryVariables>;
export const SubmissionConsoleClassSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubmissionConsoleClassSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiptClassSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"submissionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"submissionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}}]}}]}}]} as unknown as DocumentNode<SubmissionConsoleClassSummaryQuery, SubmissionConsoleClassSummaryQueryVariables>;
export const SubmissionConsoleSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmissionConsoleSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitTermInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitTerm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmissionConsoleSubmitMutation, SubmissionConsoleSubmitMutationVariables>;
export const SubmissionConsoleSendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmissionConsoleSend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendToCentralRepositoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendToCentralRepository"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiptFiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmissionConsoleSendMutation, SubmissionConsoleSendMutationVariables>;
export const SubmissionConsoleImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmissionConsoleImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportReceiptsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importReceipts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiptImport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmissionConsoleImportMutation, SubmissionConsoleImportMutationVariables>;
export const SubmissionConsoleConfirmImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmissionConsoleConfirmImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmReceiptImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmReceiptImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmissionConsoleConfirmImportMutation, SubmissionConsoleConfirmImportMutationVariables>;
export const SubmissionConsoleFinalizeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmissionConsoleFinalize"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FinalizeTermInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finalizeTerm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finalLock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmissionConsoleFinalizeMutation, SubmissionConsoleFinalizeMutationVariables>;
export const TemplatesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TemplatesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverTime"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanPublishTemplates"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEditTimeline"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taskKinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"needsCategory"}},{"kind":"Field","name":{"kind":"Name","value":"governsAcademicYear"}},{"kind":"Field","name":{"kind":"Name","value":"inGrade12Round"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submissionCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"annual"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timelineTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"}},{"kind":"Field","name":{"kind":"Name","value":"semester"}},{"kind":"Field","name":{"kind":"Name","value":"termKey"}},{"kind":"Field","name":{"kind":"Name","value":"termLabel"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"schoolAdoption"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adoptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rocAdoptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"windowCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"grade12Round"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"earliestStart"}},{"kind":"Field","name":{"kind":"Name","value":"latestEnd"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}},{"kind":"Field","name":{"kind":"Name","value":"sections"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TemplatesPageQuery, TemplatesPageQueryVariables>;
export const PublishTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishTimelineTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishTimelineTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PublishTemplateMutation, PublishTemplateMutationVariables>;
export const AdoptTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdoptTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdoptTimelineTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adoptTimelineTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AdoptTemplateMutation, AdoptTemplateMutationVariables>;
export const TimelinePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TimelinePage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverTime"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEditTimeline"}},{"kind":"Field","name":{"kind":"Name","value":"currentTerm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"earliestStart"}},{"kind":"Field","name":{"kind":"Name","value":"latestEnd"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"sections"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<TimelinePageQuery, TimelinePageQueryVariables>;
export const MoveTimelineTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveTimelineTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveTimelineTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveTimelineTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"rocWindow"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateLabel"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MoveTimelineTaskMutation, MoveTimelineTaskMutationVariables>;
export const TransfersPageClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransfersPageClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"academicYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageClassesQuery, TransfersPageClassesQueryVariables>;
export const TransfersPageLookupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransfersPageLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nationalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"birthDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferLookup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"nationalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nationalId"}}},{"kind":"Argument","name":{"kind":"Name","value":"birthDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birthDate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originSchools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"existingStudent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageLookupQuery, TransfersPageLookupQueryVariables>;
export const TransfersPageInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransfersPageIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfersIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"createsStudent"}},{"kind":"Field","name":{"kind":"Name","value":"nationalIdMasked"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordsImported"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanCancel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReceive"}},{"kind":"Field","name":{"kind":"Name","value":"originSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newStudent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageInQuery, TransfersPageInQueryVariables>;
export const TransfersPageOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransfersPageOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfersOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedByName"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"destinationSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageOutQuery, TransfersPageOutQueryVariables>;
export const TransfersPageRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransfersPageRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestTransferInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestTransferIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"originSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageRequestMutation, TransfersPageRequestMutationVariables>;
export const TransfersPageCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransfersPageCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferInIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelTransferIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanCancel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageCancelMutation, TransfersPageCancelMutationVariables>;
export const TransfersPageReceiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransfersPageReceive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferInIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiveTransferIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"recordsImported"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanReceive"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageReceiveMutation, TransfersPageReceiveMutationVariables>;
export const TransfersPageApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransfersPageApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveTransferOutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveTransferOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAnswer"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageApproveMutation, TransfersPageApproveMutationVariables>;
export const TransfersPageDeclineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransfersPageDecline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineTransferOutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineTransferOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusLabel"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanAnswer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPageDeclineMutation, TransfersPageDeclineMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LogoutInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endedSessions"}},{"kind":"Field","name":{"kind":"Name","value":"providerLogoutUrl"}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TimelinePolicy } from '../../common/config.js';
import { academicYearOf, semesterOf, taipeiIsoDate } from '../../common/roc.js';
import { inTenantTransaction } from '../../common/tenant.js';
import { AdminSection } from '../../common/roles.js';
import type { TemplateTaskInput } from '../../modules/timeline/dto/timeline.input.js';
import { TaskKind } from '../../modules/timeline/timeline.enums.js';
import { SubmissionCategory } from '../../common/submission-category.js';
import { adoptTemplateFor, insertTemplate } from '../../modules/timeline/timeline.service.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const { REGISTRATION, TEACHING, STUDENT_AFFAIRS, COORDINATOR, IT } = AdminSection;

/** A Taipei wall-clock time as an instant. */
const taipei = (isoLocal: string): Date => new Date(`${isoLocal}+08:00`);

type Plan = Omit<TemplateTaskInput, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date };

const CENTRAL = '國教署學習歷程檔案資料庫';
const CITY = '臺北市學生學習歷程檔案資料庫';

/**
 * The city's plan for 112學年度第2學期 from the training slides (DOMAIN.md §4), as a template. Where the slides give
 * a month rather than a day, the dates are a reading of them; the bounds leave the school a week either side.
 */
export function cityPlan1122(): Plan[] {
  const window = (
    kind: TaskKind,
    from: string,
    to: string,
    sections: AdminSection[],
    system: string,
    notes: string,
    category?: SubmissionCategory,
  ): Plan => ({
    kind,
    category: category ?? null,
    startsAt: taipei(from),
    endsAt: taipei(to),
    earliestStart: new Date(taipei(from).getTime() - 7 * DAY),
    latestEnd: new Date(taipei(to).getTime() + 7 * DAY),
    sections,
    system,
    notes,
  });
  return [
    window(
      TaskKind.PRECHECK,
      '2024-02-01T08:00:00',
      '2024-03-10T17:00:00',
      [TEACHING, REGISTRATION],
      CENTRAL,
      '匯出高一至高三學生成績名冊（不含成績）傳送至中央資料庫比對',
    ),
    window(
      TaskKind.UPLOAD_COURSE_OUTCOMES,
      '2023-08-30T08:00:00',
      '2024-02-02T17:00:00',
      [COORDINATOR],
      CITY,
      '112-1 課程學習成果；至少開放至休業式（1/19）後 2 週',
    ),
    window(
      TaskKind.CERTIFY_COURSE_OUTCOMES,
      '2024-02-03T08:00:00',
      '2024-02-23T17:00:00',
      [TEACHING],
      CITY,
      '上傳截止後由任課教師認證',
    ),
    window(
      TaskKind.SELECT_COURSE_OUTCOMES,
      '2024-02-24T08:00:00',
      '2024-03-08T17:00:00',
      [COORDINATOR],
      CITY,
      '導師提醒學生勾選',
    ),
    window(
      TaskKind.SUBMIT,
      '2024-03-11T08:00:00',
      '2024-03-20T17:00:00',
      [REGISTRATION, STUDENT_AFFAIRS],
      CENTRAL,
      '112-1 基本資料',
      SubmissionCategory.BASIC,
    ),
    window(
      TaskKind.SUBMIT,
      '2024-03-11T08:00:00',
      '2024-03-20T17:00:00',
      [REGISTRATION],
      CENTRAL,
      '112-1 修課紀錄',
      SubmissionCategory.COURSE_RECORDS,
    ),
    window(
      TaskKind.CONFIRM_RECEIPTS,
      '2024-03-21T08:00:00',
      '2024-03-25T17:00:00',
      [COORDINATOR],
      CENTRAL,
      '學校人員及學生確認收訖明細，至少 3 日',
    ),
    window(
      TaskKind.RESOLVE_DISPUTES,
      '2024-03-26T08:00:00',
      '2024-03-28T17:00:00',
      [REGISTRATION, TEACHING],
      CENTRAL,
      '疑義由學校先行確認，需要時在校內系統處理',
    ),
    window(
      TaskKind.FINAL_SUBMIT,
      '2024-03-28T08:00:00',
      '2024-03-31T17:00:00',
      [TEACHING, REGISTRATION],
      CENTRAL,
      '完成最終提交，提交資料不再變動',
    ),
    window(
      TaskKind.GRADE12_EXTRA_ROUND,
      '2024-04-01T08:00:00',
      '2024-04-19T17:00:00',
      [COORDINATOR, IT],
      CITY,
      '高三補上傳與勾選，至少保留 3 日勾選',
    ),
  ];
}

/** The current term around `now`, so that in the demo some windows are closed, some open, some coming. */
export function demoCurrentPlan(now: Date): Plan[] {
  // Windows open at 08:00 and close at 17:00 Taipei time, counted in days from today.
  const today = taipei(`${taipeiIsoDate(now)}T00:00:00`).getTime();
  const opens = (days: number) => new Date(today + days * DAY + 8 * HOUR);
  const closes = (days: number) => new Date(today + days * DAY + 17 * HOUR);
  const span = (
    kind: TaskKind,
    fromDays: number,
    toDays: number,
    sections: AdminSection[],
    system: string,
    category?: SubmissionCategory,
  ): Plan => ({
    kind,
    category: category ?? null,
    startsAt: opens(fromDays),
    endsAt: closes(toDays),
    earliestStart: opens(fromDays - 7),
    latestEnd: closes(toDays + 7),
    sections,
    system,
    notes: '',
  });
  return [
    span(TaskKind.PRECHECK, -40, -10, [TEACHING, REGISTRATION], CENTRAL),
    span(TaskKind.GRADE_ENTRY, -20, 5, [TEACHING], CITY),
    span(TaskKind.UPLOAD_COURSE_OUTCOMES, -30, 2, [COORDINATOR], CITY),
    span(TaskKind.UPLOAD_PERFORMANCES, -30, 10, [STUDENT_AFFAIRS], CITY),
    span(TaskKind.CERTIFY_COURSE_OUTCOMES, 2, 16, [TEACHING], CITY),
    span(TaskKind.SELECT_PERFORMANCES, 10, 20, [STUDENT_AFFAIRS], CITY),
    span(TaskKind.SELECT_COURSE_OUTCOMES, 16, 23, [COORDINATOR], CITY),
    span(TaskKind.SUBMIT, 24, 30, [REGISTRATION, STUDENT_AFFAIRS], CENTRAL, SubmissionCategory.BASIC),
    span(TaskKind.SUBMIT, 24, 30, [REGISTRATION], CENTRAL, SubmissionCategory.COURSE_RECORDS),
    span(TaskKind.SUBMIT, 24, 30, [REGISTRATION], CENTRAL, SubmissionCategory.COURSE_OUTCOMES),
    span(TaskKind.SUBMIT, 24, 30, [STUDENT_AFFAIRS], CENTRAL, SubmissionCategory.PERFORMANCES),
    span(TaskKind.CONFIRM_RECEIPTS, 31, 35, [COORDINATOR], CENTRAL),
    span(TaskKind.RESOLVE_DISPUTES, 35, 38, [REGISTRATION, TEACHING], CENTRAL),
    span(TaskKind.FINAL_SUBMIT, 38, 40, [TEACHING, REGISTRATION], CENTRAL),
    span(TaskKind.GRADE12_EXTRA_ROUND, 45, 55, [COORDINATOR, IT], CITY),
  ];
}

/** Publishes both templates for the demo bureau and has every demo school adopt the current one. */
export async function seedDemoTimelines(
  owner: MikroORM,
  authorityId: string,
  schoolIds: string[],
  now: Date,
  policy: TimelinePolicy,
): Promise<void> {
  const templates = await inTenantTransaction(owner.em, { schoolId: null, authorityId }, async (tx) => {
    const publish = async (academicYear: number, semester: number, name: string, tasks: Plan[]) => {
      const result = await insertTemplate(tx, authorityId, { academicYear, semester, name, tasks }, now, policy, null);
      if (!result.value) throw new Error(`demo template refused: ${JSON.stringify(result.userErrors)}`);
      return result.value;
    };
    await publish(112, 2, '臺北市 112學年度第2學期 學習歷程時序（教育訓練簡報）', cityPlan1122());
    return publish(academicYearOf(now), semesterOf(now), '臺北市 本學期 學習歷程時序（示範）', demoCurrentPlan(now));
  });
  for (const schoolId of schoolIds) {
    await inTenantTransaction(owner.em, { schoolId, authorityId: null }, async (tx) => {
      const result = await adoptTemplateFor(tx, schoolId, tx.merge(templates), [], now, policy);
      if (!result.value) throw new Error(`demo adoption refused: ${JSON.stringify(result.userErrors)}`);
    });
  }
}

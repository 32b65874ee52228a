import type { MikroORM } from '@mikro-orm/postgresql';
import type { TimelinePolicy } from '../../common/config.js';
import { academicYearOf, defaultTermDates, semesterOf, taipeiIsoDate } from '../../common/roc.js';
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

interface PlanWindow {
  kind: TaskKind;
  period: string;
  grade12Round?: boolean;
  category?: SubmissionCategory;
  startsAt: Date;
  endsAt: Date;
  /** The bureau's bound on the start; by default a week before the window's own start. */
  earliestStart?: Date;
  sections: AdminSection[];
  system: string;
  notes?: string;
}

/** A window as a template task; unless it says otherwise, the bounds leave the school a week either side. */
const planWindow = (w: PlanWindow): Plan => ({
  kind: w.kind,
  category: w.category ?? null,
  period: w.period,
  grade12Round: w.grade12Round ?? false,
  startsAt: w.startsAt,
  endsAt: w.endsAt,
  earliestStart: w.earliestStart ?? new Date(w.startsAt.getTime() - 7 * DAY),
  latestEnd: new Date(w.endsAt.getTime() + 7 * DAY),
  sections: w.sections,
  system: w.system,
  notes: w.notes ?? '',
});

/** A window of the slides, its dates as Taipei wall-clock times. */
const slideWindow = ({ from, to, ...w }: Omit<PlanWindow, 'startsAt' | 'endsAt'> & { from: string; to: string }) =>
  planWindow({ ...w, startsAt: taipei(from), endsAt: taipei(to) });

/**
 * The city's plan for 112學年度第1學期 from the training slides (「11201學期 時序與分工」): in October of 112 the
 * schools pre-check and submit 111學年度第2學期's 基本資料 and 修課紀錄 together with the whole 111學年度's 課程學習成果
 * and 多元表現, which students select by 10/31. The slides give the central window 10/2–31 and the city's 10/24 target.
 */
export function cityPlan1121(): Plan[] {
  const central = { system: CENTRAL };
  return [
    {
      kind: TaskKind.PRECHECK,
      period: '1112',
      from: '2023-09-11T08:00:00',
      to: '2023-10-18T17:00:00',
      sections: [REGISTRATION, TEACHING],
      ...central,
      notes: '預檢 11102 學生資料與課程代碼；北市 9/11–11/3，中央 10/2–18',
    },
    {
      kind: TaskKind.SELECT_COURSE_OUTCOMES,
      period: '111_0',
      from: '2023-09-11T08:00:00',
      to: '2023-10-20T17:00:00',
      sections: [COORDINATOR],
      system: CITY,
      notes: '勾選 111學年度課程學習成果，提交前完成',
    },
    {
      kind: TaskKind.SELECT_PERFORMANCES,
      period: '111_0',
      from: '2023-09-11T08:00:00',
      to: '2023-10-20T17:00:00',
      sections: [COORDINATOR, IT],
      system: CITY,
      notes: '勾選 111學年度多元表現（中央 10/31 截止）；資訊組通知休學／異動學生臨時帳號',
    },
    {
      kind: TaskKind.SUBMIT,
      category: SubmissionCategory.BASIC,
      period: '1112',
      from: '2023-10-02T08:00:00',
      to: '2023-10-20T17:00:00',
      sections: [REGISTRATION, STUDENT_AFFAIRS],
      ...central,
      notes: '111學年度第2學期基本資料',
    },
    {
      kind: TaskKind.SUBMIT,
      category: SubmissionCategory.COURSE_RECORDS,
      period: '1112',
      from: '2023-10-02T08:00:00',
      to: '2023-10-20T17:00:00',
      sections: [REGISTRATION],
      ...central,
      notes: '註冊組：學生修課紀錄',
    },
    {
      kind: TaskKind.SUBMIT,
      category: SubmissionCategory.COURSE_OUTCOMES,
      period: '111_0',
      from: '2023-10-02T08:00:00',
      to: '2023-10-20T17:00:00',
      sections: [REGISTRATION],
      ...central,
      notes: '111學年度課程學習成果（每學年提交一次）',
    },
    {
      kind: TaskKind.SUBMIT,
      category: SubmissionCategory.PERFORMANCES,
      period: '111_0',
      from: '2023-10-02T08:00:00',
      to: '2023-10-20T17:00:00',
      sections: [STUDENT_AFFAIRS],
      ...central,
      notes: '訓育組：111學年度學生多元表現（每學年提交一次）',
    },
    {
      kind: TaskKind.CONFIRM_RECEIPTS,
      period: '1112',
      from: '2023-10-20T17:00:00',
      to: '2023-10-24T17:00:00',
      sections: [COORDINATOR],
      ...central,
      notes: '收訖明細建議於 10/24 前完成確認，至少 3 日',
    },
    {
      kind: TaskKind.RESOLVE_DISPUTES,
      period: '1112',
      from: '2023-10-24T17:00:00',
      to: '2023-10-27T17:00:00',
      sections: [REGISTRATION, STUDENT_AFFAIRS],
      ...central,
      notes: '執行秘書掌握各組狀況',
    },
    {
      kind: TaskKind.FINAL_SUBMIT,
      period: '1112',
      from: '2023-10-27T17:00:00',
      to: '2023-10-31T17:00:00',
      sections: [TEACHING, REGISTRATION],
      ...central,
      notes: '中央 10/31 截止，提交資料不再變動',
    },
  ].map(slideWindow);
}

/**
 * The city's plan for 112學年度第2學期 from the training slides (「推估112第2學期預計的時序與分工」一至三): in February
 * and March of 113 the work is on 112學年度第1學期's data (its outcomes uploaded and certified, its 基本資料 and 修課紀錄
 * pre-checked, submitted, confirmed and finally submitted); in April the 高三 round has grade-12 students upload and
 * select, then submits their 第2學期 基本資料 and the 112學年度's 課程學習成果 and 多元表現 (4/22, 4/23–25, 4/26). Where
 * the slides give a month rather than a day, the dates are a reading of them.
 */
export function cityPlan1122(): Plan[] {
  const central = { system: CENTRAL };
  const city = { system: CITY };
  return [
    {
      kind: TaskKind.PRECHECK,
      period: '1121',
      from: '2024-02-01T08:00:00',
      to: '2024-03-10T17:00:00',
      sections: [TEACHING, REGISTRATION],
      ...central,
      notes: '匯出高一至高三學生成績名冊（不含成績）傳送至中央資料庫比對',
    },
    {
      kind: TaskKind.UPLOAD_COURSE_OUTCOMES,
      period: '1121',
      from: '2023-08-30T08:00:00',
      to: '2024-02-02T17:00:00',
      sections: [COORDINATOR],
      ...city,
      notes: '至少開放至休業式（1/19）後 2 週',
    },
    {
      kind: TaskKind.CERTIFY_COURSE_OUTCOMES,
      period: '1121',
      from: '2024-02-03T08:00:00',
      to: '2024-02-23T17:00:00',
      sections: [TEACHING],
      ...city,
      notes: '上傳截止後由任課教師認證',
    },
    {
      kind: TaskKind.SUBMIT,
      category: SubmissionCategory.BASIC,
      period: '1121',
      from: '2024-03-11T08:00:00',
      to: '2024-03-20T17:00:00',
      sections: [REGISTRATION, STUDENT_AFFAIRS],
      ...central,
      notes: '112學年度第1學期基本資料',
    },
    {
      kind: TaskKind.SUBMIT,
      category: SubmissionCategory.COURSE_RECORDS,
      period: '1121',
      from: '2024-03-11T08:00:00',
      to: '2024-03-20T17:00:00',
      sections: [REGISTRATION],
      ...central,
      notes: '112學年度第1學期修課紀錄',
    },
    {
      kind: TaskKind.CONFIRM_RECEIPTS,
      period: '1121',
      from: '2024-03-21T08:00:00',
      to: '2024-03-25T17:00:00',
      sections: [COORDINATOR],
      ...central,
      notes: '學校人員及學生確認收訖明細，至少 3 日',
    },
    {
      kind: TaskKind.RESOLVE_DISPUTES,
      period: '1121',
      from: '2024-03-26T08:00:00',
      to: '2024-03-28T17:00:00',
      sections: [REGISTRATION, TEACHING],
      ...central,
      notes: '疑義由學校先行確認，需要時在校內系統處理',
    },
    {
      kind: TaskKind.FINAL_SUBMIT,
      period: '1121',
      from: '2024-03-28T08:00:00',
      to: '2024-03-31T17:00:00',
      sections: [TEACHING, REGISTRATION],
      ...central,
      notes: '完成最終提交，提交資料不再變動',
    },
    {
      kind: TaskKind.UPLOAD_COURSE_OUTCOMES,
      grade12Round: true,
      period: '1122',
      from: '2024-02-01T08:00:00',
      to: '2024-04-12T17:00:00',
      sections: [COORDINATOR, IT],
      ...city,
      notes: '高三：上傳截止由學校訂於 4/1 之後',
    },
    {
      kind: TaskKind.CERTIFY_COURSE_OUTCOMES,
      grade12Round: true,
      period: '1122',
      from: '2024-04-01T08:00:00',
      to: '2024-04-16T17:00:00',
      sections: [TEACHING],
      ...city,
      notes: '高三：任課教師認證',
    },
    {
      kind: TaskKind.UPLOAD_PERFORMANCES,
      grade12Round: true,
      period: '112_0',
      from: '2023-08-01T08:00:00',
      to: '2024-04-12T17:00:00',
      sections: [STUDENT_AFFAIRS],
      ...city,
      notes: '高三：112學年度多元表現',
    },
    {
      kind: TaskKind.SELECT_COURSE_OUTCOMES,
      grade12Round: true,
      period: '112_0',
      from: '2024-04-13T08:00:00',
      to: '2024-04-19T17:00:00',
      sections: [COORDINATOR],
      ...city,
      notes: '高三：上傳截止後至少保留 3 日勾選',
    },
    {
      kind: TaskKind.SELECT_PERFORMANCES,
      grade12Round: true,
      period: '112_0',
      from: '2024-04-13T08:00:00',
      to: '2024-04-19T17:00:00',
      sections: [COORDINATOR],
      ...city,
      notes: '高三：上傳截止後至少保留 3 日勾選',
    },
    {
      kind: TaskKind.SUBMIT,
      grade12Round: true,
      category: SubmissionCategory.BASIC,
      period: '1122',
      from: '2024-04-22T08:00:00',
      to: '2024-04-22T17:00:00',
      sections: [REGISTRATION, STUDENT_AFFAIRS],
      ...central,
      notes: '高三學生 112學年度第2學期基本資料',
    },
    {
      kind: TaskKind.SUBMIT,
      grade12Round: true,
      category: SubmissionCategory.COURSE_OUTCOMES,
      period: '112_0',
      from: '2024-04-22T08:00:00',
      to: '2024-04-22T17:00:00',
      sections: [REGISTRATION],
      ...central,
      notes: '高三學生 112學年度課程學習成果',
    },
    {
      kind: TaskKind.SUBMIT,
      grade12Round: true,
      category: SubmissionCategory.PERFORMANCES,
      period: '112_0',
      from: '2024-04-22T08:00:00',
      to: '2024-04-22T17:00:00',
      sections: [STUDENT_AFFAIRS],
      ...central,
      notes: '高三學生 112學年度多元表現',
    },
    {
      kind: TaskKind.CONFIRM_RECEIPTS,
      grade12Round: true,
      period: '1122',
      from: '2024-04-22T17:00:00',
      to: '2024-04-25T17:00:00',
      sections: [COORDINATOR],
      ...central,
      notes: '學校人員及高三學生確認收訖明細，至少 3 日',
    },
    {
      kind: TaskKind.RESOLVE_DISPUTES,
      grade12Round: true,
      period: '1122',
      from: '2024-04-23T08:00:00',
      to: '2024-04-25T17:00:00',
      sections: [REGISTRATION, STUDENT_AFFAIRS],
      ...central,
      notes: '高三疑義處理',
    },
    {
      kind: TaskKind.FINAL_SUBMIT,
      grade12Round: true,
      period: '1122',
      from: '2024-04-26T08:00:00',
      to: '2024-04-26T17:00:00',
      sections: [TEACHING, REGISTRATION],
      ...central,
      notes: '完成高三學生資料的最終提交',
    },
  ].map(slideWindow);
}

/** Midnight in Taipei of the day `now` falls on: the demo's windows are counted in days from it. */
export function taipeiMidnight(now: Date): Date {
  return taipei(`${taipeiIsoDate(now)}T00:00:00`);
}

/** Windows open at 08:00 and close at 17:00 Taipei time, counted in days from a Taipei midnight. */
function dayClock(origin: Date) {
  return {
    opens: (days: number) => new Date(origin.getTime() + days * DAY + 8 * HOUR),
    closes: (days: number) => new Date(origin.getTime() + days * DAY + 17 * HOUR),
  };
}

/** The term before the one `now` falls in: the demo's earlier round is this term's. */
export function previousTermOf(now: Date): { year: number; semester: 1 | 2 } {
  const year = academicYearOf(now);
  return semesterOf(now) === 1 ? { year: year - 1, semester: 2 } : { year, semester: 1 };
}

/**
 * The earlier round, in days from today: the previous term's 基本資料 and 修課紀錄 (after a second term also its
 * academic year's 課程學習成果 and 多元表現, selected first) were submitted three weeks ago and their receipts checked
 * last week; disputes are being answered and the final submission is open now. The slides hold such a round in the
 * next term's plan (111學年度第2學期's in the 112-1 plan), so the current plan holds it. The demo's activity
 * (demo-activity.ts) acts inside these windows.
 */
export const EARLIER_ROUND_DAYS = {
  precheck: [-45, -31],
  select: [-30, -22],
  submit: [-21, -15],
  confirm: [-14, -8],
  disputes: [-7, 3],
  final: [-7, 5],
} as const;

/**
 * The previous term's own work, in days from its first day: outcomes uploaded from its second week, grades entered and
 * outcomes certified towards its end, after a second term the year's 多元表現 recorded from the year's first week. All
 * of it closes before the earlier round's selection opens, whatever day of the current term the demo is seeded on.
 */
export function earlierTermSchedule(now: Date) {
  const previous = previousTermOf(now);
  const dates = defaultTermDates(previous.year, previous.semester);
  const start = taipei(`${dates.startsOn}T00:00:00`);
  const until = Math.min(
    taipei(`${dates.endsOn}T00:00:00`).getTime() + DAY,
    taipeiMidnight(now).getTime() + (EARLIER_ROUND_DAYS.select[0] - 1) * DAY,
  );
  const days = Math.floor((until - start.getTime()) / DAY);
  const uploadEnds = Math.floor(days * 0.75);
  const yearStart = taipei(`${defaultTermDates(previous.year, 1).startsOn}T00:00:00`);
  return {
    previous,
    /** The previous term's first day, midnight in Taipei: the days below count from it. */
    start,
    upload: [7, uploadEnds] as const,
    performances: [Math.round((yearStart.getTime() - start.getTime()) / DAY) + 7, uploadEnds] as const,
    grades: [Math.floor(days * 0.55), Math.floor(days * 0.8)] as const,
    certify: [uploadEnds + 1, days - 1] as const,
  };
}

/**
 * The plan of the term before the current one: its uploads, grades and certification, and after a second term the
 * year's 多元表現. Its round is in the current plan (EARLIER_ROUND_DAYS).
 */
export function demoEarlierPlan(now: Date): Plan[] {
  const schedule = earlierTermSchedule(now);
  const { opens, closes } = dayClock(schedule.start);
  const { year, semester } = schedule.previous;
  const span = (
    kind: TaskKind,
    period: string,
    [from, to]: readonly [number, number],
    sections: AdminSection[],
  ): Plan => planWindow({ kind, period, startsAt: opens(from), endsAt: closes(to), sections, system: CITY });
  const term = `${year}${semester}`;
  const plan = [
    span(TaskKind.GRADE_ENTRY, term, schedule.grades, [TEACHING]),
    span(TaskKind.UPLOAD_COURSE_OUTCOMES, term, schedule.upload, [COORDINATOR]),
    span(TaskKind.CERTIFY_COURSE_OUTCOMES, term, schedule.certify, [TEACHING]),
  ];
  // After a first term the year goes on: its 多元表現 are recorded in the current plan's window.
  if (semester === 2) {
    plan.push(span(TaskKind.UPLOAD_PERFORMANCES, `${year}_0`, schedule.performances, [STUDENT_AFFAIRS]));
  }
  return plan;
}

/**
 * The current term around `now`, so that in the demo some windows are closed, some open, some coming. It holds the
 * earlier round (EARLIER_ROUND_DAYS), then the term's own data with its round ahead (as a second-term plan would for
 * the first term): the year's selection is brought forward into weeks so the demo can show it; on a second term the
 * year's 課程學習成果 and 多元表現 are submitted too, and a 高三 round follows.
 */
export function demoCurrentPlan(now: Date): Plan[] {
  const today = taipeiMidnight(now).getTime();
  const { opens, closes } = dayClock(new Date(today));
  // The bureau lets the demo schools bring any window forward to a week before the day of seeding, so a visitor can
  // open the round's windows today on 期程 (README, "try the round"). The rules between windows still hold: the
  // final submission after the confirmation, which lasts its minimum days.
  const earliest = today - 7 * DAY;
  const year = academicYearOf(now);
  const semester = semesterOf(now);
  const term = `${year}${semester}`;
  const wholeYear = `${year}_0`;
  const span = (
    kind: TaskKind,
    period: string,
    fromDays: number,
    toDays: number,
    sections: AdminSection[],
    system: string,
    extra: { category?: SubmissionCategory; grade12Round?: boolean } = {},
  ): Plan => {
    const startsAt = opens(fromDays);
    const earliestStart = new Date(Math.min(startsAt.getTime() - 7 * DAY, earliest));
    return planWindow({ kind, period, startsAt, endsAt: closes(toDays), earliestStart, sections, system, ...extra });
  };
  const { BASIC, COURSE_RECORDS, COURSE_OUTCOMES, PERFORMANCES } = SubmissionCategory;
  const previous = previousTermOf(now);
  const earlierTerm = `${previous.year}${previous.semester}`;
  const earlierYear = `${previous.year}_0`;
  const d = EARLIER_ROUND_DAYS;
  const earlier = [
    span(TaskKind.PRECHECK, earlierTerm, ...d.precheck, [TEACHING, REGISTRATION], CENTRAL),
    span(TaskKind.SUBMIT, earlierTerm, ...d.submit, [REGISTRATION, STUDENT_AFFAIRS], CENTRAL, { category: BASIC }),
    span(TaskKind.SUBMIT, earlierTerm, ...d.submit, [REGISTRATION], CENTRAL, { category: COURSE_RECORDS }),
    span(TaskKind.CONFIRM_RECEIPTS, earlierTerm, ...d.confirm, [COORDINATOR], CENTRAL),
    span(TaskKind.RESOLVE_DISPUTES, earlierTerm, ...d.disputes, [REGISTRATION, TEACHING], CENTRAL),
    span(TaskKind.FINAL_SUBMIT, earlierTerm, ...d.final, [TEACHING, REGISTRATION], CENTRAL),
  ];
  if (previous.semester === 2) {
    earlier.push(
      span(TaskKind.SELECT_COURSE_OUTCOMES, earlierYear, ...d.select, [COORDINATOR], CITY),
      span(TaskKind.SELECT_PERFORMANCES, earlierYear, ...d.select, [STUDENT_AFFAIRS], CITY),
      span(TaskKind.SUBMIT, earlierYear, ...d.submit, [REGISTRATION], CENTRAL, { category: COURSE_OUTCOMES }),
      span(TaskKind.SUBMIT, earlierYear, ...d.submit, [STUDENT_AFFAIRS], CENTRAL, { category: PERFORMANCES }),
    );
  }
  const plan = [
    ...earlier,
    span(TaskKind.PRECHECK, term, -40, -10, [TEACHING, REGISTRATION], CENTRAL),
    span(TaskKind.GRADE_ENTRY, term, -20, 5, [TEACHING], CITY),
    span(TaskKind.UPLOAD_COURSE_OUTCOMES, term, -30, 2, [COORDINATOR], CITY),
    span(TaskKind.UPLOAD_PERFORMANCES, wholeYear, -30, 10, [STUDENT_AFFAIRS], CITY),
    span(TaskKind.CERTIFY_COURSE_OUTCOMES, term, 2, 16, [TEACHING], CITY),
    span(TaskKind.SELECT_PERFORMANCES, wholeYear, 10, 20, [STUDENT_AFFAIRS], CITY),
    span(TaskKind.SELECT_COURSE_OUTCOMES, wholeYear, 16, 23, [COORDINATOR], CITY),
    span(TaskKind.SUBMIT, term, 24, 30, [REGISTRATION, STUDENT_AFFAIRS], CENTRAL, { category: BASIC }),
    span(TaskKind.SUBMIT, term, 24, 30, [REGISTRATION], CENTRAL, { category: COURSE_RECORDS }),
    span(TaskKind.CONFIRM_RECEIPTS, term, 31, 35, [COORDINATOR], CENTRAL),
    span(TaskKind.RESOLVE_DISPUTES, term, 35, 38, [REGISTRATION, TEACHING], CENTRAL),
    span(TaskKind.FINAL_SUBMIT, term, 38, 40, [TEACHING, REGISTRATION], CENTRAL),
  ];
  if (semester === 1) return plan;
  const grade12 = { grade12Round: true };
  // The 高三 uploads close after 4/1 (policy): 45 days on, or later when that falls before April.
  const april = taipei(`${year + 1912}-04-02T00:00:00`).getTime();
  const g = Math.max(45, Math.ceil((april - today) / DAY));
  return [
    ...plan,
    span(TaskKind.SUBMIT, wholeYear, 24, 30, [REGISTRATION], CENTRAL, { category: COURSE_OUTCOMES }),
    span(TaskKind.SUBMIT, wholeYear, 24, 30, [STUDENT_AFFAIRS], CENTRAL, { category: PERFORMANCES }),
    span(TaskKind.UPLOAD_COURSE_OUTCOMES, term, -30, g, [COORDINATOR, IT], CITY, grade12),
    span(TaskKind.UPLOAD_PERFORMANCES, wholeYear, -30, g, [STUDENT_AFFAIRS], CITY, grade12),
    span(TaskKind.CERTIFY_COURSE_OUTCOMES, term, 2, g + 2, [TEACHING], CITY, grade12),
    span(TaskKind.SELECT_COURSE_OUTCOMES, wholeYear, g + 1, g + 5, [COORDINATOR], CITY, grade12),
    span(TaskKind.SELECT_PERFORMANCES, wholeYear, g + 1, g + 5, [COORDINATOR], CITY, grade12),
    span(TaskKind.SUBMIT, term, g + 6, g + 6, [REGISTRATION, STUDENT_AFFAIRS], CENTRAL, {
      category: BASIC,
      ...grade12,
    }),
    span(TaskKind.SUBMIT, wholeYear, g + 6, g + 6, [REGISTRATION], CENTRAL, { category: COURSE_OUTCOMES, ...grade12 }),
    span(TaskKind.SUBMIT, wholeYear, g + 6, g + 6, [STUDENT_AFFAIRS], CENTRAL, { category: PERFORMANCES, ...grade12 }),
    span(TaskKind.CONFIRM_RECEIPTS, term, g + 7, g + 10, [COORDINATOR], CENTRAL, grade12),
    span(TaskKind.RESOLVE_DISPUTES, term, g + 8, g + 10, [REGISTRATION, STUDENT_AFFAIRS], CENTRAL, grade12),
    span(TaskKind.FINAL_SUBMIT, term, g + 11, g + 11, [TEACHING, REGISTRATION], CENTRAL, grade12),
  ];
}

/**
 * Publishes the slides' templates, the previous term's and the current one for the demo bureau, and has every demo school
 * adopt the last two.
 */
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
    await publish(112, 1, '臺北市 112學年度第1學期 學習歷程時序（教育訓練簡報）', cityPlan1121());
    await publish(112, 2, '臺北市 112學年度第2學期 學習歷程時序（教育訓練簡報）', cityPlan1122());
    const previous = previousTermOf(now);
    return [
      await publish(previous.year, previous.semester, '臺北市 前一學期 學習歷程時序（示範）', demoEarlierPlan(now)),
      await publish(academicYearOf(now), semesterOf(now), '臺北市 本學期 學習歷程時序（示範）', demoCurrentPlan(now)),
    ];
  });
  for (const schoolId of schoolIds) {
    await inTenantTransaction(owner.em, { schoolId, authorityId: null }, async (tx) => {
      for (const template of templates) {
        const result = await adoptTemplateFor(tx, schoolId, tx.merge(template), [], now, policy);
        if (!result.value) throw new Error(`demo adoption refused: ${JSON.stringify(result.userErrors)}`);
      }
    });
  }
}

import { requestLoader } from '../../common/loaders.js';
import type { AppContext } from '../../common/context.js';
import { forbidden, notFound } from '../../common/errors.js';
import { requireIdOfType, toGlobalId } from '../../common/ids.js';
import { termLabel } from '../../common/roc.js';
import { AdminSection, Role } from '../../common/roles.js';
import { pgTextArray, toDate } from '../../common/sql.js';
import { type Result, userError } from '../../common/user-error.js';
import { hasSection, isSchoolStaff, type Viewer } from '../../common/viewer.js';
import { recordAudit } from '../audit/audit.service.js';
import { UserAccount } from '../people/user-account.entity.js';
import type {
  CertificationHealth,
  CertificationPolicy,
  CertificationPolicyInput,
  CertificationWait,
  QueueAge,
  SectionCertificationHealth,
  TeacherCertificationHealth,
} from './certification-health.types.js';

/** The routing age when 教學組 has not set one, and the bounds it may be set within. */
export const DEFAULT_ROUTE_AFTER_DAYS = 7;
export const MIN_ROUTE_AFTER_DAYS = 1;
export const MAX_ROUTE_AFTER_DAYS = 60;

/** Rejection-rate rule: enough decisions, and far above the rest of the school both statistically and in points. */
export const REJECTION_MIN_DECISIONS = 20;
export const REJECTION_STANDARD_ERRORS = 2.5;
export const REJECTION_MIN_POINTS = 0.15;
/** Decisions counted for rejection rates: those of the last year (both semesters' certification rounds). */
export const REJECTION_PERIOD_DAYS = 365;
export const REJECTION_RULE =
  `近 ${REJECTION_PERIOD_DAYS} 天至少作出 ${REJECTION_MIN_DECISIONS} 件認證決定，且未通過比例比全校其他教師合計的比例` +
  `高出 ${REJECTION_STANDARD_ERRORS} 個標準誤以上、又至少高 ${REJECTION_MIN_POINTS * 100} 個百分點，才標示。` +
  '認證只確認成果是學生本人的、屬於這門課，不是評分（未通過多，值得了解原因）。';
export const NEEDS_PROXY_ACTION = '請指定認證代理人';

const DAY_MS = 24 * 3600_000;

/** 教學組 and the coordinator (執行秘書) see certification health; 教學組 sets the routing age. */
export const mayViewCertificationHealth = (viewer: Viewer | null): boolean =>
  hasSection(viewer, AdminSection.TEACHING) || hasSection(viewer, AdminSection.COORDINATOR);
export const maySetCertificationPolicy = (viewer: Viewer | null): boolean => hasSection(viewer, AdminSection.TEACHING);

/** What an outcome's wait is made of (the queue's routing and each item's note). */
interface WaitRow {
  outcome_id: string;
  teacher_id: string;
  since: string | Date;
  proxies: string[];
  /** The school's routing age, or null for the default (as certificationPolicy reads it). */
  route_after_days: number | null;
}

/** A wait with where it waits, as the health page groups and names them. */
interface WaitingRow extends WaitRow {
  section_id: string;
  subject_name: string;
  section_name: string;
  year: number;
  semester: number;
}

/**
 * The outcomes waiting for certification, each with when it started waiting: its current version's upload (or
 * replacement), but not before the term's regular certification window opened, since nobody can certify earlier.
 * One statement whatever the number; `outcomeIds` narrows it to those (the queue), `teacherId` to one teacher.
 */
async function waitingRows(ctx: AppContext, schoolId: string, only: { teacherId?: string }): Promise<WaitingRow[]>;
async function waitingRows(ctx: AppContext, schoolId: string, only: { outcomeIds: string[] }): Promise<WaitRow[]>;
async function waitingRows(
  ctx: AppContext,
  schoolId: string,
  only: { outcomeIds?: string[]; teacherId?: string },
): Promise<WaitRow[]> {
  const params: unknown[] = [schoolId];
  let narrow = '';
  if (only.outcomeIds) {
    narrow += ' and o.id = any(?::uuid[])';
    params.push(pgTextArray(only.outcomeIds));
  }
  if (only.teacherId) {
    narrow += ' and s.teacher_id = ?';
    params.push(only.teacherId);
  }
  // The queue asks only what routing needs: where each item waits (its course, term and year) is for the health
  // page. PostgreSQL plans every request's statement anew, and those columns took 0.9 ms of its 2 ms of planning.
  const placeColumns = only.outcomeIds
    ? ''
    : `s.id as section_id, c.subject_name, s.name as section_name,
            (select y.year from term t join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
              where t.school_id = o.school_id and t.id = o.term_id) as year,
            (select t.semester from term t where t.school_id = o.school_id and t.id = o.term_id) as semester,`;
  return ctx.em.execute<WaitingRow[]>(
    // The term, its year and the window's opening are subqueries rather than joins: a seven-table join took
    // PostgreSQL about 5 ms to plan for a page of five items.
    `select o.id as outcome_id, s.teacher_id, ${placeColumns}
            greatest(v.created_at, coalesce((
              select min(k.starts_at) from term t
                join academic_year y on y.school_id = t.school_id and y.id = t.academic_year_id
                join timeline_task k on k.school_id = t.school_id and k.kind = 'CERTIFY_COURSE_OUTCOMES'
                 and not k.grade12_round and k.data_year = y.year and k.data_semester = t.semester
               where t.school_id = o.school_id and t.id = o.term_id), v.created_at)) as since,
            array(select p.proxy_id::text from certification_proxy p
                  where p.school_id = s.school_id and p.teacher_id = s.teacher_id
                  order by p.created_at, p.id) as proxies,
            (select r.route_after_days from certification_policy r where r.school_id = o.school_id) as route_after_days
     from course_outcome o
     join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id and v.version = o.current_version
     join enrolment e on e.school_id = o.school_id and e.id = o.enrolment_id
     join course_section s on s.school_id = e.school_id and s.id = e.section_id
     ${only.outcomeIds ? '' : 'join course c on c.school_id = s.school_id and c.id = s.course_id'}
     where o.school_id = ? and o.status = 'PENDING' and s.teacher_id is not null${narrow}`,
    params,
  );
}

/** The school's routing age, and whether it is the default. */
export async function certificationPolicy(ctx: AppContext, schoolId: string): Promise<CertificationPolicy> {
  const [row] = await ctx.em.execute<{ route_after_days: number; updated_at: string | Date }[]>(
    'select route_after_days, updated_at from certification_policy where school_id = ?',
    [schoolId],
  );
  return {
    routeAfterDays: row?.route_after_days ?? DEFAULT_ROUTE_AFTER_DAYS,
    isDefault: !row,
    minDays: MIN_ROUTE_AFTER_DAYS,
    maxDays: MAX_ROUTE_AFTER_DAYS,
    updatedAt: row ? toDate(row.updated_at) : null,
  };
}

/** Whole days waited (24-hour periods), never negative (an item whose certification window is still ahead: 0). */
const daysWaited = (since: Date, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface AgedRow extends WaitingRow {
  sinceDate: Date;
  days: number;
  overdue: boolean;
  routed: boolean;
}

function ageOf(rows: AgedRow[]): QueueAge {
  const oldest = rows.reduce<AgedRow | null>((a, b) => (a && a.sinceDate <= b.sinceDate ? a : b), null);
  return {
    waiting: rows.length,
    overdue: rows.filter((row) => row.overdue).length,
    routed: rows.filter((row) => row.routed).length,
    oldestDays: oldest?.days ?? null,
    medianDays: median(rows.map((row) => row.days)),
    oldestWaitingSince: oldest?.sinceDate ?? null,
  };
}

/** Worst first: the oldest wait, then the most overdue, then the most waiting. */
const worstFirst = (a: QueueAge, b: QueueAge): number =>
  (b.oldestDays ?? -1) - (a.oldestDays ?? -1) || b.overdue - a.overdue || b.waiting - a.waiting;

/** Whether a teacher's rejection rate is far above the rest of the school's (REJECTION_RULE). */
export function rejectionFlagged(decisions: number, rejected: number, othersDecisions: number, othersRejected: number) {
  if (decisions < REJECTION_MIN_DECISIONS || othersDecisions === 0) return false;
  const rate = rejected / decisions;
  const others = othersRejected / othersDecisions;
  const standardError = Math.sqrt((others * (1 - others)) / decisions);
  // Rounded to whole per-mille before comparing the points, so 25% against 10% is 15 points, not 14.999….
  const points = Math.round((rate - others) * 1000) / 1000;
  return points >= REJECTION_MIN_POINTS && rate > others + REJECTION_STANDARD_ERRORS * standardError;
}

/** The health page: queue ages per teacher and per section, routing, and rejection rates. */
export async function certificationHealth(
  ctx: AppContext,
  teacherGlobalId: string | null,
): Promise<CertificationHealth> {
  const viewer = ctx.viewer;
  if (!mayViewCertificationHealth(viewer)) throw forbidden('查看認證健康度（限教學組與執行秘書）');
  const schoolId = viewer!.schoolId!;
  let teacherId: string | undefined;
  if (teacherGlobalId) {
    teacherId = requireIdOfType(teacherGlobalId, 'UserAccount', '教師', 'teacherId');
    const teacher = await ctx.em.findOne(UserAccount, { id: teacherId });
    if (!teacher?.roles.includes(Role.TEACHER)) throw notFound('教師');
  }
  const now = ctx.services.clock.now();
  const policy = await certificationPolicy(ctx, schoolId);
  const rows: AgedRow[] = (await waitingRows(ctx, schoolId, { teacherId })).map((row) => {
    const sinceDate = toDate(row.since);
    const days = daysWaited(sinceDate, now);
    const overdue = days >= policy.routeAfterDays;
    return { ...row, sinceDate, days, overdue, routed: overdue && row.proxies.length > 0 };
  });

  const decisions = await ctx.em.execute<{ decided_by: string; decisions: number; rejected: number }[]>(
    `select v.decided_by, count(*)::int as decisions, count(*) filter (where v.status = 'REJECTED')::int as rejected
     from course_outcome_version v
     where v.school_id = ? and v.decided_at is not null and v.decided_by is not null
       and v.decided_at > ? and v.decided_at <= ?
     group by v.decided_by`,
    [schoolId, new Date(now.getTime() - REJECTION_PERIOD_DAYS * DAY_MS), now],
  );
  const totalDecisions = decisions.reduce((sum, row) => sum + row.decisions, 0);
  const totalRejected = decisions.reduce((sum, row) => sum + row.rejected, 0);
  const decisionsOf = new Map(decisions.map((row) => [row.decided_by, row]));

  const teacherIds = new Set(rows.map((row) => row.teacher_id));
  for (const row of decisions) if (!teacherId || row.decided_by === teacherId) teacherIds.add(row.decided_by);
  // Every named proxy, so a teacher with nothing waiting still shows theirs.
  const proxyRows = await ctx.em.execute<{ teacher_id: string; proxy_id: string }[]>(
    'select teacher_id, proxy_id from certification_proxy where school_id = ? order by created_at, id',
    [schoolId],
  );
  const proxiesOf = new Map<string, string[]>();
  for (const row of proxyRows) proxiesOf.set(row.teacher_id, [...(proxiesOf.get(row.teacher_id) ?? []), row.proxy_id]);
  const proxyIds = proxyRows.map((row) => row.proxy_id);
  const accounts = await ctx.em.find(UserAccount, { id: { $in: [...new Set([...teacherIds, ...proxyIds])] } });
  const accountOf = new Map(accounts.map((account) => [account.id, account]));

  const teachers: TeacherCertificationHealth[] = [];
  for (const id of teacherIds) {
    const teacher = accountOf.get(id);
    if (!teacher) continue;
    const own = rows.filter((row) => row.teacher_id === id);
    const age = ageOf(own);
    const proxies = (proxiesOf.get(id) ?? [])
      .map((proxyId) => accountOf.get(proxyId))
      .filter((account): account is UserAccount => account !== undefined);
    const mine = decisionsOf.get(id);
    const decided = mine?.decisions ?? 0;
    const rejected = mine?.rejected ?? 0;
    const othersDecisions = totalDecisions - decided;
    const othersRejected = totalRejected - rejected;
    const needsProxy = age.overdue > 0 && proxies.length === 0;
    teachers.push({
      ...age,
      teacher,
      proxies,
      needsProxy,
      action: needsProxy ? NEEDS_PROXY_ACTION : null,
      decisions: decided,
      rejected,
      rejectionRate: decided > 0 ? rejected / decided : null,
      othersRejectionRate: othersDecisions > 0 ? othersRejected / othersDecisions : null,
      rejectionFlagged: rejectionFlagged(decided, rejected, othersDecisions, othersRejected),
    });
  }
  teachers.sort(
    (a, b) =>
      worstFirst(a, b) ||
      Number(b.rejectionFlagged) - Number(a.rejectionFlagged) ||
      a.teacher.displayName.localeCompare(b.teacher.displayName, 'zh-Hant'),
  );

  const bySection = new Map<string, AgedRow[]>();
  for (const row of rows) bySection.set(row.section_id, [...(bySection.get(row.section_id) ?? []), row]);
  const sections: SectionCertificationHealth[] = [...bySection.entries()].map(([sectionId, own]) => ({
    ...ageOf(own),
    sectionId: toGlobalId('CourseSection', sectionId),
    subjectName: own[0]!.subject_name,
    sectionName: own[0]!.section_name,
    termLabel: termLabel(own[0]!.year, own[0]!.semester),
    teacher: accountOf.get(own[0]!.teacher_id) ?? null,
  }));
  sections.sort((a, b) => worstFirst(a, b) || a.subjectName.localeCompare(b.subjectName, 'zh-Hant'));

  return {
    asOf: now,
    policy,
    school: ageOf(rows),
    schoolDecisions: totalDecisions,
    schoolRejected: totalRejected,
    schoolRejectionRate: totalDecisions > 0 ? totalRejected / totalDecisions : null,
    rejectionRule: REJECTION_RULE,
    teachers,
    sections,
  };
}

/** 教學組 sets after how many days a waiting outcome goes to the teacher's proxy. */
export async function setCertificationPolicy(
  ctx: AppContext,
  input: CertificationPolicyInput,
): Promise<Result<CertificationPolicy>> {
  const viewer = ctx.viewer;
  if (!maySetCertificationPolicy(viewer)) throw forbidden('設定認證轉派天數（限教學組）');
  const days = input.routeAfterDays;
  if (!Number.isInteger(days) || days < MIN_ROUTE_AFTER_DAYS || days > MAX_ROUTE_AFTER_DAYS) {
    return {
      value: null,
      userErrors: [
        userError(
          'routeAfterDays',
          'INVALID_DAYS',
          `轉派天數必須是 ${MIN_ROUTE_AFTER_DAYS} 到 ${MAX_ROUTE_AFTER_DAYS} 的整數。`,
        ),
      ],
    };
  }
  const schoolId = viewer!.schoolId!;
  const before = await certificationPolicy(ctx, schoolId);
  await ctx.em.execute(
    `insert into certification_policy (school_id, route_after_days, updated_by, updated_at) values (?, ?, ?, ?)
     on conflict (school_id) do update
       set route_after_days = excluded.route_after_days, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
    [schoolId, days, viewer!.accountId, ctx.services.clock.now()],
  );
  await recordAudit(ctx.em, viewer!, ctx.requestId, {
    operation: 'certification.policy',
    detail: { routeAfterDays: days, before: before.routeAfterDays },
  });
  return { value: await certificationPolicy(ctx, schoolId), userErrors: [] };
}

interface Wait {
  teacherId: string;
  since: Date;
  days: number;
  routeAfterDays: number;
  routed: boolean;
  proxies: string[];
}

const CERTIFICATION_WAITS = Symbol('certification waits by outcome');

/**
 * Request-scoped: the wait of each outcome asked about in one request, in one statement (the queue asks for all of
 * its items before the page's fields do). It needs the clock and the school's policy, and only the certification
 * pages ask.
 */
function waitLoader(ctx: AppContext) {
  return requestLoader(ctx, CERTIFICATION_WAITS, async (ids: readonly string[]): Promise<(Wait | null)[]> => {
    // The routing age comes with the rows (one statement fewer on every queue request than certificationPolicy).
    const rows = await waitingRows(ctx, ctx.viewer!.schoolId!, { outcomeIds: [...ids] });
    const now = ctx.services.clock.now();
    const byId = new Map(
      rows.map((row) => {
        const since = toDate(row.since);
        const days = daysWaited(since, now);
        const routeAfterDays = row.route_after_days ?? DEFAULT_ROUTE_AFTER_DAYS;
        const wait: Wait = {
          teacherId: row.teacher_id,
          since,
          days,
          routeAfterDays,
          routed: days >= routeAfterDays && row.proxies.length > 0,
          proxies: row.proxies,
        };
        return [row.outcome_id, wait];
      }),
    );
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * The certification queue's order: outcomes routed to the viewer as proxy come first, longest waiting first; the
 * rest keep the order they came in. Routing is derived here, at read time, from the policy and the clock.
 */
export async function routedFirst<T extends { id: string }>(ctx: AppContext, outcomes: T[]): Promise<T[]> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || outcomes.length === 0) return outcomes;
  const waits = await waitLoader(ctx).loadMany(outcomes.map((outcome) => outcome.id));
  const routedToViewer = (index: number): Wait | null => {
    const wait = waits[index];
    return wait && !(wait instanceof Error) && wait.routed && wait.teacherId !== viewer.accountId ? wait : null;
  };
  const routed = outcomes
    .map((outcome, index) => ({ outcome, wait: routedToViewer(index) }))
    .filter((entry): entry is { outcome: T; wait: Wait } => entry.wait !== null)
    .sort((a, b) => a.wait.since.getTime() - b.wait.since.getTime())
    .map((entry) => entry.outcome);
  return [...routed, ...outcomes.filter((_, index) => routedToViewer(index) === null)];
}

/** An outcome's wait as school staff see it (null when it is not waiting, and for students). */
export async function certificationWaitOf(ctx: AppContext, outcomeId: string): Promise<CertificationWait | null> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !isSchoolStaff(viewer)) return null;
  const wait = await waitLoader(ctx).load(outcomeId);
  if (!wait) return null;
  const proxies = (await ctx.loaders.accountById.loadMany(wait.proxies)).filter(
    (account): account is UserAccount => account instanceof UserAccount,
  );
  const routedToViewer = wait.routed && wait.proxies.includes(viewer.accountId) && wait.teacherId !== viewer.accountId;
  let note: string | null = null;
  if (routedToViewer) note = `已等候 ${wait.days} 天，自動轉給代理人`;
  else if (wait.routed)
    note =
      `已等候 ${wait.days} 天，已自動轉給代理人 ${proxies.map((p) => p.displayName).join('、')}` +
      (wait.teacherId === viewer.accountId ? '（您仍可認證）' : '');
  else if (wait.days >= wait.routeAfterDays) note = `已等候 ${wait.days} 天，沒有代理人`;
  return {
    since: wait.since,
    days: wait.days,
    routeAfterDays: wait.routeAfterDays,
    routed: wait.routed,
    routedToViewer,
    proxies,
    note,
  };
}

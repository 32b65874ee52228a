import type { AppContext } from '../../common/context.js';
import { CURRENT_IMPORTS_SQL } from '../round/current-receipts.js';
import { badInput, forbidden, notFound, unauthenticated } from '../../common/errors.js';
import { idOfType, toGlobalId } from '../../common/ids.js';
import { type ConnectionArgs, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { formatRocDateTime, termLabel, parseTermKey } from '../../common/roc.js';
import { type Viewer } from '../../common/viewer.js';
import type {
  ClassStatisticsRow,
  ClassTermProgressRow,
  CohortStatisticsRow,
  CohortStatisticsTable,
  SchoolStatisticsRow,
  SchoolTermProgressRow,
  StatisticsFigures,
  StatisticsPage,
  TermProgressFigures,
} from './statistics.types.js';
import { termArgument } from '../term/term.service.js';
import { mayReadCityStatistics, mayReadSchoolStatistics } from './statistics.permissions.js';

/** What the statistics need of a request: its transaction (tenant already set), viewer, clock and policy. */
export type StatisticsContext = Pick<AppContext, 'em' | 'viewer' | 'services' | 'loaders'>;

/** A percentage rounded half up to two decimals, from integers (so 26381/27468 is exactly 96.04, as on the slide). */
export function percent(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((numerator * 10_000) / denominator) / 100;
}

/** A ratio rounded half up to two decimals (outcomes per uploader). */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((numerator * 100) / denominator) / 100;
}

function requireBureau(ctx: StatisticsContext): Viewer {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  if (!mayReadCityStatistics(viewer)) throw forbidden('查看全市統計（限教育局）');
  return viewer;
}

function requireSchoolOffice(ctx: StatisticsContext): Viewer & { schoolId: string } {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  if (!mayReadSchoolStatistics(viewer)) throw forbidden('查看本校統計（限學校行政人員）');
  return viewer as Viewer & { schoolId: string };
}

interface CountRow {
  students: number;
  uploaders: number;
  outcomes: string | number;
  certified_outcomes: string | number;
  performances: string | number;
  counseling_records: string | number;
  as_of: Date | string;
}

function figures(row: CountRow, suppressBelow: number): StatisticsFigures {
  const students = Number(row.students);
  if (students > 0 && students < suppressBelow) {
    return {
      suppressed: true,
      students: null,
      uploaders: null,
      nonUploaders: null,
      uploadRatePct: null,
      outcomesUploaded: null,
      outcomesPerUploader: null,
      outcomesCertified: null,
      performancesUploaded: null,
      counselingRecords: null,
    };
  }
  const uploaders = Number(row.uploaders);
  const outcomes = Number(row.outcomes);
  return {
    suppressed: false,
    students,
    uploaders,
    nonUploaders: students - uploaders,
    uploadRatePct: percent(uploaders, students),
    outcomesUploaded: outcomes,
    outcomesPerUploader: ratio(outcomes, uploaders),
    outcomesCertified: Number(row.certified_outcomes),
    performancesUploaded: Number(row.performances),
    counselingRecords: Number(row.counseling_records),
  };
}

interface CohortCountRow extends CountRow {
  cohort: number | null;
  schools: number;
}

function cohortTable(rows: CohortCountRow[], suppressBelow: number): CohortStatisticsTable {
  const toRow = (row: CohortCountRow, suppress: number): CohortStatisticsRow => ({
    ...figures(row, suppress),
    cohort: row.cohort,
    label: row.cohort === null ? '總計' : String(row.cohort),
    schools: Number(row.schools),
  });
  const totalRow = rows.find((row) => row.cohort === null)!;
  const asOf = new Date(totalRow.as_of);
  return {
    asOf,
    asOfRoc: formatRocDateTime(asOf),
    rows: rows.filter((row) => row.cohort !== null).map((row) => toRow(row, suppressBelow)),
    // The total covers a whole city or school: suppressing it would hide nothing a row does not already hide.
    total: toRow(totalRow, 0),
  };
}

/** The bureau's table (DOMAIN.md §8): one row per cohort of the authority's schools and the total. */
export async function cityCohortTable(ctx: StatisticsContext): Promise<CohortStatisticsTable> {
  requireBureau(ctx);
  const rows = await ctx.em.execute<CohortCountRow[]>('select * from stats_city_cohorts()');
  return cohortTable(rows, ctx.services.config.statistics.suppressBelow);
}

/** The same table for the viewer's own school. */
export async function schoolCohortTable(ctx: StatisticsContext): Promise<CohortStatisticsTable> {
  const viewer = requireSchoolOffice(ctx);
  const rows = await ctx.em.execute<CohortCountRow[]>(
    `select cohort, (count(*) > 0)::int as schools, count(*)::int as students,
            count(*) filter (where outcomes > 0)::int as uploaders, coalesce(sum(outcomes), 0) as outcomes,
            coalesce(sum(certified_outcomes), 0) as certified_outcomes, coalesce(sum(performances), 0) as performances,
            coalesce(sum(counseling_records), 0) as counseling_records, statement_timestamp() as as_of
     from student_stats where school_id = ?
     group by grouping sets ((cohort), ()) order by cohort nulls last`,
    [viewer.schoolId],
  );
  return cohortTable(rows, ctx.services.config.statistics.suppressBelow);
}

/** Statistics rows sort by two texts (a school's code and division, a class's name and id). */
const isTextPair = (key: unknown[]): key is [string, string] =>
  key.length === 2 && key.every((part) => typeof part === 'string');

const afterKey = (after: string | null | undefined): [string, string] | null =>
  after ? decodeCursor(after, isTextPair) : null;

async function page<Row extends { as_of: Date | string }, Node>(
  ctx: StatisticsContext,
  rows: Row[],
  limit: number,
  toNode: (row: Row) => Node,
  keyOf: (row: Row) => [string, string],
): Promise<StatisticsPage<Node>> {
  const shown = rows.slice(0, limit);
  const asOf = rows[0]
    ? new Date(rows[0].as_of)
    : new Date((await ctx.em.execute<{ as_of: string }[]>('select statement_timestamp() as as_of'))[0]!.as_of);
  const edges = shown.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: toNode(row) }));
  return {
    asOf,
    asOfRoc: formatRocDateTime(asOf),
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function checkCohort(cohort: number | null | undefined): number | null {
  if (cohort === null || cohort === undefined) return null;
  if (!Number.isInteger(cohort) || cohort < 100 || cohort > 200) {
    throw badInput(`入學年度必須是 100 到 200 的民國年，目前是 ${cohort}。`, 'cohort');
  }
  return cohort;
}

const unknownCohort = (cohort: number): Error => badInput(`查無 ${cohort} 學年度入學的學生。`, 'cohort');

export interface SchoolStatisticsArgs extends ConnectionArgs {
  cohort?: number | null;
  schoolIds?: string[] | null;
}

interface SchoolCountRow extends CountRow {
  school_id: string;
  code: string;
  name: string;
  division: string;
  deactivated_at: Date | string | null;
}

/**
 * One row per school division of the bureau's authority, for one cohort or all. Ids of schools that are not the
 * authority's (or do not exist) are refused alike, so the answer says nothing about other authorities.
 */
export async function citySchoolStatistics(
  ctx: StatisticsContext,
  args: SchoolStatisticsArgs,
): Promise<StatisticsPage<SchoolStatisticsRow>> {
  const viewer = requireBureau(ctx);
  const limit = pageSize(args);
  const cohort = checkCohort(args.cohort);
  const after = afterKey(args.after);
  let schoolIds: string[] | null = null;
  if (args.schoolIds) {
    schoolIds = args.schoolIds.map((id) => {
      const uuid = idOfType(id, 'School');
      if (!uuid) throw notFound('學校');
      return uuid;
    });
    const [counted] = await ctx.em.execute<{ n: number }[]>(
      'select count(*)::int as n from school where id = any(?::uuid[]) and authority_id = ?',
      [`{${schoolIds.join(',')}}`, viewer.authorityId],
    );
    if (counted?.n !== new Set(schoolIds).size) throw notFound('學校');
  }
  if (cohort !== null) {
    const [{ known } = { known: false }] = await ctx.em.execute<{ known: boolean }[]>(
      'select stats_city_has_cohort(?) as known',
      [cohort],
    );
    if (!known) throw unknownCohort(cohort);
  }
  const rows = await ctx.em.execute<SchoolCountRow[]>('select * from stats_city_schools(?, ?::uuid[], ?, ?, ?)', [
    cohort,
    schoolIds ? `{${schoolIds.join(',')}}` : null,
    after?.[0] ?? null,
    after?.[1] ?? null,
    limit + 1,
  ]);
  const suppressBelow = ctx.services.config.statistics.suppressBelow;
  return page(
    ctx,
    rows,
    limit,
    (row) => ({
      ...figures(row, suppressBelow),
      schoolId: toGlobalId('School', row.school_id),
      schoolCode: row.code,
      schoolName: row.name,
      division: row.division,
      deactivatedAt: row.deactivated_at ? new Date(row.deactivated_at) : null,
    }),
    (row) => [row.code, row.division],
  );
}

export interface ClassStatisticsArgs extends ConnectionArgs {
  cohort?: number | null;
}

interface ClassKeyRow {
  class_id: string | null;
  class_name: string | null;
  grade_year: number | null;
}

/** The class columns of a per-class row (students without a class form a row of their own), and its cursor. */
const classFields = (row: ClassKeyRow) => ({
  classId: row.class_id ? toGlobalId('SchoolClass', row.class_id) : null,
  className: row.class_name ?? NO_CLASS,
  gradeYear: row.grade_year,
});
const classCursor = (row: ClassKeyRow): [string, string] => [row.class_name ?? '', row.class_id ?? ''];

interface ClassCountRow extends CountRow, ClassKeyRow {}

const NO_CLASS = '未編班';

/** One row per class of the viewer's school (students without a class together), for one cohort or all. */
export async function schoolClassStatistics(
  ctx: StatisticsContext,
  args: ClassStatisticsArgs,
): Promise<StatisticsPage<ClassStatisticsRow>> {
  const viewer = requireSchoolOffice(ctx);
  const limit = pageSize(args);
  const cohort = checkCohort(args.cohort);
  const after = afterKey(args.after);
  if (cohort !== null) {
    const [{ known } = { known: false }] = await ctx.em.execute<{ known: boolean }[]>(
      'select exists (select from student_stats where school_id = ? and cohort = ?) as known',
      [viewer.schoolId, cohort],
    );
    if (!known) throw unknownCohort(cohort);
  }
  const rows = await ctx.em.execute<ClassCountRow[]>(
    `select st.class_id, c.name as class_name, c.grade_year, count(*)::int as students,
            count(*) filter (where st.outcomes > 0)::int as uploaders, coalesce(sum(st.outcomes), 0) as outcomes,
            coalesce(sum(st.certified_outcomes), 0) as certified_outcomes,
            coalesce(sum(st.performances), 0) as performances,
            coalesce(sum(st.counseling_records), 0) as counseling_records, statement_timestamp() as as_of
     from student_stats st
     left join school_class c on c.school_id = st.school_id and c.id = st.class_id
     where st.school_id = ? and (?::int is null or st.cohort = ?)
       and (?::text is null or (coalesce(c.name, ''), coalesce(st.class_id::text, '')) > (?, ?))
     group by st.class_id, c.name, c.grade_year
     order by coalesce(c.name, ''), coalesce(st.class_id::text, '')
     limit ?`,
    [viewer.schoolId, cohort, cohort, after?.[0] ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  const suppressBelow = ctx.services.config.statistics.suppressBelow;
  return page(
    ctx,
    rows,
    limit,
    (row) => ({
      ...figures(row, suppressBelow),
      ...classFields(row),
    }),
    classCursor,
  );
}

interface ProgressCountRow {
  open_windows: string[] | null;
  enrolled_students: number;
  uploaders: number;
  outcomes: string | number;
  certified_outcomes: string | number;
  selected_outcomes: string | number;
  selectors: number;
  /** The term's current receipt rows about a student, and how many of them the student answered. */
  receipt_rows: string | number;
  reviewed_rows: string | number;
  as_of: Date | string;
}

function progress(row: ProgressCountRow, suppressBelow: number): TermProgressFigures {
  const enrolled = Number(row.enrolled_students);
  const openWindows = row.open_windows ?? [];
  if (enrolled > 0 && enrolled < suppressBelow) {
    return {
      suppressed: true,
      openWindows,
      enrolledStudents: null,
      uploaders: null,
      uploadRatePct: null,
      outcomesUploaded: null,
      outcomesCertified: null,
      certificationRatePct: null,
      outcomesSelected: null,
      selectors: null,
      selectionRatePct: null,
      confirmationRatePct: null,
    };
  }
  const outcomes = Number(row.outcomes);
  const certified = Number(row.certified_outcomes);
  return {
    suppressed: false,
    openWindows,
    enrolledStudents: enrolled,
    uploaders: Number(row.uploaders),
    uploadRatePct: percent(Number(row.uploaders), enrolled),
    outcomesUploaded: outcomes,
    outcomesCertified: certified,
    certificationRatePct: percent(certified, outcomes),
    outcomesSelected: Number(row.selected_outcomes),
    selectors: Number(row.selectors),
    selectionRatePct: percent(Number(row.selectors), enrolled),
    confirmationRatePct:
      Number(row.receipt_rows) > 0 ? percent(Number(row.reviewed_rows), Number(row.receipt_rows)) : null,
  };
}

export interface CityTermProgressArgs extends ConnectionArgs {
  term: string;
}

interface SchoolProgressRow extends ProgressCountRow {
  school_id: string;
  code: string;
  name: string;
  division: string;
  term_id: string;
}

/** The term's progress in every division of the authority where one of its windows is open now. */
export async function cityTermProgress(
  ctx: StatisticsContext,
  args: CityTermProgressArgs,
): Promise<StatisticsPage<SchoolTermProgressRow>> {
  requireBureau(ctx);
  const limit = pageSize(args);
  const { year, semester } = parseTermKey(args.term);
  const after = afterKey(args.after);
  const [{ known } = { known: false }] = await ctx.em.execute<{ known: boolean }[]>(
    'select stats_city_term_exists(?, ?) as known',
    [year, semester],
  );
  if (!known) throw badInput(`所轄學校都沒有${termLabel(year, semester)}。`, 'term');
  const rows = await ctx.em.execute<SchoolProgressRow[]>('select * from stats_city_term_progress(?, ?, ?, ?, ?, ?)', [
    year,
    semester,
    ctx.services.clock.now(),
    after?.[0] ?? null,
    after?.[1] ?? null,
    limit + 1,
  ]);
  const suppressBelow = ctx.services.config.statistics.suppressBelow;
  return page(
    ctx,
    rows,
    limit,
    (row) => ({
      ...progress(row, suppressBelow),
      schoolId: toGlobalId('School', row.school_id),
      schoolCode: row.code,
      schoolName: row.name,
      division: row.division,
      termId: toGlobalId('Term', row.term_id),
    }),
    (row) => [row.code, row.division],
  );
}

export interface SchoolTermProgressArgs extends ConnectionArgs {
  termId: string;
}

interface ClassProgressRow extends ProgressCountRow, ClassKeyRow {}

/** A term's progress per class of the viewer's school, with the term's windows open now. */
export async function schoolTermProgress(
  ctx: StatisticsContext,
  args: SchoolTermProgressArgs,
): Promise<StatisticsPage<ClassTermProgressRow>> {
  const viewer = requireSchoolOffice(ctx);
  const limit = pageSize(args);
  const term = await termArgument(ctx, args.termId);
  const after = afterKey(args.after);
  const now = ctx.services.clock.now();
  const rows = await ctx.em.execute<ClassProgressRow[]>(
    `with classes as (
       select class_id, count(*) filter (where enrolled)::int as enrolled_students
       from student_stats where school_id = ? group by class_id
     ), progress as (
       select st.class_id, count(*) filter (where ts.outcomes > 0)::int as uploaders, sum(ts.outcomes) as outcomes,
              sum(ts.certified_outcomes) as certified_outcomes, sum(ts.selected_outcomes) as selected_outcomes,
              count(*) filter (where ts.selected_outcomes > 0)::int as selectors
       from student_term_stats ts
       join student_stats st on st.school_id = ts.school_id and st.student_id = ts.student_id
       where ts.school_id = ? and ts.term_id = ?
       group by st.class_id
     ), receipts as (
       select s.class_id, count(r.id) as receipt_rows, count(v.id) as reviewed_rows
       from (${CURRENT_IMPORTS_SQL}) cur
       join receipt_row r on r.school_id = cur.school_id and r.receipt_import_id = cur.id
       join student s on s.school_id = r.school_id and s.id = r.student_id
       left join receipt_review v on v.school_id = r.school_id and v.receipt_row_id = r.id
       group by s.class_id
     ), windows as (
       select array_agg(distinct kind order by kind) as open_windows from timeline_task
       where school_id = ? and term_id = ? and starts_at <= ? and ? < ends_at
     )
     select classes.class_id, c.name as class_name, c.grade_year, windows.open_windows, classes.enrolled_students,
            coalesce(p.uploaders, 0) as uploaders, coalesce(p.outcomes, 0) as outcomes,
            coalesce(p.certified_outcomes, 0) as certified_outcomes,
            coalesce(p.selected_outcomes, 0) as selected_outcomes, coalesce(p.selectors, 0) as selectors,
            coalesce(rc.receipt_rows, 0) as receipt_rows, coalesce(rc.reviewed_rows, 0) as reviewed_rows,
            statement_timestamp() as as_of
     from classes
     cross join windows
     left join progress p on p.class_id is not distinct from classes.class_id
     left join receipts rc on rc.class_id is not distinct from classes.class_id
     left join school_class c on c.school_id = ? and c.id = classes.class_id
     where (?::text is null or (coalesce(c.name, ''), coalesce(classes.class_id::text, '')) > (?, ?))
     order by coalesce(c.name, ''), coalesce(classes.class_id::text, '')
     limit ?`,
    [
      viewer.schoolId,
      viewer.schoolId,
      term.id,
      term.id,
      viewer.schoolId,
      term.id,
      now,
      now,
      viewer.schoolId,
      after?.[0] ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      limit + 1,
    ],
  );
  const suppressBelow = ctx.services.config.statistics.suppressBelow;
  return page(
    ctx,
    rows,
    limit,
    (row) => ({
      ...progress(row, suppressBelow),
      ...classFields(row),
    }),
    classCursor,
  );
}

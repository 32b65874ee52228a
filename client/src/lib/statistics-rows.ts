import type {
  CityTermProgressQuery,
  SchoolClassStatisticsQuery,
  SchoolTermProgressQuery,
  StatisticsPage_CohortTableFragment,
} from '../gql/graphql';

export type CityProgressRow = CityTermProgressQuery['cityTermProgress']['nodes'][number];
export type ClassProgressRow = SchoolTermProgressQuery['schoolTermProgress']['nodes'][number];
export type ProgressRow = CityProgressRow | ClassProgressRow;
export type ClassRow = SchoolClassStatisticsQuery['schoolClassStatistics']['nodes'][number];

const DIVISIONS: Record<string, string> = { DAY: '日間部', NIGHT: '進修部' };

export const schoolLabel = (row: { schoolName: string; division: string }) =>
  `${row.schoolName} ${DIVISIONS[row.division] ?? row.division}`;

/** A class row's key for React and for the selection; the row without a class (classId null) needs one too. */
export const classKey = (classId: string | null | undefined) => classId ?? 'none';

export function cohortsOf(table: StatisticsPage_CohortTableFragment | undefined): number[] {
  return (table?.rows ?? []).flatMap((row) => (row.cohort === null || row.cohort === undefined ? [] : [row.cohort]));
}

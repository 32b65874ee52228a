import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { DIVISION_LABELS, type SchoolDivision } from '../school/school.entity.js';
import { policyJson, RETENTION_KINDS, retentionCutoff, retentionDays, type RetentionKind } from './retention-kind.js';
import { mayReadCityRetention, mayReadSchoolRetention } from './retention.permissions.js';

/** What the next run would do with one kind in one school (retention_report: the same plan the run deletes by). */
export interface RetentionKindFigures {
  kind: RetentionKind;
  /** The policy's period; 0: the kind is never deleted. */
  days: number;
  /** Students who left before this moment are past the period; null when the kind is kept. */
  cutoff: Date | null;
  dueRows: number;
  dueStudents: number;
  /** Uploads of the rows deleted (their bytes go once no other row names the same content) and package ZIPs. */
  dueFiles: number;
  /** Past the period, but the term or academic year is not finally submitted: kept. */
  heldRows: number;
  heldStudents: number;
  /** Past the period, but a row another kind still keeps points at it (an outcome at its enrolment): kept for now. */
  inUseRows: number;
}

export interface RetentionReportData {
  /** The moment the plan is computed for: the server's time, never later than the database's. */
  asOf: Date;
  kinds: RetentionKindFigures[];
}

export interface SchoolRetentionReportData extends RetentionReportData {
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  divisionLabel: string;
}

interface ReportRow {
  kind: RetentionKind;
  due_rows: number;
  due_students: number;
  due_files: number;
  held_rows: number;
  held_students: number;
  in_use_rows: number;
}

/** The plan's moment: the caller's time, but never later than the database's (as the functions count it). */
async function planMoment(em: EntityManager, now: Date): Promise<Date> {
  const [row] = await em.execute<{ as_of: Date | string }[]>('select least(?::timestamptz, now()) as as_of', [now]);
  return new Date(row!.as_of);
}

/** The dry run of one school, every kind in the job's order (kinds with nothing to do show zeros). */
export async function retentionFigures(
  em: EntityManager,
  schoolId: string,
  policy: AppContext['services']['config']['retention'],
  now: Date,
): Promise<RetentionReportData> {
  const asOf = await planMoment(em, now);
  const rows = await em.execute<ReportRow[]>('select * from retention_report(?, ?, ?::jsonb)', [
    schoolId,
    asOf,
    policyJson(policy),
  ]);
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  const days = retentionDays(policy);
  return {
    asOf,
    kinds: RETENTION_KINDS.map((kind) => {
      const row = byKind.get(kind);
      return {
        kind,
        days: days[kind],
        cutoff: retentionCutoff(days[kind], asOf),
        dueRows: row?.due_rows ?? 0,
        dueStudents: row?.due_students ?? 0,
        dueFiles: row?.due_files ?? 0,
        heldRows: row?.held_rows ?? 0,
        heldStudents: row?.held_students ?? 0,
        inUseRows: row?.in_use_rows ?? 0,
      };
    }),
  };
}

/** The viewer's school's report (註冊組, 資訊組). */
export async function schoolRetentionReport(ctx: AppContext): Promise<RetentionReportData> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId || !mayReadSchoolRetention(viewer)) throw forbidden('查看資料保存期限報表');
  return retentionFigures(ctx.em, viewer.schoolId, ctx.services.config.retention, ctx.services.clock.now());
}

/** Every school of the bureau's authority, as counts (the functions return nothing else). */
export async function cityRetentionReport(ctx: AppContext): Promise<SchoolRetentionReportData[]> {
  const viewer = ctx.viewer;
  if (!viewer || !mayReadCityRetention(viewer)) throw forbidden('查看各校資料保存期限報表');
  const schools = await ctx.em.execute<{ id: string; code: string; name: string; division: SchoolDivision }[]>(
    'select id, code, name, division from school where authority_id = ? order by code, division',
    [viewer.authorityId],
  );
  const now = ctx.services.clock.now();
  const reports: SchoolRetentionReportData[] = [];
  for (const school of schools) {
    const figures = await retentionFigures(ctx.em, school.id, ctx.services.config.retention, now);
    reports.push({
      ...figures,
      schoolId: school.id,
      schoolCode: school.code,
      schoolName: school.name,
      divisionLabel: DIVISION_LABELS[school.division],
    });
  }
  return reports;
}

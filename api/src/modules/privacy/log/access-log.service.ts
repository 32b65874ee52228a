import type { AppContext } from '../../../common/context.js';
import { forbidden, notFound } from '../../../common/errors.js';
import { isUuid, requireIdOfType } from '../../../common/ids.js';
import {
  type Connection,
  type ConnectionArgs,
  connectionOf,
  decodeCursor,
  pageSize,
} from '../../../common/pagination.js';
import { toDate } from '../../../common/sql.js';
import type { PiiAccessKind } from '../pii-access.js';
import { accessLogAudience } from '../privacy.permissions.js';

/** One row of a student's access log as its reader may see it. */
export interface AccessLogRow {
  id: string;
  occurredAt: Date;
  office: string;
  kind: PiiAccessKind;
  /** Only for 註冊組; the student sees the office alone. */
  actorName: string | null;
  requestId: string | null;
}

interface LogRow {
  id: string;
  occurred_at: string | Date;
  office: string;
  kind: PiiAccessKind;
  actor_name: string;
  request_id: string;
}

/** The student whose log is asked for: the one named, or the viewer's own record when none is. */
async function studentOf(ctx: AppContext, studentId: string | null): Promise<{ id: string; accountId: string | null }> {
  const viewer = ctx.viewer!;
  const [row] = studentId
    ? await ctx.em.execute<{ id: string; account_id: string | null }[]>(
        'select id, account_id from student where school_id = ? and id = ?',
        [viewer.schoolId, requireIdOfType(studentId, 'Student', '學生', 'studentId')],
      )
    : await ctx.em.execute<{ id: string; account_id: string | null }[]>(
        'select id, account_id from student where school_id = ? and account_id = ?',
        [viewer.schoolId, viewer.accountId],
      );
  if (!row) {
    if (!studentId) throw forbidden('查看個資存取紀錄');
    throw notFound('學生');
  }
  return { id: row.id, accountId: row.account_id };
}

const isTimeAndId = (key: unknown[]): key is [string, string] =>
  key.length === 2 &&
  typeof key[0] === 'string' &&
  !Number.isNaN(Date.parse(key[0])) &&
  typeof key[1] === 'string' &&
  isUuid(key[1]);

/**
 * A student's access log, newest first, paged by (occurred_at, id) on the log's per-student index. Reading it is not
 * itself a read of personal data: it shows no national ID, so it records nothing.
 */
export async function studentAccessLog(
  ctx: AppContext,
  studentId: string | null,
  args: ConnectionArgs,
): Promise<Connection<AccessLogRow>> {
  const viewer = ctx.viewer;
  if (!viewer?.schoolId) throw forbidden('查看個資存取紀錄');
  const limit = pageSize(args);
  const student = await studentOf(ctx, studentId);
  const audience = accessLogAudience(viewer, student.accountId);
  if (!audience) throw forbidden('查看這位學生的個資存取紀錄');
  const after = args.after ? decodeCursor(args.after, isTimeAndId) : null;
  const rows = await ctx.em.execute<LogRow[]>(
    `select id, occurred_at, office, kind, actor_name, request_id
     from pii_access_log
     where school_id = ? and student_id = ?
       and (?::timestamptz is null or (occurred_at, id) < (?::timestamptz, ?::uuid))
     order by occurred_at desc, id desc
     limit ?`,
    [viewer.schoolId, student.id, after?.[0] ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  const full = audience === 'REGISTRATION';
  const entries = rows.map((row) => ({
    id: row.id,
    occurredAt: toDate(row.occurred_at),
    office: row.office,
    kind: row.kind,
    actorName: full ? row.actor_name : null,
    requestId: full ? row.request_id : null,
  }));
  return connectionOf(entries, limit, (entry) => [entry.occurredAt.toISOString(), entry.id]);
}

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CityDatasetResult, generateCityDataset } from '../../api/src/dataset/city-dataset.js';
import { rushCurveShares } from '../../api/src/modules/timeline/rush-curve.js';
import type { TestCity } from '../support/factory.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { loadSmallCity } from '../support/small-city.js';
import { testDatabaseUrl } from '../support/test-database.js';

const SEED = 31;
const DAY = 24 * 3600_000;

let app: TestApp;
let city: TestCity;
let generated: CityDatasetResult;
/** The same seed's timestamps from a run whose transaction was rolled back instead of committed. */
let rehearsal: string[];

/** Every timestamp of the generated activity, in a fixed order: what the same seed must give again. */
const TIMESTAMPS_SQL = `
  select concat_ws(' ', o.id, o.created_at, o.updated_at, o.selected_at, v.version, v.created_at, v.decided_at) as line
  from course_outcome o
  join school sc on sc.id = o.school_id
  join course_outcome_version v on v.school_id = o.school_id and v.outcome_id = o.id
  where sc.authority_id = $1
  union all
  select concat_ws(' ', p.id, p.created_at) from diverse_performance p join school sc on sc.id = p.school_id
  where sc.authority_id = $1
  order by 1`;

/** Taipei calendar day (days since the epoch) of an instant. */
const taipeiDay = (at: Date): number => Math.floor((at.getTime() + 8 * 3600_000) / DAY);
const taipeiHour = (at: Date): number => new Date(at.getTime() + 8 * 3600_000).getUTCHours();

interface Windowed {
  at: Date;
  startsAt: Date;
  endsAt: Date;
}

/** Observed and expected count of items in their window's last three days, and the binomial standard deviation. */
function lastThreeDays(items: Windowed[]): { observed: number; expected: number; sd: number; n: number } {
  let observed = 0;
  let expected = 0;
  let variance = 0;
  for (const item of items) {
    const first = taipeiDay(item.startsAt);
    const last = taipeiDay(item.endsAt);
    const share = rushCurveShares(last - first + 1)
      .slice(-3)
      .reduce((sum, s) => sum + s, 0);
    expected += share;
    variance += share * (1 - share);
    if (taipeiDay(item.at) >= last - 2) observed += 1;
  }
  return { observed, expected, sd: Math.sqrt(variance), n: items.length };
}

/** Rows with their timestamp columns as Dates (the owner connection returns them as text). */
async function rowsOf<T>(query: string, params: unknown[]): Promise<T[]> {
  const rows = await app.sql<Record<string, unknown>>(query, params);
  const timestamp = /(_at|_starts|_ends|^at|At)$/;
  return rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          timestamp.test(key) && typeof value === 'string' ? new Date(value) : value,
        ]),
      ) as T,
  );
}

const inside = (item: Windowed) =>
  item.at.getTime() >= item.startsAt.getTime() && item.at.getTime() <= item.endsAt.getTime();

beforeAll(async () => {
  app = await startTestApp();
  city = await app.factory.city();
  // A rehearsal with the same seed, rolled back where the generator commits (after reading its timestamps), then the
  // real load: the ids come from the seed too, so both runs cannot be in the database at once.
  const owner = new pg.Client({ connectionString: testDatabaseUrl() });
  await owner.connect();
  try {
    const query = owner.query.bind(owner) as (...args: unknown[]) => Promise<pg.QueryResult>;
    (owner as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (args[0] !== 'COMMIT') return query(...args);
      return (async () => {
        const { rows } = await query(TIMESTAMPS_SQL, [city.authority.id]);
        rehearsal = rows.map((row: { line: string }) => row.line);
        return query('ROLLBACK');
      })();
    };
    await generateCityDataset(owner, {
      seed: SEED,
      scale: 0.002,
      codePrefix: 'ZQ',
      authorityId: city.authority.id,
      pii: app.services.pii,
      files: app.services.files,
    });
  } finally {
    await owner.end();
  }
  generated = await loadSmallCity(app, city.authority.id, SEED);
});
afterAll(() => app.close());

describe('dated activity of the generated city', () => {
  it('gives each school the windows of the slides, 08:00 to 17:00 Taipei', async () => {
    const school = await app.sqlOne<{ id: string }>(
      'select id from school where authority_id = ? order by code limit 1',
      [city.authority.id],
    );
    const windows = await rowsOf<{
      kind: string;
      data_year: number;
      data_semester: number;
      grade12_round: boolean;
      starts_at: Date;
      ends_at: Date;
    }>(
      `select kind, data_year, data_semester, grade12_round, starts_at, ends_at from timeline_task
       where school_id = ? and data_year = 110 order by kind, data_semester, grade12_round`,
      [school.id],
    );
    const shown = windows.map((w) => ({
      task: `${w.kind} ${w.data_year}_${w.data_semester}${w.grade12_round ? ' 高三' : ''}`,
      window: `${w.starts_at.toISOString()} ${w.ends_at.toISOString()}`,
    }));
    // 110-1: uploads 110/08/30–111/02/02, certification the three weeks after; 110-2's from its 30th day (2022-03-02)
    // to 2 days after its last; the year's selection the autumn after; the 高三 round in April.
    expect(shown).toEqual([
      { task: 'CERTIFY_COURSE_OUTCOMES 110_1', window: '2022-02-03T00:00:00.000Z 2022-02-23T09:00:00.000Z' },
      { task: 'CERTIFY_COURSE_OUTCOMES 110_2', window: '2022-08-03T00:00:00.000Z 2022-08-23T09:00:00.000Z' },
      { task: 'CERTIFY_COURSE_OUTCOMES 110_2 高三', window: '2022-04-01T00:00:00.000Z 2022-04-16T09:00:00.000Z' },
      { task: 'SELECT_COURSE_OUTCOMES 110_0', window: '2022-09-11T00:00:00.000Z 2022-10-20T09:00:00.000Z' },
      { task: 'SELECT_COURSE_OUTCOMES 110_0 高三', window: '2022-04-13T00:00:00.000Z 2022-04-19T09:00:00.000Z' },
      { task: 'UPLOAD_COURSE_OUTCOMES 110_1', window: '2021-08-30T00:00:00.000Z 2022-02-02T09:00:00.000Z' },
      { task: 'UPLOAD_COURSE_OUTCOMES 110_2', window: '2022-03-02T00:00:00.000Z 2022-08-02T09:00:00.000Z' },
      { task: 'UPLOAD_COURSE_OUTCOMES 110_2 高三', window: '2022-02-01T00:00:00.000Z 2022-04-12T09:00:00.000Z' },
      { task: 'UPLOAD_PERFORMANCES 110_0', window: '2021-08-01T00:00:00.000Z 2022-07-31T09:00:00.000Z' },
      { task: 'UPLOAD_PERFORMANCES 110_0 高三', window: '2021-08-01T00:00:00.000Z 2022-04-12T09:00:00.000Z' },
    ]);
  });

  it('dates every upload, certification, selection and 多元表現 inside its window, in order, along the rush curve', async () => {
    expect(generated.outcomes).toBeGreaterThan(1000);
    // Each outcome with the windows of its data: the 高三 round's for a grade-12 student's second term.
    const outcomes = await rowsOf<{
      id: string;
      grade12: boolean;
      status: string;
      created_at: Date;
      updated_at: Date;
      selected_at: Date | null;
      upload_starts: Date;
      upload_ends: Date;
      certify_starts: Date;
      certify_ends: Date;
      select_starts: Date;
      select_ends: Date;
    }>(
      `select o.id, (y.year - s.cohort = 2) as grade12, o.status, o.created_at, o.updated_at, o.selected_at,
              up.starts_at as upload_starts, up.ends_at as upload_ends, ce.starts_at as certify_starts,
              ce.ends_at as certify_ends, se.starts_at as select_starts, se.ends_at as select_ends
       from course_outcome o
       join school sc on sc.id = o.school_id and sc.authority_id = ?
       join term t on t.school_id = o.school_id and t.id = o.term_id
       join academic_year y on y.school_id = o.school_id and y.id = o.academic_year_id
       join student s on s.school_id = o.school_id and s.id = o.student_id
       join timeline_task up on up.school_id = o.school_id and up.kind = 'UPLOAD_COURSE_OUTCOMES'
         and up.data_year = y.year and up.data_semester = t.semester
         and up.grade12_round = (y.year - s.cohort = 2 and t.semester = 2)
       join timeline_task ce on ce.school_id = o.school_id and ce.kind = 'CERTIFY_COURSE_OUTCOMES'
         and ce.data_year = y.year and ce.data_semester = t.semester and ce.grade12_round = up.grade12_round
       join timeline_task se on se.school_id = o.school_id and se.kind = 'SELECT_COURSE_OUTCOMES'
         and se.data_year = y.year and se.data_semester = 0 and se.grade12_round = (y.year - s.cohort = 2)`,
      [city.authority.id],
    );
    expect(outcomes).toHaveLength(generated.outcomes);
    const versions = await rowsOf<{
      outcome_id: string;
      version: number;
      status: string;
      created_at: Date;
      decided_at: Date | null;
    }>(
      `select v.outcome_id, v.version, v.status, v.created_at, v.decided_at from course_outcome_version v
       join school sc on sc.id = v.school_id and sc.authority_id = ? order by v.outcome_id, v.version`,
      [city.authority.id],
    );
    const versionsOf = new Map<string, typeof versions>();
    for (const v of versions) versionsOf.set(v.outcome_id, [...(versionsOf.get(v.outcome_id) ?? []), v]);

    const problems: string[] = [];
    const uploads: Windowed[] = [];
    const firstDecisions: Windowed[] = [];
    const selections: Windowed[] = [];
    let decided = 0;
    let replaced = 0;
    for (const o of outcomes) {
      const own = versionsOf.get(o.id)!;
      const upload = { at: o.created_at, startsAt: o.upload_starts, endsAt: o.upload_ends };
      if (!inside(upload)) problems.push(`${o.id} uploaded outside its window`);
      uploads.push(upload);
      if (own[0]!.created_at.getTime() !== o.created_at.getTime()) problems.push(`${o.id} first version ≠ upload`);
      let previous = o.created_at.getTime();
      for (const v of own) {
        if (v.version > 1) {
          replaced += 1;
          // 補件: the new file comes after the first was not certified, while certification is open.
          const window = { at: v.created_at, startsAt: o.certify_starts, endsAt: o.certify_ends };
          if (!inside(window) || v.created_at.getTime() < previous) problems.push(`${o.id} v${v.version} created`);
        }
        if (v.decided_at) {
          decided += 1;
          const decision = { at: v.decided_at, startsAt: o.certify_starts, endsAt: o.certify_ends };
          if (!inside(decision)) problems.push(`${o.id} v${v.version} decided outside the certification window`);
          if (v.decided_at.getTime() < v.created_at.getTime()) problems.push(`${o.id} decided before it was made`);
          if (v.version === 1 && !o.grade12) firstDecisions.push(decision);
          previous = v.decided_at.getTime();
        } else if (v.status !== 'PENDING') problems.push(`${o.id} v${v.version} ${v.status} without a decision`);
      }
      const current = own.at(-1)!;
      if (o.selected_at) {
        const selection = { at: o.selected_at, startsAt: o.select_starts, endsAt: o.select_ends };
        if (!inside(selection)) problems.push(`${o.id} selected outside its window`);
        if (o.status !== 'CERTIFIED' || o.selected_at.getTime() < current.decided_at!.getTime())
          problems.push(`${o.id} selected before it was certified`);
        if (!o.grade12) selections.push(selection);
      }
      // The table is of 112/08/25: no selection in a window that had not closed by then.
      if (o.selected_at && o.select_ends.getTime() > Date.parse('2023-08-25T00:00:00+08:00'))
        problems.push(`${o.id} selected in a window still ahead`);
      const latest = Math.max(...own.map((v) => Math.max(v.created_at.getTime(), v.decided_at?.getTime() ?? 0)));
      if (o.updated_at.getTime() !== Math.max(latest, o.selected_at?.getTime() ?? 0))
        problems.push(`${o.id} updated_at is not its last change`);
    }
    expect(problems).toEqual([]);
    expect(replaced).toBeGreaterThan(20);
    expect(decided).toBeGreaterThan(generated.certified);
    expect(selections.length).toBeGreaterThan(200);

    const performances = await rowsOf<Windowed>(
      `select p.created_at as at, w.starts_at as "startsAt", w.ends_at as "endsAt" from diverse_performance p
       join school sc on sc.id = p.school_id and sc.authority_id = ?
       join academic_year y on y.school_id = p.school_id and y.id = p.academic_year_id
       join student s on s.school_id = p.school_id and s.id = p.student_id
       join timeline_task w on w.school_id = p.school_id and w.kind = 'UPLOAD_PERFORMANCES' and w.data_year = y.year
         and w.grade12_round = (y.year - s.cohort = 2)`,
      [city.authority.id],
    );
    expect(performances).toHaveLength(generated.performances);
    expect(performances.filter((p) => !inside(p))).toEqual([]);

    // The share in each window's last three days is the curve's: within four binomial standard deviations (the
    // windows are of different lengths, so the expectation sums each item's own window's share).
    for (const [what, items] of Object.entries({ uploads, firstDecisions, selections, performances })) {
      const { observed, expected, sd, n } = lastThreeDays(items);
      expect(Math.abs(observed - expected), `${what}: ${observed} of ${n} in the last 3 days, ${expected} expected`)
        .toBeLessThanOrEqual(4 * sd + 1); // prettier-ignore
    }
    // On a three-week window the curve puts about half in the last three days: the certification windows show it.
    const { observed, n } = lastThreeDays(firstDecisions);
    expect(observed / n).toBeGreaterThan(0.42);
    expect(observed / n).toBeLessThan(0.62);

    // The hours: students mostly in the evening, teachers in school hours.
    const evening = uploads.filter((u) => taipeiHour(u.at) >= 17).length / uploads.length;
    const schoolHours = firstDecisions.filter((d) => taipeiHour(d.at) >= 8 && taipeiHour(d.at) < 17).length;
    expect(evening).toBeGreaterThan(0.55);
    expect(schoolHours / firstDecisions.length).toBeGreaterThan(0.8);
  });

  it('gives the same timestamps for the same seed', async () => {
    const { rows } = await (async () => {
      const owner = new pg.Client({ connectionString: testDatabaseUrl() });
      await owner.connect();
      try {
        return await owner.query<{ line: string }>(TIMESTAMPS_SQL, [city.authority.id]);
      } finally {
        await owner.end();
      }
    })();
    expect(rows.length).toBeGreaterThan(generated.outcomes);
    expect(rows.map((row) => row.line)).toEqual(rehearsal);
  });
});

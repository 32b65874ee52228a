import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../common/context.js';
import { forbidden } from '../../common/errors.js';
import { defaultTermDates, formatRocCalendarDate, taipeiIsoDate } from '../../common/roc.js';
import { type Result, userError } from '../../common/user-error.js';
import type { Viewer } from '../../common/viewer.js';
import { mayRollOver } from './rollover.permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { rowProblem, type RowProblem } from '../imports/columns.js';
import { gradeYearOfClassName } from '../imports/import-kind.js';
import { importUploadOf, readImportFile } from '../imports/import.service.js';
import { StudentStatus } from '../people/people.enums.js';
import { SchoolClass } from '../people/school-class.entity.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { openRoundsUpTo, type OpenRound } from '../round/open-rounds.js';
import { School } from '../school/school.entity.js';
import { AcademicYear, Term } from '../term/term.entity.js';
import { parseClassList } from './class-list.js';
import { RolloverCounts, RolloverRun } from './rollover.types.js';

export interface RolloverArgs {
  toYear: number;
  /** The new year's class list (學號, 新班級, 座號); without it, the class-name rule 101→201, 201→301. */
  classListUploadId?: string | null;
}

type MoveKind = 'PROMOTE' | 'REPEAT' | 'GRADUATE';

interface Move {
  student: Student;
  fromClass: SchoolClass;
  kind: MoveKind;
  /** The class name in the new year; none for a graduate. */
  toClassName: string | null;
  toSeat: number | null;
}

interface NewClass {
  name: string;
  gradeYear: number;
  existing: SchoolClass | null;
  sources: Set<SchoolClass>;
  students: number;
}

export interface RolloverPlan {
  fromYear: number;
  toYear: number;
  byClassList: boolean;
  /** The class list file's hash, for the audit row. */
  classListSha256: string | null;
  counts: RolloverCounts;
  classes: { name: string; gradeYear: number; students: number; exists: boolean; homeroomFrom: string | null }[];
  problems: RowProblem[];
  openRounds: OpenRound[];
  done: RolloverRun | null;
  apply(): Promise<RolloverRun>;
}

const wholeProblem = (code: string, message: string): RowProblem => ({ rowNumber: 0, column: null, code, message });

const gradeLabel = (gradeYear: number): string => `高${['一', '二', '三'][gradeYear - 10] ?? gradeYear}`;

function requireRegistrar(ctx: AppContext): Viewer {
  if (!mayRollOver(ctx.viewer) || !ctx.viewer?.schoolId) throw forbidden('學年度升級（限註冊組）');
  return ctx.viewer;
}

/** 101 → 201, 215 → 315: the grade digit goes up, the rest stays; names of another shape have no rule. */
export function promotedClassName(name: string): string | null {
  const match = /^([12])(\d{2})$/.exec(name);
  return match ? `${Number(match[1]) + 1}${match[2]}` : null;
}

/** The one source of a new class's homeroom teacher: the old class all its students come from, if there is one. */
const homeroomSource = (target: NewClass): SchoolClass | null =>
  target.sources.size === 1 ? [...target.sources][0]! : null;

/**
 * Checks a rollover against the school as it is now and says what it would do. Problems stop it; terms that are not
 * finally submitted are a warning the registrar confirms (the rollover changes classes and statuses only, never a
 * term's records, and a year's second term is submitted in the autumn after it). The same plan is checked again and
 * applied by commitRollover, so a dry run and a commit cannot disagree.
 */
export async function planRollover(ctx: AppContext, viewer: Viewer, args: RolloverArgs): Promise<RolloverPlan> {
  const em = ctx.em;
  const toYear = args.toYear;
  const fromYear = toYear - 1;
  const counts = new RolloverCounts();
  const problems: RowProblem[] = [];
  const plan = (extra: Partial<RolloverPlan> = {}): RolloverPlan => ({
    fromYear,
    toYear,
    byClassList: Boolean(args.classListUploadId),
    classListSha256: null,
    counts,
    classes: [],
    problems,
    openRounds: [],
    done: null,
    apply: () => Promise.reject(new Error('a rollover with problems is never applied')),
    ...extra,
  });

  if (!Number.isInteger(toYear) || toYear < 101 || toYear > 200) {
    problems.push(wholeProblem('INVALID_YEAR', '新學年度必須是 101 到 200 之間的民國年。'));
    return plan();
  }
  const done = await em.findOne(RolloverRun, { toYear });
  if (done) {
    problems.push(
      wholeProblem(
        'ROLLOVER_DONE',
        `本校已於 ${done.runAtLabel} 完成 ${done.label}，不能再執行一次。個別學生的班級請以「資料匯入」的學生名冊修改。`,
      ),
    );
    return plan({ done });
  }
  const from = await em.findOne(AcademicYear, { year: fromYear });
  if (!from) {
    problems.push(wholeProblem('NO_ACADEMIC_YEAR', `本校沒有 ${fromYear} 學年度的資料，無法升級到 ${toYear} 學年度。`));
    return plan();
  }
  // From the summer's opening day (ROLLOVER_OPENS_ON, 7/1 by default) of the year being left: after graduation and
  // the 高三 round, so no grade-12 student is made 畢業 (read-only) before then.
  const opensOn = `${fromYear + 1912}-${ctx.services.config.timeline.rolloverOpensOn}`;
  const today = taipeiIsoDate(ctx.services.clock.now());
  if (today < opensOn) {
    problems.push(
      wholeProblem(
        'TOO_EARLY',
        `${formatRocCalendarDate(opensOn)} 起才能升級到 ${toYear} 學年度（${fromYear} 學年度的高三學生畢業之後）。`,
      ),
    );
    return plan();
  }

  const target = await em.findOne(AcademicYear, { year: toYear });
  const targetClasses = target ? await em.find(SchoolClass, { academicYear: target }) : [];
  const newClasses = new Map<string, NewClass>(
    targetClasses.map((c) => [
      c.name,
      { name: c.name, gradeYear: c.gradeYear, existing: c, sources: new Set(), students: 0 },
    ]),
  );
  const students = await em.find(
    Student,
    { status: { $in: [StudentStatus.ENROLLED, StudentStatus.SUSPENDED] } },
    { populate: ['schoolClass'], orderBy: { studentNumber: 'asc' } },
  );
  const inFromYear: { student: Student; fromClass: SchoolClass }[] = [];
  for (const student of students) {
    if (student.status === StudentStatus.SUSPENDED) {
      counts.suspendedKept += 1;
      continue;
    }
    const fromClass = student.schoolClass?.getEntity();
    if (fromClass && fromClass.academicYear.id === from.id) inFromYear.push({ student, fromClass });
    // New grade-10 students imported into the new year before the rollover are already where they belong.
    else if (!(fromClass && target && fromClass.academicYear.id === target.id)) counts.unplaced += 1;
  }

  const moves: Move[] = [];
  const classFor = (name: string, rowNumber: number, column: string | null): NewClass | RowProblem => {
    const known = newClasses.get(name);
    if (known) return known;
    const gradeYear = gradeYearOfClassName(name);
    if (gradeYear === null) {
      return rowProblem(
        rowNumber,
        column,
        'UNKNOWN_CLASS',
        `${toYear} 學年度沒有「${name}」班；新班級請用 3 碼班級代號（如 101、201、301），以判斷年級。`,
      );
    }
    const created: NewClass = { name, gradeYear, existing: null, sources: new Set(), students: 0 };
    newClasses.set(name, created);
    return created;
  };
  const place = (move: Move, targetClass: NewClass | null): void => {
    moves.push(move);
    if (move.kind === 'PROMOTE') counts.promoted += 1;
    else if (move.kind === 'REPEAT') counts.repeating += 1;
    else counts.graduated += 1;
    if (targetClass) {
      targetClass.students += 1;
      targetClass.sources.add(move.fromClass);
    }
  };

  let classListSha256: string | null = null;
  if (args.classListUploadId) {
    const found = await importUploadOf(ctx, viewer, args.classListUploadId, 'classListUploadId');
    if (!found.value) {
      problems.push(...found.userErrors.map((error) => wholeProblem(error.code, error.message)));
      return plan();
    }
    classListSha256 = found.value.sha256!;
    const read = await readImportFile(ctx, found.value);
    if (!read.file) {
      problems.push(read.problem);
      return plan();
    }
    const parsed = parseClassList(read.file);
    problems.push(...parsed.problems);
    const byNumber = new Map((await em.find(Student, {})).map((student) => [student.studentNumber, student]));
    const placed = new Map(inFromYear.map((entry) => [entry.student.id, entry]));
    const listed = new Set<string>();
    const seats = new Map<string, number>();
    for (const row of parsed.rows) {
      const student = byNumber.get(row.studentNumber);
      const entry = student ? placed.get(student.id) : undefined;
      if (!student) {
        problems.push(
          rowProblem(row.rowNumber, '學號', 'UNKNOWN_STUDENT', `本校沒有學號 ${row.studentNumber} 的學生。`),
        );
        continue;
      }
      if (!entry) {
        const why =
          student.status === StudentStatus.ENROLLED
            ? `沒有編在 ${fromYear} 學年度的班級，請先以「資料匯入」的學生名冊設定班級`
            : `目前是「${student.statusLabel}」，升級只移動在學學生${student.status === StudentStatus.SUSPENDED ? '；復學請在學生頁面辦理「復學」' : ''}`;
        problems.push(
          rowProblem(row.rowNumber, '學號', 'NOT_MOVABLE', `學號 ${row.studentNumber}（${student.name}）${why}。`),
        );
        continue;
      }
      listed.add(student.id);
      const targetClass = classFor(row.className, row.rowNumber, '新班級');
      if ('code' in targetClass) {
        problems.push(targetClass);
        continue;
      }
      const step = targetClass.gradeYear - entry.fromClass.gradeYear;
      if (step !== 0 && step !== 1) {
        problems.push(
          rowProblem(
            row.rowNumber,
            '新班級',
            'GRADE_JUMP',
            `學號 ${row.studentNumber} 原在 ${entry.fromClass.name} 班（${gradeLabel(entry.fromClass.gradeYear)}），只能升一個年級或留在同年級（重讀），不能到 ${row.className} 班。`,
          ),
        );
        continue;
      }
      const seat = row.seatNumber ?? entry.student.seatNumber ?? null;
      if (seat !== null) {
        const key = `${row.className}#${seat}`;
        const taken = seats.get(key);
        if (taken !== undefined) {
          problems.push(
            rowProblem(row.rowNumber, '座號', 'DUPLICATE_SEAT', `${row.className} 班 ${seat} 號與第 ${taken} 列相同。`),
          );
          continue;
        }
        seats.set(key, row.rowNumber);
      }
      place(
        {
          student,
          fromClass: entry.fromClass,
          kind: step === 1 ? 'PROMOTE' : 'REPEAT',
          toClassName: row.className,
          toSeat: seat,
        },
        targetClass,
      );
    }
    for (const { student, fromClass } of inFromYear) {
      if (listed.has(student.id)) continue;
      if (fromClass.gradeYear >= 12) {
        place({ student, fromClass, kind: 'GRADUATE', toClassName: null, toSeat: null }, null);
        continue;
      }
      problems.push(
        wholeProblem(
          'NOT_LISTED',
          `學號 ${student.studentNumber}（${fromClass.name} 班 ${student.name}）不在名單上：升級請列出新班級，重讀請列在同年級的班級，休學或轉出請先以「資料匯入」的學生名冊變更學籍狀態。`,
        ),
      );
    }
  } else {
    const unruled = new Set<string>();
    for (const { student, fromClass } of inFromYear) {
      if (fromClass.gradeYear >= 12) {
        place({ student, fromClass, kind: 'GRADUATE', toClassName: null, toSeat: null }, null);
        continue;
      }
      const name = promotedClassName(fromClass.name);
      const targetClass = name === null ? null : classFor(name, 0, null);
      if (!targetClass || 'code' in targetClass || targetClass.gradeYear !== fromClass.gradeYear + 1) {
        if (!unruled.has(fromClass.name)) {
          unruled.add(fromClass.name);
          problems.push(
            wholeProblem(
              'NO_CLASS_RULE',
              `「${fromClass.name}」班無法依規則（101→201、201→301）決定新班級，請上傳新學年度班級名單（學號、新班級、座號）。`,
            ),
          );
        }
        continue;
      }
      place(
        { student, fromClass, kind: 'PROMOTE', toClassName: targetClass.name, toSeat: student.seatNumber ?? null },
        targetClass,
      );
    }
  }
  for (const entry of newClasses.values()) {
    if (entry.gradeYear < 10 || entry.gradeYear > 12) {
      problems.push(wholeProblem('UNKNOWN_CLASS', `「${entry.name}」班的年級無法判斷（須為高一至高三）。`));
    }
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber);

  const classes = [...newClasses.values()]
    .filter((entry) => entry.students > 0 || entry.existing)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hant'));
  counts.classesCreated = classes.filter((entry) => !entry.existing).length;
  const openRounds = await openRoundsUpTo(em, fromYear);

  return plan({
    classes: classes.map((entry) => ({
      name: entry.name,
      gradeYear: entry.gradeYear,
      students: entry.students,
      exists: entry.existing !== null,
      homeroomFrom: entry.existing ? null : (homeroomSource(entry)?.name ?? null),
    })),
    openRounds,
    classListSha256,
    apply: () =>
      applyRollover(em, ctx, viewer, { fromYear, toYear, from, target, classes, moves, counts, classListSha256 }),
  });
}

async function applyRollover(
  em: EntityManager,
  ctx: AppContext,
  viewer: Viewer,
  plan: {
    fromYear: number;
    toYear: number;
    from: AcademicYear;
    target: AcademicYear | null;
    classes: NewClass[];
    moves: Move[];
    counts: RolloverCounts;
    classListSha256: string | null;
  },
): Promise<RolloverRun> {
  const now = ctx.services.clock.now();
  const school = em.getReference(School, viewer.schoolId!);
  const fromSeats = plan.moves.map((move) => move.student.seatNumber ?? 'NULL');
  let target = plan.target;
  if (!target) {
    const first = defaultTermDates(plan.toYear, 1);
    const second = defaultTermDates(plan.toYear, 2);
    target = em.create(AcademicYear, { school, year: plan.toYear, startsOn: first.startsOn, endsOn: second.endsOn });
    em.create(Term, { school, academicYear: target, semester: 1, ...first });
    em.create(Term, { school, academicYear: target, semester: 2, ...second });
  }
  const classByName = new Map<string, SchoolClass>();
  for (const entry of plan.classes) {
    if (entry.existing) {
      classByName.set(entry.name, entry.existing);
      continue;
    }
    const homeroom = homeroomSource(entry)?.homeroomTeacher ?? null;
    classByName.set(
      entry.name,
      em.create(SchoolClass, {
        school,
        academicYear: target,
        name: entry.name,
        gradeYear: entry.gradeYear,
        homeroomTeacher: homeroom,
      }),
    );
  }
  for (const move of plan.moves) {
    if (move.kind === 'GRADUATE') {
      move.student.changeStatus(StudentStatus.GRADUATED, now);
      continue;
    }
    const toClass = classByName.get(move.toClassName!)!;
    move.student.schoolClass = ref(toClass);
    move.student.seatNumber = move.toSeat;
    // 重讀 joins the cohort of the grade repeated, as 復學 does: the 高三 round and the rosters read grade 12 from the
    // cohort, and the statistics count a student in the cohort they are in now.
    if (move.kind === 'REPEAT')
      move.student.cohort = Math.max(move.student.cohort, plan.toYear - (toClass.gradeYear - 10));
  }
  const run = em.create(RolloverRun, {
    school,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    byClassList: plan.classListSha256 !== null,
    counts: { ...plan.counts },
    runBy: em.getReference(UserAccount, viewer.accountId),
    runAt: now,
  });
  await em.flush();
  // Where each moved student sat in the year they leave, so that year's classes can still be read.
  await em.execute(
    `insert into class_placement (school_id, student_id, academic_year_id, class_id, seat_number)
     select ?, m.student_id, ?, m.class_id, m.seat_number
       from unnest(?::uuid[], ?::uuid[], ?::int[]) as m (student_id, class_id, seat_number)`,
    [
      viewer.schoolId,
      plan.from.id,
      `{${plan.moves.map((m) => m.student.id).join(',')}}`,
      `{${plan.moves.map((m) => m.fromClass.id).join(',')}}`,
      `{${fromSeats.join(',')}}`,
    ],
  );
  return run;
}

export async function previewRollover(ctx: AppContext, args: RolloverArgs): Promise<RolloverPlan> {
  return planRollover(ctx, requireRegistrar(ctx), args);
}

export interface CommitRolloverArgs extends RolloverArgs {
  /** The registrar has seen the terms that are not finally submitted and goes ahead. */
  acknowledgeOpenRounds?: boolean | null;
}

/** The rollover, all or nothing: checked again as it is now, refused on any problem, written in one transaction. */
export async function commitRollover(ctx: AppContext, args: CommitRolloverArgs): Promise<Result<RolloverRun>> {
  const viewer = requireRegistrar(ctx);
  // Two registrars pressing at once: the second waits, then finds the year done.
  await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`rollover:${viewer.schoolId}`]);
  // The school's students are held from here to the commit: a status or class written meanwhile (a roster import, a
  // 轉出) waits, and the plan below reads what it then is, not what the rollover would overwrite.
  await ctx.em.execute('select id from student order by id for update');
  const plan = await planRollover(ctx, viewer, args);
  if (plan.problems.length > 0) {
    return {
      value: null,
      userErrors: plan.problems.map((problem) =>
        userError(problem.rowNumber > 0 ? 'classListUploadId' : 'toYear', problem.code, problem.message),
      ),
    };
  }
  if (plan.openRounds.length > 0 && !args.acknowledgeOpenRounds) {
    const open = plan.openRounds.map((round) => `${round.termLabel}（${round.categoryLabels.join('、')}）`).join('；');
    return {
      value: null,
      userErrors: [
        userError(
          'acknowledgeOpenRounds',
          'ROUNDS_OPEN',
          `以下學期還沒有完成最終提交：${open}。升級不會改動這些學期的資料，確認後請勾選「我已了解」再執行。`,
        ),
      ],
    };
  }
  const run = await plan.apply();
  await recordAudit(ctx.em, viewer, ctx.requestId, {
    operation: 'rollover.commit',
    targetIds: [run.id],
    detail: {
      fromYear: run.fromYear,
      toYear: run.toYear,
      classListSha256: plan.classListSha256,
      ...plan.counts,
    },
  });
  return { value: run, userErrors: [] };
}

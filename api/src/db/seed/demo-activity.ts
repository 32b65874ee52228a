import type { AppContext, AppServices } from '../../common/context.js';
import { toGlobalId } from '../../common/ids.js';
import { academicYearOf, defaultTermDates, taipeiIsoDate } from '../../common/roc.js';
import { SubmissionCategory } from '../../common/submission-category.js';
import { enterGrades } from '../../modules/course/grades.service.js';
import { Student } from '../../modules/people/student.entity.js';
import {
  certificationQueue,
  certifyCourseOutcomes,
  rejectCourseOutcome,
} from '../../modules/portfolio/certification.service.js';
import { replaceCourseOutcome, uploadCourseOutcome } from '../../modules/portfolio/outcome.service.js';
import { recordPerformance } from '../../modules/portfolio/performance.service.js';
import { CertificationStatus, PerformanceCategory } from '../../modules/portfolio/portfolio.enums.js';
import { selectItem } from '../../modules/portfolio/selection.service.js';
import { CounselingKind } from '../../modules/records/records.entity.js';
import { recordCadre, recordCounseling } from '../../modules/records/records.service.js';
import { ReceiptKind } from '../../modules/round/central/receipt-format.js';
import {
  confirmReceiptImport,
  confirmReceiptRows,
  DisputeResolution,
  finalizeTerm,
  raiseDispute,
  resolveDispute,
} from '../../modules/round/confirmation/confirmation.service.js';
import type { ReceiptImport, ReceiptRow } from '../../modules/round/receipt.entity.js';
import {
  importReceipts,
  receiptRowsOfStudent,
  sendToCentralRepository,
} from '../../modules/round/receipts/receipt.service.js';
import { submitTerm } from '../../modules/round/submission/submission.service.js';
import {
  CLASS_CADRES,
  COUNSELING_IDEAS,
  OUTCOME_IDEAS,
  type OutcomeIdea,
  PERFORMANCE_IDEAS,
  type PerformanceIdea,
  REJECTION_REASONS,
  SUBJECT_NAMES_IN_FILES,
} from './demo-content.js';
import { demoPdf, demoPng, uploadDocument } from './demo-files.js';
import { type ActivityWindow, drawMoment, type HourProfile } from './activity-dates.js';
import { EARLIER_ROUND_DAYS, earlierTermSchedule, taipeiMidnight } from './demo-timelines.js';
import { actAs, must, type SeedActor, type SeedPerson } from './seed-actor.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DemoStudent {
  id: string;
  number: string;
  login: SeedPerson;
}

/** A course section of one term as the demo made it: what the activity needs to grade it and upload for it. */
export interface DemoSection {
  id: string;
  code: string;
  subjectName: string;
  /** The class it was taught to, as the class was called that term. */
  className: string;
  teacherId: string;
  enrolments: { id: string; studentId: string }[];
}

export interface DemoTermCourses {
  termId: string;
  startsOn: string;
  endsOn: string;
  sections: DemoSection[];
}

export interface DemoSchool {
  id: string;
  authorityId: string;
  prefix: string;
  staff: SeedPerson[];
  students: DemoStudent[];
  current: DemoTermCourses;
  previous: DemoTermCourses;
}

/** What the activity made, for the start-up log. */
export interface DemoActivityCounts {
  gradedEnrolments: number;
  outcomes: number;
  certified: number;
  rejected: number;
  performances: number;
  selected: number;
  cadres: number;
  counseling: number;
  submissions: number;
  receiptRows: number;
  confirmedRows: number;
  disputes: number;
  finalLocks: number;
}

/** A seeded pseudo-random source (mulberry32): every seeding of the demo makes the same choices. */
class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` different items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0)
      chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return chosen;
  }
}

const QUALITATIVE_NOTES = ['上課專注，作業按時繳交。', '小組討論積極，表達清楚。', '實作細心，報告完整。'];

/** An item the demo's student made: the selection, the file replacement and the round pick from these. */
interface MadeOutcome {
  id: string;
  studentId: string;
  teacherId: string;
  subject: string;
  file: string;
  status: CertificationStatus;
}

interface MadePerformance {
  id: string;
  studentId: string;
}

/** A term's first day (or a YYYY-MM-DD date) as midnight in Taipei. */
const midnight = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+08:00`);

const groupBy = <T>(items: T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/**
 * The demo city's history and present, made through the platform's own services by the people who would do it, each
 * step at a moment inside the window it needs (seed-actor.ts). In the previous term: grades, 校內幹部, uploads (a few
 * not certified, with the teacher's reason, one of them replaced and then certified); at 示範高中日間部 also, after a
 * second term, the year's 多元表現 and the students' selections, and the earlier round (EARLIER_ROUND_DAYS) submitted
 * through the reference central repository, its receipts imported and mostly confirmed, one dispute answered and one
 * open, the categories without an open dispute finally submitted. In the current term, at every school: uploads
 * waiting for certification (its window opens after the uploads close), 多元表現, one subject's grades, 校內幹部 and
 * counseling sessions where the school has those offices. The same choices every time (a seeded random source).
 */
export async function seedDemoActivity(
  services: AppServices,
  schools: DemoSchool[],
  now: Date,
): Promise<DemoActivityCounts> {
  const counts: DemoActivityCounts = {
    gradedEnrolments: 0,
    outcomes: 0,
    certified: 0,
    rejected: 0,
    performances: 0,
    selected: 0,
    cadres: 0,
    counseling: 0,
    submissions: 0,
    receiptRows: 0,
    confirmedRows: 0,
    disputes: 0,
    finalLocks: 0,
  };
  // One step after another: on two cores, students and schools side by side were slower, not faster.
  for (const [index, school] of schools.entries()) {
    await new SchoolActivity(services, school, now, new DemoRandom(1141 + index), counts).run();
  }
  return counts;
}

/** What one student does in one sitting, drawn before it is done. */
interface StudentPlan {
  student: DemoStudent;
  uploads: { section: DemoSection; idea: OutcomeIdea; moment: Date }[];
  performances: { idea: PerformanceIdea; moment: Date; file: Buffer | null }[];
}

class SchoolActivity {
  private readonly schedule;
  private readonly today: number;
  /** The current term's activity happens between these two moments: since it began (at most 25 days ago), until now. */
  private readonly currentFrom: number;
  private readonly grades = new Map<string, number>();
  private readonly outcomes: MadeOutcome[] = [];
  private readonly performances: MadePerformance[] = [];
  private readonly cadreHolders: { studentId: string; unit: string; position: string }[] = [];
  private readonly selectedCount = { outcomes: 0, performances: 0 };
  private readonly ability = new Map<string, number>();

  constructor(
    private readonly services: AppServices,
    private readonly school: DemoSchool,
    private readonly now: Date,
    private readonly random: DemoRandom,
    private readonly counts: DemoActivityCounts,
  ) {
    this.schedule = earlierTermSchedule(now);
    this.today = taipeiMidnight(now).getTime();
    this.currentFrom = Math.max(this.today - 25 * DAY, midnight(school.current.startsOn).getTime());
  }

  async run(): Promise<void> {
    const previousStudents = this.studentsOf(this.school.previous);
    if (previousStudents.length > 0) {
      await this.enterGrades(this.school.previous.sections, this.previousDay(this.schedule.grades[0] + 2, 15));
      await this.recordCadres(this.school.previous, this.previousDay(14, 10));
      await this.uploadPreviousTerm(previousStudents);
      await this.certifyPreviousTerm();
      // One school holds the earlier round: the one with every office staffed, whose 基本資料 has 訓育組's 校內幹部.
      // A round is the slowest part of the seed (every package, receipt file and import is an Excel workbook), and
      // one is what a visitor looks at.
      if (this.cadreHolders.length > 0) {
        if (this.schedule.previous.semester === 2) await this.selectForTheYear(previousStudents);
        await this.earlierRound(previousStudents);
      }
    }
    await this.currentTerm();
  }

  // ------------------------------------------------------------------ helpers

  private actor(person: SeedPerson): SeedActor {
    return { person, schoolId: this.school.id, authorityId: this.school.authorityId };
  }

  private staff(role: string): SeedPerson | null {
    return this.school.staff.find((person) => person.username === `${this.school.prefix}.${role}`) ?? null;
  }

  private teacher(accountId: string): SeedPerson {
    return this.school.staff.find((person) => person.accountId === accountId)!;
  }

  private student(id: string): DemoStudent {
    return this.school.students.find((student) => student.id === id)!;
  }

  /** The students enrolled in a term's courses, in the order of their numbers. */
  private studentsOf(term: DemoTermCourses): DemoStudent[] {
    const ids = new Set(term.sections.flatMap((section) => section.enrolments.map((e) => e.studentId)));
    return this.school.students.filter((student) => ids.has(student.id));
  }

  /** The first student of each class (…001) does everything, so the logins the README names have something to show. */
  private isShowcase(student: DemoStudent): boolean {
    return student.number.endsWith('001');
  }

  /** A moment `days` after the previous term's first day, at this hour (Taipei). */
  private previousDay(days: number, hour: number, minute = 0): Date {
    return new Date(this.schedule.start.getTime() + days * DAY + hour * HOUR + minute * MINUTE);
  }

  /** A moment `days` after today's midnight (Taipei), at this hour. */
  private day(days: number, hour: number, minute = 0): Date {
    return new Date(this.today + days * DAY + hour * HOUR + minute * MINUTE);
  }

  /**
   * A moment between two instants (whole hours, Taipei): its day drawn from the city's deadline-rush curve over the
   * days between them (most on the last days), its hour from whose it is (students in the evening, staff in school
   * hours) (activity-dates.ts).
   */
  private rushMoment(from: number, to: number, profile: HourProfile): Date {
    const local = (at: number) => (at + 8 * HOUR) / MINUTE;
    const firstDay = Math.floor(local(from) / 1440);
    const window: ActivityWindow = {
      firstDay,
      days: Math.floor(local(to) / 1440) - firstDay + 1,
      opensHour: Math.ceil((local(from) % 1440) / 60),
      closesHour: Math.floor((local(to) % 1440) / 60),
    };
    return new Date(drawMoment(window, profile, () => this.random.next()) * MINUTE);
  }

  /** A moment of a window of the previous term's plan (08:00 of its first day to 17:00 of its last), along the curve. */
  private previousMoment(fromDay: number, toDay: number, profile: HourProfile = 'student'): Date {
    return this.rushMoment(this.previousDay(fromDay, 8).getTime(), this.previousDay(toDay, 17).getTime(), profile);
  }

  /**
   * A moment of the current term's activity so far, from its start (at most 25 days ago) until now: the rush curve's
   * part up to today, so the pace rises towards now as the board shows it.
   */
  private currentMoment(profile: HourProfile = 'student'): Date {
    return this.rushMoment(this.currentFrom, this.now.getTime(), profile);
  }

  private gradeOf(studentId: string): number {
    if (!this.ability.has(studentId)) this.ability.set(studentId, this.random.int(58, 92));
    return Math.max(35, Math.min(99, this.ability.get(studentId)! + this.random.int(-12, 10)));
  }

  // ------------------------------------------------------------------ the previous term

  /** Every section's grades, entered by its teacher: failed ones with a make-up exam, some with a note. */
  private async enterGrades(sections: DemoSection[], moment: Date): Promise<void> {
    for (const [teacherId, own] of groupBy(sections, (section) => section.teacherId)) {
      await actAs(this.services, this.actor(this.teacher(teacherId)), async (at) => {
        for (const section of own) {
          const grades = section.enrolments.map((enrolment) => {
            const termGrade = this.gradeOf(enrolment.studentId);
            this.grades.set(`${enrolment.studentId}:${section.code}`, termGrade);
            const makeupGrade = termGrade < 60 ? this.random.int(52, 75) : null;
            return {
              enrolmentId: toGlobalId('Enrolment', enrolment.id),
              termGrade,
              makeupGrade,
              creditsCounted: termGrade >= 60 || (makeupGrade ?? 0) >= 60,
              qualitativeNote: this.random.chance(0.2) ? this.random.pick(QUALITATIVE_NOTES) : null,
            };
          });
          const sectionId = toGlobalId('CourseSection', section.id);
          must(await enterGrades(at(moment), { sectionId, grades }), 'grade entry');
          this.counts.gradedEnrolments += grades.length;
        }
      });
    }
  }

  /** 訓育組 records each class's 班長, 副班長 and 學藝股長 for the term (schools without one record none). */
  private async recordCadres(term: DemoTermCourses, moment: Date): Promise<void> {
    const affairs = this.staff('affairs');
    if (!affairs) return;
    const classes = groupBy(
      term.sections.flatMap((section) => section.enrolments.map((e) => ({ className: section.className, ...e }))),
      (row) => row.className,
    );
    await actAs(this.services, this.actor(affairs), async (at) => {
      for (const [className, rows] of classes) {
        const classmates = [...new Set(rows.map((row) => row.studentId))];
        const holders = this.random.sample(classmates, CLASS_CADRES.length);
        for (const [index, studentId] of holders.entries()) {
          const { position, level } = CLASS_CADRES[index]!;
          const unit = `${className}班`;
          const input = {
            studentId: toGlobalId('Student', studentId),
            termId: toGlobalId('Term', term.termId),
            unit,
            position,
            level,
            startsOn: term.startsOn,
            endsOn: term.endsOn,
          };
          must(await recordCadre(at(moment), input), 'cadre record');
          if (term === this.school.previous) this.cadreHolders.push({ studentId, unit, position });
          this.counts.cadres += 1;
        }
      }
    });
  }

  /**
   * Students upload outcomes of their courses during the term; after a second term they also record the year's 多元表現
   * (recordPerformance takes the year of the term the moment is in, so these moments are in that year).
   */
  private async uploadPreviousTerm(students: DemoStudent[]): Promise<void> {
    const { upload, performances, previous } = this.schedule;
    const uploadMoment = () => this.previousMoment(upload[0], upload[1]);
    const performanceMoment = () => this.previousMoment(performances[0], upload[1]);
    const plans = students.map((student) => {
      const showcase = this.isShowcase(student);
      const uploads = showcase ? this.random.int(2, 3) : this.random.chance(0.6) ? this.random.int(1, 2) : 0;
      const recorded = previous.semester !== 2 ? 0 : showcase ? 2 : this.random.chance(0.45) ? 1 : 0;
      return this.plan(student, this.school.previous, uploads, uploadMoment, recorded, performanceMoment);
    });
    await this.carryOut(plans);
  }

  /** Draws what a student uploads and records, and when, in a fixed order. */
  private plan(
    student: DemoStudent,
    term: DemoTermCourses,
    uploads: number,
    uploadMoment: () => Date,
    performances: number,
    performanceMoment: () => Date,
  ): StudentPlan {
    const own = term.sections.filter((section) => section.enrolments.some((e) => e.studentId === student.id));
    return {
      student,
      uploads: this.random
        .sample(own, uploads)
        .map((section) => ({
          section,
          idea: this.random.pick(OUTCOME_IDEAS[section.subjectName] ?? OUTCOME_IDEAS['國文']!),
          moment: uploadMoment(),
        }))
        .sort((a, b) => +a.moment - +b.moment),
      performances: this.performanceIdeas(student, performances).map((idea) => {
        const moment = performanceMoment();
        const file =
          !idea.file || !this.random.chance(0.7)
            ? null
            : idea.file === 'png'
              ? demoPng(this.random.int(1, 997))
              : demoPdf('Diverse performance (demo)', [
                  `Student ${student.number}`,
                  `Recorded ${taipeiIsoDate(moment)}`,
                  'A fictional certificate or record made for the demonstration.',
                ]);
        return { idea, moment, file };
      }),
    };
  }

  /**
   * The performances a student records: drawn from the ideas, except that the showcase students' first is always
   * 職場學習, so that the demo has the newest category with its coded fields in every package.
   */
  private performanceIdeas(student: DemoStudent, count: number): PerformanceIdea[] {
    const workplace = PERFORMANCE_IDEAS.find((idea) => idea.category === PerformanceCategory.WORKPLACE_LEARNING)!;
    if (!this.isShowcase(student) || count === 0) return this.random.sample(PERFORMANCE_IDEAS, count);
    return [
      workplace,
      ...this.random.sample(
        PERFORMANCE_IDEAS.filter((idea) => idea !== workplace),
        count - 1,
      ),
    ];
  }

  /** Each student's plan in one sitting (one transaction). */
  private async carryOut(plans: StudentPlan[]): Promise<void> {
    for (const plan of plans.filter((p) => p.uploads.length + p.performances.length > 0)) {
      await actAs(this.services, this.actor(plan.student.login), async (at) => {
        for (const upload of plan.uploads) await this.uploadOutcome(at(upload.moment), plan.student, upload);
        for (const performance of plan.performances) {
          await this.recordPerformance(at(performance.moment), plan.student, performance);
        }
      });
    }
  }

  private async uploadOutcome(ctx: AppContext, student: DemoStudent, plan: StudentPlan['uploads'][number]) {
    const { section, idea } = plan;
    const enrolment = section.enrolments.find((e) => e.studentId === student.id)!;
    const file = demoPdf('Course learning outcome (demo)', [
      `Student ${student.number}`,
      `Course ${SUBJECT_NAMES_IN_FILES[section.subjectName] ?? section.subjectName}, code ${section.code}`,
      `Uploaded ${taipeiIsoDate(plan.moment)}`,
      'A fictional file made for the demonstration of the learning portfolio platform.',
    ]);
    const documentUploadId = await uploadDocument(ctx, `${section.subjectName}_${idea.file}.pdf`, file);
    const outcome = must(
      await uploadCourseOutcome(ctx, {
        enrolmentId: toGlobalId('Enrolment', enrolment.id),
        kind: idea.kind,
        description: idea.description,
        documentUploadId,
      }),
      'outcome upload',
    );
    this.outcomes.push({
      id: outcome.id,
      studentId: student.id,
      teacherId: section.teacherId,
      subject: section.subjectName,
      file: idea.file,
      status: CertificationStatus.PENDING,
    });
    this.counts.outcomes += 1;
  }

  private async recordPerformance(ctx: AppContext, student: DemoStudent, plan: StudentPlan['performances'][number]) {
    const { idea, moment, file } = plan;
    // Dates of the activity fall before the day it is recorded, and not before the academic year it belongs to.
    const yearStart = midnight(defaultTermDates(academicYearOf(moment), 1).startsOn).getTime() + 8 * HOUR;
    const dayBefore = (days: number) => taipeiIsoDate(new Date(Math.max(moment.getTime() - days * DAY, yearStart)));
    const details = Object.entries(idea.details(dayBefore)).map(([key, value]) => ({ key, value }));
    const documentUploadId = file ? await uploadDocument(ctx, `${idea.title}.${idea.file}`, file) : null;
    const performance = must(
      await recordPerformance(ctx, {
        category: idea.category,
        title: idea.title,
        details,
        description: idea.description,
        documentUploadId,
        externalLink: idea.link ?? null,
      }),
      'performance record',
    );
    this.performances.push({ id: performance.id, studentId: student.id });
    this.counts.performances += 1;
  }

  /**
   * Each teacher certifies their sections' outcomes of the term, each on a day drawn from the rush curve over the
   * certification window, except a few they do not certify with a reason; the first student not certified (on the
   * window's second day) replaces the file (補件, while certification is open) and is certified.
   */
  private async certifyPreviousTerm(): Promise<void> {
    const { certify } = this.schedule;
    const firstRejectionAt = this.previousDay(certify[0] + 1, 10);
    const teachers = [...groupBy(this.outcomes, (outcome) => outcome.teacherId)].map(([teacherId, own]) => {
      const rejected = own.filter((_, index) => (index === 1 && own.length >= 3) || this.random.chance(0.05));
      const reasons = new Map(rejected.map((outcome) => [outcome, this.random.pick(REJECTION_REASONS)]));
      return { teacherId, own, reasons };
    });
    const toReplace = this.outcomes.find((outcome) => teachers.some((t) => t.reasons.has(outcome)));
    for (const { teacherId, own, reasons } of teachers) {
      const decisions = own
        .map((outcome) => ({
          outcome,
          at: outcome === toReplace ? firstRejectionAt : this.previousMoment(certify[0], certify[1], 'teacher'),
        }))
        .sort((a, b) => +a.at - +b.at);
      await actAs(this.services, this.actor(this.teacher(teacherId)), async (at) => {
        const queue = await certificationQueue(at(decisions[0]!.at), CertificationStatus.PENDING);
        const waiting = new Set(queue.map((o) => o.id));
        for (const { outcome, at: moment } of decisions) {
          const outcomeId = toGlobalId('CourseOutcome', outcome.id);
          const reason = reasons.get(outcome);
          if (reason) {
            must(await rejectCourseOutcome(at(moment), { outcomeId, reason }), 'reject');
            outcome.status = CertificationStatus.REJECTED;
          } else if (waiting.has(outcome.id)) {
            must(await certifyCourseOutcomes(at(moment), { outcomeIds: [outcomeId] }), 'certification');
            outcome.status = CertificationStatus.CERTIFIED;
          }
        }
      });
    }
    const replaced = this.outcomes.find((outcome) => outcome.status === CertificationStatus.REJECTED);
    if (replaced && this.services.config.portfolio.replaceRejectedDuringCertification) {
      const student = this.student(replaced.studentId);
      await actAs(this.services, this.actor(student.login), async (at) => {
        const ctx = at(this.previousDay(certify[0] + 3, 20, 15));
        const file = demoPdf('Course learning outcome (demo), second version', [
          `Student ${student.number}`,
          `Course ${SUBJECT_NAMES_IN_FILES[replaced.subject] ?? replaced.subject}`,
          'The complete file, replacing the one that was not certified.',
        ]);
        const documentUploadId = await uploadDocument(ctx, `${replaced.subject}_${replaced.file}_完整版.pdf`, file);
        const input = { outcomeId: toGlobalId('CourseOutcome', replaced.id), documentUploadId };
        must(await replaceCourseOutcome(ctx, input), 'outcome replacement');
      });
      await actAs(this.services, this.actor(this.teacher(replaced.teacherId)), async (at) => {
        const outcomeIds = [toGlobalId('CourseOutcome', replaced.id)];
        must(await certifyCourseOutcomes(at(this.previousDay(certify[0] + 5, 9)), { outcomeIds }), 'certification');
      });
      replaced.status = CertificationStatus.CERTIFIED;
    }
    this.counts.certified += this.outcomes.filter((o) => o.status === CertificationStatus.CERTIFIED).length;
    this.counts.rejected += this.outcomes.filter((o) => o.status === CertificationStatus.REJECTED).length;
  }

  /**
   * In the earlier round's selection window, most students select some of the year's certified outcomes and 多元表現,
   * each student in one sitting on a day drawn from the rush curve over the window.
   */
  private async selectForTheYear(students: DemoStudent[]): Promise<void> {
    const [from, to] = EARLIER_ROUND_DAYS.select;
    const choices = students.map((student) => {
      if (!this.isShowcase(student) && !this.random.chance(0.85)) return { student, outcomes: [], performances: [] };
      const outcomes = this.outcomes.filter(
        (o) => o.studentId === student.id && o.status === CertificationStatus.CERTIFIED,
      );
      const performances = this.performances.filter((p) => p.studentId === student.id);
      return {
        student,
        outcomes: this.random
          .sample(outcomes, Math.min(3, outcomes.length))
          .map((o) => toGlobalId('CourseOutcome', o.id)),
        performances: this.random
          .sample(performances, Math.min(4, performances.length))
          .map((p) => toGlobalId('DiversePerformance', p.id)),
      };
    });
    for (const { student, outcomes, performances } of choices) {
      if (outcomes.length + performances.length === 0) continue;
      const moment = this.rushMoment(this.day(from, 8).getTime(), this.day(to, 17).getTime(), 'student');
      await actAs(this.services, this.actor(student.login), async (at) => {
        for (const itemId of [...outcomes, ...performances]) {
          must(await selectItem(at(moment), { itemId, selected: true }), 'selection');
        }
      });
      this.selectedCount.outcomes += outcomes.length;
      this.selectedCount.performances += performances.length;
      this.counts.selected += outcomes.length + performances.length;
    }
  }

  // ------------------------------------------------------------------ the earlier round

  /**
   * 註冊組 submits each category the round carries and has rows for, sends the packages to the reference central
   * repository and imports its receipts; students confirm their rows, one disputes a grade (left open for the demo's
   * visitor to answer on 疑義處理) and one a 校內幹部 row (answered); staff confirm the receipt lists; every category
   * without an open dispute is finally submitted.
   */
  private async earlierRound(students: DemoStudent[]): Promise<void> {
    const registration = this.staff('registration')!;
    const termId = toGlobalId('Term', this.school.previous.termId);
    const d = EARLIER_ROUND_DAYS;
    const categories = [
      SubmissionCategory.BASIC,
      SubmissionCategory.COURSE_RECORDS,
      ...(this.schedule.previous.semester === 2 && this.selectedCount.outcomes > 0
        ? [SubmissionCategory.COURSE_OUTCOMES]
        : []),
      ...(this.schedule.previous.semester === 2 && this.selectedCount.performances > 0
        ? [SubmissionCategory.PERFORMANCES]
        : []),
    ];
    const submissionIds: string[] = [];
    for (const category of categories) {
      const submission = await actAs(
        this.services,
        this.actor(registration),
        async (at) =>
          must(
            await submitTerm(at(this.day(d.submit[0] + 1, 10)), {
              termId,
              category,
              idempotencyKey: `demo-${this.school.prefix}-${this.school.previous.termId}-${category}`,
              grade12Round: false,
            }),
            'submission',
          ),
        { snapshot: true },
      );
      submissionIds.push(toGlobalId('Submission', submission.id));
      this.counts.submissions += 1;
    }
    const imports: ReceiptImport[] = await actAs(this.services, this.actor(registration), async (at) => {
      const ctx = at(this.day(d.submit[0] + 1, 10, 40));
      const made: ReceiptImport[] = [];
      for (const submissionId of submissionIds) {
        for (const file of must(
          await sendToCentralRepository(ctx, { submissionId }),
          'sending to the central repository',
        )) {
          made.push(must(await importReceipts(ctx, { submissionId, uploadId: file.globalId }), 'receipt import'));
        }
      }
      return made;
    });
    this.counts.receiptRows += imports.reduce((sum, i) => sum + i.receivedCount + i.rejectedCount, 0);

    // The dispute left open is on a grade of the school's first 高三 student, the answered one on a cadre row.
    const gradeDisputer = students.find((s) => s.number.startsWith('3') && this.isShowcase(s));
    const cadre = this.cadreHolders.find((c) => c.studentId !== gradeDisputer?.id);
    const disputer = (student: DemoStudent) => student === gradeDisputer || student.id === cadre?.studentId;
    const confirming = students.filter(
      (student) => disputer(student) || this.isShowcase(student) || this.random.chance(0.7),
    );
    let answered: string | null = null;
    for (const student of confirming) {
      // Each student checks their rows on a day drawn from the rush curve over the days before 註冊組 confirms the
      // lists (d.confirm[0] + 4), and raises a dispute in the same sitting.
      const checkedAt = this.rushMoment(
        this.day(d.confirm[0], 8).getTime(),
        this.day(d.confirm[0] + 3, 23).getTime(),
        'student',
      );
      const dispute = await actAs(this.services, this.actor(student.login), async (at) => {
        const ctx = at(checkedAt);
        const entity = await ctx.em.findOneOrFail(Student, { id: student.id });
        const term = (await ctx.loaders.termById.load(this.school.previous.termId))!;
        const rows = await receiptRowsOfStudent(ctx, entity, term);
        const kind = student === gradeDisputer ? ReceiptKind.COURSE_RECORDS : ReceiptKind.CADRES;
        const disputed = disputer(student) ? rows.find((row) => row.kind === kind) : undefined;
        const confirmed = rows.filter((row) => row !== disputed);
        if (confirmed.length > 0) {
          const receiptRowIds = confirmed.map((row) => toGlobalId('ReceiptRow', row.id));
          must(await confirmReceiptRows(ctx, { receiptRowIds }), 'receipt confirmation');
          this.counts.confirmedRows += confirmed.length;
        }
        if (!disputed) return null;
        const input = {
          receiptRowId: toGlobalId('ReceiptRow', disputed.id),
          reason: this.disputeReason(student, disputed),
        };
        this.counts.disputes += 1;
        return {
          kind,
          id: must(await raiseDispute(at(new Date(checkedAt.getTime() + 10 * MINUTE)), input), 'dispute').id,
        };
      });
      if (dispute?.kind === ReceiptKind.CADRES) answered = toGlobalId('Dispute', dispute.id);
    }

    await actAs(this.services, this.actor(registration), async (at) => {
      const ctx = at(this.day(d.confirm[0] + 4, 11));
      for (const receiptImport of imports) {
        const input = { receiptImportId: toGlobalId('ReceiptImport', receiptImport.id) };
        must(await confirmReceiptImport(ctx, input), 'staff confirmation');
      }
      if (answered) {
        const input = {
          disputeId: answered,
          resolution: DisputeResolution.NO_CHANGE,
          answer: `經查${cadre!.unit}幹部名單與學務處公告，您本學期擔任${cadre!.position}，名冊資料無誤，不需更正。`,
        };
        must(await resolveDispute(at(this.day(d.disputes[0] + 1, 14)), input), 'dispute answer');
      }
      const open = gradeDisputer ? [SubmissionCategory.COURSE_RECORDS] : [];
      for (const category of categories.filter((c) => !open.includes(c))) {
        const input = { termId, category, grade12Round: false };
        must(await finalizeTerm(at(this.day(d.final[0] + 2, 16)), input), 'final submission');
        this.counts.finalLocks += 1;
      }
    });
  }

  private disputeReason(student: DemoStudent, row: ReceiptRow): string {
    if (row.kind === ReceiptKind.CADRES) {
      const cadre = this.cadreHolders.find((c) => c.studentId === student.id);
      return `我在${cadre?.unit ?? '班上'}擔任的是${cadre?.position ?? '幹部'}，想確認名冊上的幹部等級是否正確。`;
    }
    const code = row.keyFields['課程代碼'] ?? '';
    const section = this.school.previous.sections.find((s) => s.code === code);
    const grade = this.grades.get(`${student.id}:${code}`);
    const subject = section?.subjectName ?? '這門課';
    return grade === undefined
      ? `「${subject}」的修課紀錄與我的成績單不符，請協助確認。`
      : `「${subject}」的學期成績在收訖明細是 ${grade} 分，但我的成績單是 ${Math.min(100, grade + 6)} 分，請協助確認。`;
  }

  // ------------------------------------------------------------------ the current term

  /**
   * Uploads waiting for certification (its window opens after the uploads close), the year's 多元表現, one subject's
   * grades entered early, 校內幹部, and counseling sessions.
   */
  private async currentTerm(): Promise<void> {
    const { current } = this.school;
    await this.enterGrades(
      current.sections.filter((section) => section.subjectName === '英文'),
      new Date(this.now.getTime() - 2 * HOUR),
    );
    await this.recordCadres(current, this.currentMoment('teacher'));
    const when = () => this.currentMoment();
    const plans = this.studentsOf(current).map((student) => {
      const showcase = this.isShowcase(student);
      const uploads = showcase ? 2 : this.random.chance(0.45) ? 1 : 0;
      const performances = showcase ? this.random.int(1, 2) : this.random.chance(0.3) ? 1 : 0;
      return this.plan(student, current, uploads, when, performances, when);
    });
    await this.carryOut(plans);
    const counselor = this.staff('counselor');
    if (!counselor) return;
    const students = this.studentsOf(current);
    await actAs(this.services, this.actor(counselor), async (at) => {
      for (const [index, idea] of COUNSELING_IDEAS.entries()) {
        const moment = this.currentMoment('teacher');
        const group = index % 2 === 1;
        const chosen = this.random.sample(students, group ? this.random.int(3, 6) : 1);
        const input = {
          kind: group ? CounselingKind.GROUP : CounselingKind.INDIVIDUAL,
          studentIds: chosen.map((student) => toGlobalId('Student', student.id)),
          heldOn: taipeiIsoDate(moment),
          topic: idea.topic,
          content: idea.content,
        };
        must(await recordCounseling(at(moment), input), 'counseling record');
        this.counts.counseling += 1;
      }
    });
  }
}

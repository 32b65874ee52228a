import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../common/auth-checker.js';
import type { AppContext } from '../../common/context.js';
import { PayloadType, payload } from '../../common/user-error.js';
import { hasRole } from '../../common/viewer.js';
import { Role } from '../../common/roles.js';
import { mayViewStudent, maySeeClass } from '../people/people.permissions.js';
import { Student } from '../people/student.entity.js';
import { UserAccount } from '../people/user-account.entity.js';
import { SchoolClass } from '../people/school-class.entity.js';
import { Term } from '../term/term.entity.js';
import { termArgumentOrCurrent } from '../term/term.service.js';
import { EnterGradesInput } from './dto/grades.input.js';
import { Course, CourseSection, Enrolment } from './course.entity.js';
import { enterGrades } from './grades.service.js';

const EnterGradesPayload = PayloadType('EnterGradesPayload', 'enrolments', () => [Enrolment], { nullable: false });
type EnterGradesPayload = InstanceType<typeof EnterGradesPayload>;

@Resolver(() => CourseSection)
export class CourseSectionResolver {
  @Authorized(Role.TEACHER)
  @Query(() => [CourseSection], { description: '我任教的開課班別（預設目前學期）' })
  async mySections(
    @Arg('termId', () => ID, { nullable: true }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<CourseSection[]> {
    const viewer = requireViewer(ctx);
    const term = await termArgumentOrCurrent(ctx, termId);
    if (!term) return [];
    return ctx.em.find(
      CourseSection,
      { teacher: viewer.accountId, course: { term: term.id } },
      { orderBy: { name: 'asc' } },
    );
  }

  @FieldResolver(() => Course)
  async course(@Root() section: CourseSection, @Ctx() ctx: AppContext): Promise<Course | null> {
    return ctx.loaders.courseById.load(section.course.id);
  }

  @FieldResolver(() => UserAccount, { nullable: true, description: '任課教師' })
  teacher(@Root() section: CourseSection, @Ctx() ctx: AppContext): Promise<UserAccount | null> | null {
    return section.teacher ? ctx.loaders.accountById.load(section.teacher.id) : null;
  }

  @FieldResolver(() => [Enrolment], { description: '修課學生與成績（任課教師與行政人員）' })
  enrolments(@Root() section: CourseSection, @Ctx() ctx: AppContext): Promise<Enrolment[]> | Enrolment[] {
    const viewer = ctx.viewer;
    const mine = section.teacher?.id === viewer?.accountId;
    if (!mine && !hasRole(viewer, Role.SCHOOL_ADMIN)) return [];
    return ctx.loaders.enrolmentsBySection.load(section.id);
  }

  @FieldResolver(() => Boolean, { description: '目前使用者是這個班別的任課教師' })
  viewerIsTeacher(@Root() section: CourseSection, @Ctx() ctx: AppContext): boolean {
    return section.teacher?.id === ctx.viewer?.accountId;
  }

  @Authorized(Role.TEACHER)
  @Mutation(() => EnterGradesPayload, { description: '登錄學期成績（只限自己任教的班別，並在成績登錄期間內）' })
  async enterGrades(@Arg('input') input: EnterGradesInput, @Ctx() ctx: AppContext): Promise<EnterGradesPayload> {
    return payload(new EnterGradesPayload(), 'enrolments', await enterGrades(ctx, input), []);
  }
}

@Resolver(() => Course)
export class CourseResolver {
  @FieldResolver(() => Term)
  term(@Root() course: Course, @Ctx() ctx: AppContext): Promise<Term | null> {
    return ctx.loaders.termById.load(course.term.id);
  }
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => Student)
  student(@Root() enrolment: Enrolment, @Ctx() ctx: AppContext): Promise<Student | null> {
    return ctx.loaders.studentById.load(enrolment.student.id);
  }

  @FieldResolver(() => CourseSection)
  section(@Root() enrolment: Enrolment, @Ctx() ctx: AppContext): Promise<CourseSection | null> {
    return ctx.loaders.sectionById.load(enrolment.section.id);
  }
}

/** The homeroom view: a class's students and each one's records for a term. */
@Resolver(() => SchoolClass)
export class ClassRosterResolver {
  @FieldResolver(() => [Student], { description: '班上學生，依座號（導師與行政人員）' })
  async students(@Root() schoolClass: SchoolClass, @Ctx() ctx: AppContext): Promise<Student[]> {
    if (!maySeeClass(ctx.viewer, schoolClass)) return [];
    return ctx.loaders.studentsByClass.load(schoolClass.id);
  }
}

@Resolver(() => Student)
export class StudentRecordsResolver {
  @FieldResolver(() => [Enrolment], { description: '這學期（或指定學期）的修課紀錄與成績' })
  async enrolments(
    @Root() student: Student,
    @Arg('termId', () => ID, { nullable: true }) termId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Enrolment[]> {
    if (!(await mayViewStudent(ctx, student))) return [];
    const term = await termArgumentOrCurrent(ctx, termId);
    return term ? ctx.loaders.enrolmentsOfStudentInTerm(term.id).load(student.id) : [];
  }
}

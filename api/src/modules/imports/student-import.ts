import { ref } from '@mikro-orm/core';
import { hasSection } from '../../common/viewer.js';
import { AdminSection } from '../../common/roles.js';
import { buildStudent } from '../people/student.service.js';
import {
  createStudentLogins,
  LOGIN_NAME,
  loginNameProblem,
  loginNamesTaken,
  schoolLoginRule,
  studentLoginName,
} from '../people/student-login.service.js';
import { Student } from '../people/student.entity.js';
import { SchoolClass } from '../people/school-class.entity.js';
import { School } from '../school/school.entity.js';
import { rowProblem, type RowProblem } from './columns.js';
import { gradeYearOfClassName, type ImportKindHandler, Tally } from './import-kind.js';
import { ImportKind } from './import-run.entity.js';
import { parseStudentRoster, STUDENT_COLUMNS, type StudentRosterRow } from './student-roster.js';

/**
 * 學生名冊: students by 學號, and the classes they sit in (created for the term's academic year when new, with the
 * grade year read from the class name 101/201/301). Every student on it gets a login by the school's rule when they
 * have none (its first password comes with the class's slips); an existing login is kept as it is.
 */
export const studentImport: ImportKindHandler = {
  kind: ImportKind.STUDENTS,
  columns: STUDENT_COLUMNS,
  permission: '匯入學生名冊（限註冊組）',
  mayImport: (viewer) => hasSection(viewer, AdminSection.REGISTRATION),

  async plan({ em, services, schoolId, term, today }, file) {
    const { rows, problems } = parseStudentRoster(file, today);
    const academicYear = term.academicYear;
    const classes = new Map(
      (await em.find(SchoolClass, { academicYear })).map((schoolClass) => [schoolClass.name, schoolClass]),
    );
    const existing = await em.find(Student, {});
    const byNumber = new Map(existing.map((student) => [student.studentNumber, student]));
    const byDigest = new Map(existing.map((student) => [student.nationalIdDigest, student]));
    const loginRule = await schoolLoginRule(em, schoolId);
    const loginNameOf = (studentNumber: string) =>
      studentLoginName(loginRule.studentLoginPattern, loginRule.code, studentNumber);
    const needLogin = rows
      .filter((row) => !byNumber.get(row.studentNumber)?.account)
      .map((row) => loginNameOf(row.studentNumber));
    const takenLogins = await loginNamesTaken(
      em,
      needLogin.filter((name) => LOGIN_NAME.test(name)),
    );

    const newClasses = new Map<string, number>();
    const planned: { row: StudentRosterRow; digest: string; student: Student | undefined }[] = [];
    const tally = new Tally();
    for (const row of rows) {
      const rowProblems: RowProblem[] = [];
      const digest = services.pii.digest(row.nationalId);
      const student = byNumber.get(row.studentNumber);
      const holder = byDigest.get(digest);
      if (holder && holder !== student) {
        rowProblems.push(
          rowProblem(
            row.rowNumber,
            '身分證號',
            'DUPLICATE_NATIONAL_ID',
            `已屬於本校另一位學生（學號 ${holder.studentNumber}）。`,
          ),
        );
      }
      if (!classes.has(row.className) && !newClasses.has(row.className)) {
        const gradeYear = gradeYearOfClassName(row.className);
        if (gradeYear === null) {
          rowProblems.push(
            rowProblem(
              row.rowNumber,
              '班級',
              'UNKNOWN_CLASS',
              `本學年沒有「${row.className}」班；新班級請用 3 碼班級代號（如 101、201、301），以判斷年級。`,
            ),
          );
        } else newClasses.set(row.className, gradeYear);
      }
      if (!student?.account) {
        const loginName = loginNameOf(row.studentNumber);
        // 學號 A001 and a001 are two students but one login name once lowercased: the second is taken by the first.
        const problem = loginNameProblem(loginName, takenLogins);
        if (problem) rowProblems.push(rowProblem(row.rowNumber, '學號', problem.code, problem.message));
        else takenLogins.add(loginName);
      }
      if (rowProblems.length > 0) {
        problems.push(...rowProblems);
        continue;
      }
      planned.push({ row, digest, student });
      const schoolClass = classes.get(row.className);
      const same =
        student &&
        student.name === row.name &&
        student.nationalIdDigest === digest &&
        student.birthDate === row.birthDate &&
        student.gender === row.gender &&
        student.cohort === row.cohort &&
        student.seatNumber === row.seatNumber &&
        student.status === row.status &&
        schoolClass !== undefined &&
        student.schoolClass?.id === schoolClass.id &&
        Boolean(student.account);
      tally.count(!student ? 'create' : same ? 'same' : 'update');
    }
    problems.sort((a, b) => a.rowNumber - b.rowNumber);

    return {
      rowCount: file.rows.length,
      problems,
      counts: { ...tally },
      async apply() {
        for (const [name, gradeYear] of newClasses) {
          classes.set(
            name,
            em.create(SchoolClass, { school: em.getReference(School, schoolId), academicYear, name, gradeYear }),
          );
        }
        const changed: Student[] = [];
        const withoutLogin: Student[] = [];
        for (const { row, digest, student } of planned) {
          const schoolClass = classes.get(row.className)!;
          if (!student) {
            const created = buildStudent(em, services.pii, schoolId, row, schoolClass);
            created.statusChangedAt = today;
            changed.push(created);
            withoutLogin.push(created);
            continue;
          }
          if (!student.account) withoutLogin.push(student);
          const updates: Partial<Student> = {};
          if (student.name !== row.name) updates.name = row.name;
          if (student.nationalIdDigest !== digest) {
            updates.nationalIdDigest = digest;
            updates.nationalIdEncrypted = services.pii.encrypt(row.nationalId);
          }
          if (student.birthDate !== row.birthDate) updates.birthDate = row.birthDate;
          if (student.gender !== row.gender) updates.gender = row.gender;
          if (student.cohort !== row.cohort) updates.cohort = row.cohort;
          if (student.seatNumber !== row.seatNumber) updates.seatNumber = row.seatNumber;
          const statusChanges = student.status !== row.status;
          student.changeStatus(row.status, today);
          if (student.schoolClass?.id !== schoolClass.id) updates.schoolClass = ref(schoolClass);
          Object.assign(student, updates);
          if (Object.keys(updates).length > 0 || statusChanges || !student.account) changed.push(student);
        }
        await createStudentLogins(em, loginRule, withoutLogin);
        await em.flush();
        return { initialPasswords: [], changedIds: changed.map((student) => student.id) };
      },
    };
  },
};

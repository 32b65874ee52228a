import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskKind } from '../../api/src/modules/timeline/timeline.enums.js';
import type { TestSchool } from '../support/factory.js';
import { DEFAULT_TEST_NOW, startTestApp, type TestApp } from '../support/harness.js';

const DAY = 24 * 3600_000;
const at = (days: number) => new Date(DEFAULT_TEST_NOW.getTime() + days * DAY);
const TODO = '{ myTodo { kind taskLabel count message path } }';

interface Todo {
  kind: string;
  taskLabel: string;
  count: number;
  message: string;
  path: string;
}

let app: TestApp;
let school: TestSchool;

beforeAll(async () => {
  app = await startTestApp();
  const city = await app.factory.city();
  school = await city.school();
  await city.timeline(
    [
      { kind: TaskKind.UPLOAD_COURSE_OUTCOMES, startsAt: at(-1), endsAt: at(5) },
      { kind: TaskKind.CERTIFY_COURSE_OUTCOMES, startsAt: at(-1), endsAt: at(6) },
      { kind: TaskKind.SELECT_COURSE_OUTCOMES, startsAt: at(-1), endsAt: at(7) },
      { kind: TaskKind.SELECT_PERFORMANCES, startsAt: at(-1), endsAt: at(8) },
      // Not open yet: nothing to do there today.
      { kind: TaskKind.UPLOAD_PERFORMANCES, startsAt: at(2), endsAt: at(9) },
    ],
    [school],
  );
});
afterAll(() => app.close());

describe('a student’s to-do list', () => {
  it('counts, per open window, what the student still has to do, as the database has it', async () => {
    const student = school.students[0]!;
    const teacher = school.accounts.find((account) => account.username === school.logins.teacher.username)!;
    const [physics] = await app.factory.sections(school, [
      { subjectName: '物理', teacher, students: [student] },
      { subjectName: '化學', teacher, students: [student] },
    ]);
    await app.factory.outcomes(school, physics!, 3, teacher.id);
    const outcomes = await app.sql<{ id: string }>(
      'select id from course_outcome where school_id = ? and student_id = ? order by id',
      [school.school.id, student.id],
    );
    await app.sql(`update course_outcome set status = 'CERTIFIED' where id = ?`, [outcomes[0]!.id]);
    await app.sql(`update course_outcome set status = 'CERTIFIED', selected_at = now() where id = ?`, [
      outcomes[1]!.id,
    ]);
    await app.sql(`update course_outcome set status = 'REJECTED' where id = ?`, [outcomes[2]!.id]);
    await app.sql(
      `insert into diverse_performance (school_id, id, student_id, academic_year_id, category, title, description,
                                        created_at, updated_at)
       values (?, gen_random_uuid(), ?, ?, 'OTHER', '淨灘志工', '簡述', now(), now())`,
      [school.school.id, student.id, school.years.at(-1)!.id],
    );
    const count = async (sql: string) => (await app.sqlOne<{ n: number }>(sql, [school.school.id, student.id])).n;
    const withoutOutcome = await count(
      `select count(*)::int as n from enrolment e where e.school_id = ? and e.student_id = ?
       and not exists (select 1 from course_outcome o where o.enrolment_id = e.id)`,
    );
    expect(withoutOutcome).toBe(1);

    const client = await app.client().login(school.logins.student.username, school.logins.student.password);
    const { myTodo } = await client.ok<{ myTodo: Todo[] }>(TODO);
    expect(myTodo).toEqual([
      {
        kind: 'UPLOAD_COURSE_OUTCOMES',
        taskLabel: '上傳 115學年度第1學期 課程學習成果',
        count: withoutOutcome,
        message: '您還有 1 門課尚未上傳課程學習成果，上傳期限 115/12/03 09:00。',
        path: '/outcomes',
      },
      {
        kind: 'UPLOAD_COURSE_OUTCOMES',
        taskLabel: '上傳 115學年度第1學期 課程學習成果',
        count: 1,
        message: '您有 1 件課程學習成果未通過認證，請看老師的理由並更換檔案（補件），期限 115/12/03 09:00。',
        path: '/outcomes',
      },
      {
        kind: 'SELECT_COURSE_OUTCOMES',
        taskLabel: '勾選 115學年度 課程學習成果',
        count: 1,
        message: '您還有 1 件課程學習成果尚未勾選，勾選期限 115/12/05 09:00。',
        path: '/selection',
      },
      {
        kind: 'SELECT_PERFORMANCES',
        taskLabel: '勾選 115學年度 多元表現',
        count: 1,
        message: '您還有 1 件多元表現尚未勾選，勾選期限 115/12/06 09:00。',
        path: '/selection',
      },
    ]);

    // Done work leaves the list: the outcome selected, the performance selected.
    await app.sql(`update course_outcome set selected_at = now() where id = ?`, [outcomes[0]!.id]);
    await app.sql(`update diverse_performance set selected_at = now() where school_id = ? and student_id = ?`, [
      school.school.id,
      student.id,
    ]);
    const after = await client.ok<{ myTodo: Todo[] }>(TODO);
    expect(after.myTodo.map((todo) => todo.kind)).toEqual(['UPLOAD_COURSE_OUTCOMES', 'UPLOAD_COURSE_OUTCOMES']);
  });

  it('is empty for staff', async () => {
    const staff = await app.client().login(school.logins.registration.username, school.logins.registration.password);
    expect((await staff.ok<{ myTodo: Todo[] }>(TODO)).myTodo).toEqual([]);
  });
});

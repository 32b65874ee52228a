import { graphql } from '../gql';
import type { HomePage_MeFragment } from '../gql/graphql';
import { BureauDeadlines } from '../components/BureauDeadlines';
import { Deadlines } from '../components/Deadlines';
import { StudentTodo } from '../components/StudentTodo';
import { rocCalendarDate, rocDateTime } from '../lib/roc';

export const HomePageMeFragment = graphql(`
  fragment HomePage_Me on Me {
    displayName
    roleLabels
    sessionExpiresAt
    viewerCanPublishTemplates
    currentTerm {
      id
      label
      rocPeriod
    }
    student {
      id
      studentNumber
      name
      nationalId
      birthDate
      cohortLabel
      seatNumber
      statusLabel
      schoolClass {
        id
        name
      }
    }
    homeroomClasses {
      id
      name
      gradeYear
    }
  }
`);

export function HomePage({ me }: { me: HomePage_MeFragment }) {
  return (
    <section>
      <h1>歡迎，{me.displayName}</h1>
      {me.currentTerm && (
        <p>
          目前學期：{me.currentTerm.label}（{me.currentTerm.rocPeriod}）
        </p>
      )}
      <p className="muted">這次登入將於 {rocDateTime(me.sessionExpiresAt)} 到期。</p>
      {me.student && <StudentTodo />}
      {me.currentTerm && <Deadlines />}
      {me.viewerCanPublishTemplates && <BureauDeadlines />}
      {me.student && (
        <dl className="card" aria-label="我的學籍資料">
          <dt>學號</dt>
          <dd>{me.student.studentNumber}</dd>
          <dt>班級座號</dt>
          <dd>
            {me.student.schoolClass?.name ?? '—'} 班 {me.student.seatNumber ?? '—'} 號
          </dd>
          <dt>身分證字號</dt>
          <dd>{me.student.nationalId}</dd>
          <dt>出生日期</dt>
          <dd>{rocCalendarDate(me.student.birthDate)}</dd>
          <dt>入學年度</dt>
          <dd>{me.student.cohortLabel}</dd>
          <dt>學籍狀態</dt>
          <dd>{me.student.statusLabel}</dd>
        </dl>
      )}
      {me.homeroomClasses.length > 0 && (
        <p>您是 {me.homeroomClasses.map((c) => c.name).join('、')} 班的導師，可在「學生名單」查看班上學生。</p>
      )}
    </section>
  );
}

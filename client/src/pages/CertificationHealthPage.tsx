import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorList } from '../components/ErrorList';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import type { CertificationHealthPageQuery } from '../gql/graphql';
import { rocDate, rocDateTime } from '../lib/roc';
import './CertificationHealthPage.css';

const HealthQuery = graphql(`
  query CertificationHealthPage {
    me {
      id
      adminSections
    }
    certificationHealth {
      asOf
      policy {
        routeAfterDays
        isDefault
        minDays
        maxDays
        updatedAt
      }
      school {
        waiting
        overdue
        routed
        oldestDays
        medianDays
        oldestWaitingSince
      }
      schoolDecisions
      schoolRejected
      schoolRejectionRate
      rejectionRule
      teachers {
        teacher {
          id
          displayName
        }
        waiting
        overdue
        routed
        oldestDays
        medianDays
        oldestWaitingSince
        proxies {
          id
          displayName
        }
        needsProxy
        action
        decisions
        rejected
        rejectionRate
        othersRejectionRate
        rejectionFlagged
      }
      sections {
        sectionId
        subjectName
        sectionName
        termLabel
        teacher {
          id
          displayName
        }
        waiting
        overdue
        routed
        oldestDays
        medianDays
        oldestWaitingSince
      }
    }
  }
`);

const SetPolicyMutation = graphql(`
  mutation CertificationHealthSetPolicy($input: CertificationPolicyInput!) {
    setCertificationPolicy(input: $input) {
      policy {
        routeAfterDays
        isDefault
        updatedAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Health = CertificationHealthPageQuery['certificationHealth'];

const percent = (rate: number | null | undefined) => (rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const days = (value: number | null | undefined) => (value == null ? '—' : `${value} 天`);
/** Since when the oldest item waits; before certification opens nobody can certify it, so that is said instead. */
const waitingSince = (value: string | null | undefined, asOf: string): string => {
  if (!value) return '';
  return new Date(value) > new Date(asOf) ? `（認證 ${rocDate(value)} 起開放）` : `（自 ${rocDate(value)}）`;
};

/**
 * 教學組 sets after how many days a waiting item goes to the teacher's proxy. The form is made anew when the saved
 * days come back (its field starts from them), so the page keeps the notice of what was saved.
 */
function PolicyForm({
  health,
  canSet,
  notice,
  setNotice,
  onSaved,
}: {
  health: Health;
  canSet: boolean;
  notice: string | null;
  setNotice: (notice: string | null) => void;
  onSaved: () => void;
}) {
  const [value, setValue] = useState(String(health.policy.routeAfterDays));
  const [messages, setMessages] = useState<string[]>([]);
  const [save, state] = useMutation(SetPolicyMutation);
  const { minDays, maxDays } = health.policy;

  if (!canSet) {
    return (
      <p>
        待認證滿 <strong>{health.policy.routeAfterDays}</strong> 天，自動轉給任課教師的認證代理人（由教學組設定）。
      </p>
    );
  }
  return (
    <form
      className="policy-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMessages([]);
        setNotice(null);
        const parsed = Number(value);
        if (!Number.isInteger(parsed) || parsed < minDays || parsed > maxDays) {
          setMessages([`轉派天數必須是 ${minDays} 到 ${maxDays} 的整數。`]);
          return;
        }
        void save({ variables: { input: { routeAfterDays: parsed } } }).then((result) => {
          const payload = result.data?.setCertificationPolicy;
          const errors = payload?.userErrors.map((e) => e.message) ?? ['儲存失敗，請再試一次。'];
          if (!payload?.policy) setMessages(errors);
          else {
            setNotice(`已設定：待認證滿 ${payload.policy.routeAfterDays} 天自動轉給代理人。`);
            onSaved();
          }
        });
      }}
    >
      <label>
        待認證滿幾天自動轉給代理人（{minDays}–{maxDays} 天）
        <input
          type="number"
          inputMode="numeric"
          min={minDays}
          max={maxDays}
          step={1}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          required
        />
      </label>
      <button type="submit" disabled={state.loading}>
        儲存轉派天數
      </button>
      <p className="hint">
        {health.policy.isDefault
          ? `目前採預設值 ${health.policy.routeAfterDays} 天。`
          : `最近設定於 ${health.policy.updatedAt ? rocDateTime(health.policy.updatedAt) : ''}。`}
      </p>
      <ErrorList messages={messages} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
    </form>
  );
}

/**
 * 認證健康度: how long outcomes wait for certification per teacher and per section, which went to the proxy, who
 * needs one, and whose rejection rate stands far above the rest of the school.
 */
export function CertificationHealthPage() {
  const { data, error, refetch } = useQuery(HealthQuery, { fetchPolicy: 'cache-and-network' });
  const [policyNotice, setPolicyNotice] = useState<string | null>(null);
  if (error) return <ErrorList messages={[error.message]} />;
  if (!data) return <p>載入中…</p>;
  const health = data.certificationHealth;
  const canSet = data.me?.adminSections.includes('TEACHING') ?? false;
  const needProxy = health.teachers.filter((t) => t.needsProxy);
  const flagged = health.teachers.filter((t) => t.rejectionFlagged);

  return (
    <section className="certification-health">
      <h1>認證健康度</h1>
      <p className="hint">
        計算時間 {rocDateTime(health.asOf)}。等候天數從成果目前版本上傳（或更換）起算，但不早於該學期認證期程開始；滿 24
        小時算一天。
      </p>

      <h2>轉派規則</h2>
      <PolicyForm
        key={health.policy.routeAfterDays}
        health={health}
        canSet={canSet}
        notice={policyNotice}
        setNotice={setPolicyNotice}
        onSaved={() => void refetch()}
      />

      <h2>全校待認證</h2>
      <dl className="summary" data-testid="school-summary">
        <dt>待認證</dt>
        <dd>{health.school.waiting} 件</dd>
        <dt>已達轉派天數</dt>
        <dd>{health.school.overdue} 件</dd>
        <dt>已自動轉給代理人</dt>
        <dd>{health.school.routed} 件</dd>
        <dt>最久等候</dt>
        <dd>
          {days(health.school.oldestDays)}
          {waitingSince(health.school.oldestWaitingSince, health.asOf)}
        </dd>
        <dt>等候天數中位數</dt>
        <dd>{days(health.school.medianDays)}</dd>
      </dl>

      {needProxy.length > 0 && (
        <div className="warnings" role="note" aria-label="需要指定代理人" data-testid="needs-proxy">
          {needProxy.map((t) => (
            <p key={t.teacher.id}>
              {t.teacher.displayName}：{t.overdue} 件已等候超過 {health.policy.routeAfterDays} 天，沒有代理人。
              <Link to="/proxies">{t.action}</Link>
            </p>
          ))}
        </div>
      )}

      <h2>各教師</h2>
      {health.teachers.length === 0 ? (
        <p className="muted">目前沒有待認證的成果，近一年也沒有認證紀錄。</p>
      ) : (
        <TableScroll label="各教師的認證健康度">
          <table data-testid="teacher-health">
            <thead>
              <tr>
                <th>教師</th>
                <th>待認證</th>
                <th>最久等候</th>
                <th>中位數</th>
                <th>逾期／已轉派</th>
                <th>代理人</th>
                <th>未通過比例</th>
              </tr>
            </thead>
            <tbody>
              {health.teachers.map((t) => (
                <tr key={t.teacher.id}>
                  <th scope="row">{t.teacher.displayName}</th>
                  <td>{t.waiting}</td>
                  <td>
                    {days(t.oldestDays)}
                    {t.oldestWaitingSince && (
                      <span className="muted">{waitingSince(t.oldestWaitingSince, health.asOf)}</span>
                    )}
                  </td>
                  <td>{days(t.medianDays)}</td>
                  <td>
                    {t.overdue}／{t.routed}
                  </td>
                  <td>
                    {t.proxies.length > 0 ? (
                      t.proxies.map((p) => p.displayName).join('、')
                    ) : t.needsProxy ? (
                      <Link to="/proxies" className="badge rejected">
                        {t.action}
                      </Link>
                    ) : (
                      <span className="muted">無</span>
                    )}
                  </td>
                  <td>
                    {percent(t.rejectionRate)}（{t.rejected}/{t.decisions}）
                    {t.rejectionFlagged && (
                      <span className="badge rejected" data-testid="rejection-flag">
                        遠高於其他教師（{percent(t.othersRejectionRate)}）
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>各課程班別</h2>
      {health.sections.length === 0 ? (
        <p className="muted">目前沒有待認證的成果。</p>
      ) : (
        <TableScroll label="各課程班別的待認證">
          <table data-testid="section-health">
            <thead>
              <tr>
                <th>課程</th>
                <th>任課教師</th>
                <th>待認證</th>
                <th>最久等候</th>
                <th>中位數</th>
                <th>逾期／已轉派</th>
              </tr>
            </thead>
            <tbody>
              {health.sections.map((x) => (
                <tr key={x.sectionId}>
                  <th scope="row">
                    {x.subjectName} {x.sectionName}
                    <span className="muted">（{x.termLabel}）</span>
                  </th>
                  <td>{x.teacher?.displayName ?? '—'}</td>
                  <td>{x.waiting}</td>
                  <td>
                    {days(x.oldestDays)}
                    <span className="muted">{waitingSince(x.oldestWaitingSince, health.asOf)}</span>
                  </td>
                  <td>{days(x.medianDays)}</td>
                  <td>
                    {x.overdue}／{x.routed}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>未通過比例</h2>
      <p>
        全校近一年 {health.schoolDecisions} 件認證決定，未通過 {health.schoolRejected} 件（
        {percent(health.schoolRejectionRate)}）。
      </p>
      <p className="hint" data-testid="rejection-rule">
        標示規則：{health.rejectionRule}
      </p>
      {flagged.length > 0 && (
        <p data-testid="flagged-teachers">需要了解的教師：{flagged.map((t) => t.teacher.displayName).join('、')}</p>
      )}
    </section>
  );
}

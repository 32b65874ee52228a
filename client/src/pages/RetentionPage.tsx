import { useQuery } from '@apollo/client/react';
import { ErrorList } from '../components/ErrorList';
import { graphql } from '../gql';
import type { RetentionKindFiguresFragment } from '../gql/graphql';

// The fields each kind's card shows, spread into both queries.
graphql(`
  fragment RetentionKindFigures on RetentionKindReport {
    kind
    kindLabel
    rowLabel
    days
    enabled
    cutoffRoc
    dueRows
    dueStudents
    dueFiles
    heldRows
    heldStudents
    inUseRows
  }
`);

const RetentionViewerQuery = graphql(`
  query RetentionViewer {
    me {
      id
      kind
    }
  }
`);

const SchoolRetentionQuery = graphql(`
  query SchoolRetention {
    retentionReport {
      asOfRoc
      kinds {
        ...RetentionKindFigures
      }
    }
  }
`);

const CityRetentionQuery = graphql(`
  query CityRetention {
    cityRetentionReport {
      schoolId
      schoolCode
      schoolName
      divisionLabel
      asOfRoc
      kinds {
        ...RetentionKindFigures
      }
    }
  }
`);

/** "5 年" for whole years (a leap day allowed for), else days. */
function periodText(days: number): string {
  const years = Math.floor(days / 365);
  return years >= 1 && days - years * 365 <= Math.floor(years / 4) + 1 ? `${years} 年` : `${days} 天`;
}

/** One kind: its period, and what the next run deletes and keeps. */
function KindCard({ figures }: { figures: RetentionKindFiguresFragment }) {
  const id = `retention-${figures.kind}`;
  return (
    <article aria-labelledby={id} className="retention-kind">
      <h3 id={id}>{figures.kindLabel}</h3>
      <dl className="card">
        <dt>保存期限</dt>
        <dd>
          {figures.enabled
            ? `畢業或轉出後 ${periodText(figures.days)}（${figures.cutoffRoc} 以前離校者已屆期）`
            : '不刪除（保存期限設為 0／off）'}
        </dd>
        {figures.enabled && (
          <>
            <dt>下次刪除</dt>
            <dd>
              {figures.dueRows} 筆{figures.rowLabel}，{figures.dueStudents} 位學生
              {figures.dueFiles > 0 && `，${figures.dueFiles} 個檔案`}
            </dd>
            <dt>保留</dt>
            <dd>
              {figures.heldRows} 筆，{figures.heldStudents} 位學生（尚未完成最終提交）
            </dd>
            {figures.inUseRows > 0 && (
              <>
                <dt>暫時保留</dt>
                <dd>{figures.inUseRows} 筆（仍被其他保留中的資料引用）</dd>
              </>
            )}
          </>
        )}
      </dl>
    </article>
  );
}

function Explanation() {
  return (
    <p>
      每天凌晨的保存期限作業會刪除畢業或轉出已超過保存期限的學生資料，並記入稽核紀錄。所屬學期（學年度）尚未完成最終提交的資料一律保留。檔案在沒有其他資料使用相同內容時，才由檔案清理作業移除。以下是下一次作業的預演。
    </p>
  );
}

function SchoolRetention() {
  const { data, error, loading } = useQuery(SchoolRetentionQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      {error && <ErrorList messages={[error.message]} />}
      {loading && !data && <p>載入中…</p>}
      {data && (
        <>
          <p className="muted">計算日期：{data.retentionReport.asOfRoc}</p>
          <h2>各類資料</h2>
          {data.retentionReport.kinds.map((kind) => (
            <KindCard key={kind.kind} figures={kind} />
          ))}
        </>
      )}
    </>
  );
}

function CityRetention() {
  const { data, error, loading } = useQuery(CityRetentionQuery, { fetchPolicy: 'cache-and-network' });
  const schools = data?.cityRetentionReport ?? [];
  return (
    <>
      {error && <ErrorList messages={[error.message]} />}
      {loading && !data && <p>載入中…</p>}
      {data && <h2>所轄學校</h2>}
      {data && schools.length === 0 && <p>目前沒有所轄學校。</p>}
      {schools.map((school) => {
        const due = school.kinds.reduce((sum, kind) => sum + kind.dueRows, 0);
        const held = school.kinds.reduce((sum, kind) => sum + kind.heldRows, 0);
        return (
          <details key={school.schoolId} className="retention-school">
            <summary>
              {school.schoolName} {school.divisionLabel}（{school.schoolCode}）：下次刪除 {due} 筆，保留 {held} 筆
            </summary>
            <p className="muted">計算日期：{school.asOfRoc}</p>
            {school.kinds.map((kind) => (
              <KindCard key={kind.kind} figures={kind} />
            ))}
          </details>
        );
      })}
    </>
  );
}

/** 資料保存期限 (`/retention`): what the next retention run deletes and keeps, for the school or the bureau's schools. */
export function RetentionPage() {
  const { data, error } = useQuery(RetentionViewerQuery);
  return (
    <section>
      <h1>資料保存期限</h1>
      <Explanation />
      {error && <ErrorList messages={[error.message]} />}
      {!data && !error && <p>載入中…</p>}
      {data && (data.me?.kind === 'BUREAU' ? <CityRetention /> : <SchoolRetention />)}
    </section>
  );
}

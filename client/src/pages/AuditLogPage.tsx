import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { LoadMore } from '../components/LoadMore';
import { graphql } from '../gql';
import type { AuditArea } from '../gql/graphql';
import { appendPage } from '../lib/pagination';
import { rocDateTimeSeconds } from '../lib/roc';
import { TableScroll } from '../components/TableScroll';
import { RocDateField } from '../components/RocDateField';

const AuditLogQuery = graphql(`
  query AuditLogPage($area: AuditArea, $actorId: ID, $from: DateTimeISO, $to: DateTimeISO, $after: String) {
    auditLog(area: $area, actorId: $actorId, from: $from, to: $to, first: 50, after: $after) {
      nodes {
        id
        occurredAt
        operation
        operationLabel
        targetCount
        detailText
        requestId
        actor {
          id
          displayName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AuditAreasQuery = graphql(`
  query AuditLogPageAreas {
    auditAreas {
      value
      label
    }
  }
`);

const DAY_MS = 24 * 3600_000;

/** A date input's "2026-11-28" as the instant its day begins in Taipei, plus whole days. */
function taipeiDayStart(isoDate: string, plusDays = 0): string {
  return new Date(new Date(`${isoDate}T00:00:00+08:00`).getTime() + plusDays * DAY_MS).toISOString();
}

/** 稽核紀錄: who did what and when at this school, newest first, narrowed by area, account and dates. */
export function AuditLogPage() {
  const [area, setArea] = useState<AuditArea | ''>('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [actor, setActor] = useState<{ id: string; displayName: string } | null>(null);
  const areas = useQuery(AuditAreasQuery);
  const { data, error, loading, fetchMore } = useQuery(AuditLogQuery, {
    variables: {
      area: area || null,
      actorId: actor?.id ?? null,
      from: fromDay ? taipeiDayStart(fromDay) : null,
      // The chosen end day is included: up to the start of the day after it.
      to: toDay ? taipeiDayStart(toDay, 1) : null,
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.auditLog;
  const entries = connection?.nodes ?? [];

  return (
    <section>
      <h1>稽核紀錄</h1>
      <div className="toolbar">
        <label>
          類別
          <select value={area} onChange={(event) => setArea(event.target.value as AuditArea | '')}>
            <option value="">全部</option>
            {areas.data?.auditAreas.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <RocDateField label="起日" value={fromDay} max={toDay} onChange={setFromDay} />
        <RocDateField label="迄日" value={toDay} min={fromDay} onChange={setToDay} />
        {actor && (
          <span className="badge selected">
            只看 {actor.displayName} 的操作{' '}
            <button type="button" className="link" aria-label="不限帳號" onClick={() => setActor(null)}>
              ×
            </button>
          </span>
        )}
      </div>
      {error && <ErrorList messages={[error.message]} />}
      {data && entries.length === 0 && <p>沒有符合條件的紀錄。</p>}
      {entries.length > 0 && (
        <TableScroll label="稽核紀錄">
          <table data-testid="audit-log">
            <thead>
              <tr>
                <th>時間</th>
                <th>帳號</th>
                <th>操作</th>
                <th>筆數</th>
                <th>內容</th>
                <th>請求編號</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{rocDateTimeSeconds(entry.occurredAt)}</td>
                  <td>
                    {entry.actor ? (
                      <button
                        type="button"
                        className="link"
                        title="只看這個帳號的操作"
                        onClick={() => setActor(entry.actor ?? null)}
                      >
                        {entry.actor.displayName}
                      </button>
                    ) : (
                      '系統'
                    )}
                  </td>
                  <td>{entry.operationLabel}</td>
                  <td className="number">{entry.targetCount}</td>
                  <td className="prose">{entry.detailText}</td>
                  <td>
                    <code>{entry.requestId.slice(0, 8)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {loading && <p>載入中…</p>}
      <LoadMore
        pageInfo={connection?.pageInfo}
        loading={loading}
        onLoadMore={(after) => fetchMore({ variables: { after }, updateQuery: appendPage('auditLog') })}
      />
    </section>
  );
}

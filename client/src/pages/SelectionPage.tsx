import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorList } from '../components/ErrorList';
import { useTermChoice } from '../components/TermPicker';
import { useOpenWindowPeriod } from '../components/useOpenWindowPeriod';
import { WindowNotice } from '../components/WindowNotice';
import { FinalLockNotice, useFinalLock } from '../components/FinalLock';
import { graphql } from '../gql';
import { STATUS_LABELS } from '../lib/evidence';
import { rocDateTime } from '../lib/roc';

const SelectionQuery = graphql(`
  query SelectionPage($termId: ID) {
    me {
      id
      currentTerm {
        id
        academicYear {
          id
          label
        }
      }
      student {
        id
        performances(termId: $termId) {
          id
          categoryLabel
          title
          description
          selectedAt
        }
      }
    }
    terms(first: 100) {
      nodes {
        id
        key
        label
        academicYear {
          id
          label
        }
      }
    }
  }
`);

const SelectionCountersQuery = graphql(`
  query SelectionCounters($termId: ID) {
    mySelection(termId: $termId) {
      academicYearId
      outcomesSelected
      outcomesMax
      performancesSelected
      performancesMax
    }
  }
`);

const TermOutcomesQuery = graphql(`
  query SelectionTermOutcomes($termId: ID!) {
    me {
      id
      student {
        id
        enrolments(termId: $termId) {
          id
          section {
            id
            name
            course {
              id
              subjectName
            }
          }
          outcomes {
            id
            status
            selectedAt
            current {
              id
              description
              decidedAt
            }
          }
        }
      }
    }
  }
`);

const SelectItemMutation = graphql(`
  mutation SelectItem($input: SelectItemInput!) {
    selectItem(input: $input) {
      outcome {
        id
        selectedAt
      }
      performance {
        id
        selectedAt
      }
      summary {
        academicYearId
        outcomesSelected
        outcomesMax
        performancesSelected
        performancesMax
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Select = (itemId: string, selected: boolean) => void;

/** One term's certified outcomes, to select; the others are counted so the student knows what still waits. */
function TermOutcomes({
  termId,
  termLabel,
  busy,
  locked,
  onSelect,
}: {
  termId: string;
  termLabel: string;
  busy: Set<string>;
  /** The year's outcomes are finally submitted: selections show, and stay as they are. */
  locked: boolean;
  onSelect: Select;
}) {
  const { data, error } = useQuery(TermOutcomesQuery, { variables: { termId }, fetchPolicy: 'cache-and-network' });
  if (error)
    return (
      <p role="alert">
        無法載入{termLabel}的學習成果：{error.message}
      </p>
    );
  const enrolments = data?.me?.student?.enrolments;
  if (!enrolments) return <p>載入中…</p>;
  const items = enrolments.flatMap((enrolment) =>
    enrolment.outcomes.map((outcome) => ({ outcome, subject: enrolment.section.course.subjectName })),
  );
  if (enrolments.length === 0) return null;
  const certified = items.filter((item) => item.outcome.status === 'CERTIFIED');
  const waiting = items.filter((item) => item.outcome.status !== 'CERTIFIED');
  return (
    <div className="term-outcomes">
      <h3>{termLabel}</h3>
      {certified.length === 0 ? (
        <p className="muted">這學期還沒有通過認證的課程學習成果。</p>
      ) : (
        <ul className="select-list">
          {certified.map(({ outcome, subject }) => (
            <li key={outcome.id}>
              <label>
                <input
                  type="checkbox"
                  checked={Boolean(outcome.selectedAt)}
                  disabled={locked || busy.has(outcome.id)}
                  onChange={(event) => onSelect(outcome.id, event.target.checked)}
                />
                <strong>{subject}</strong>：{outcome.current.description}
              </label>
              <span className="muted">
                {outcome.selectedAt
                  ? `已於 ${rocDateTime(outcome.selectedAt)} 勾選`
                  : outcome.current.decidedAt && `${rocDateTime(outcome.current.decidedAt)} 通過認證`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 && (
        <p className="muted">
          另有{' '}
          {waiting
            .map(
              (item) => `「${item.subject}：${item.outcome.current.description}」${STATUS_LABELS[item.outcome.status]}`,
            )
            .join('、')}
          ，通過認證後才能勾選。
        </p>
      )}
    </div>
  );
}

/** 勾選: choose what goes to the central database, against the caps per academic year. */
export function SelectionPage() {
  // The year's items are selected once, in the autumn after it: the year whose selection is open comes first.
  const openPeriod = useOpenWindowPeriod(['SELECT_COURSE_OUTCOMES', 'SELECT_PERFORMANCES']);
  const { termId } = useTermChoice(openPeriod ? `${openPeriod.slice(0, 3)}2` : null);
  const variables = { termId };
  const { data, error } = useQuery(SelectionQuery, {
    variables,
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const counters = useQuery(SelectionCountersQuery, {
    variables,
    skip: termId === null,
    fetchPolicy: 'cache-and-network',
  });
  const [selectItem] = useMutation(SelectItemMutation);
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<string[]>([]);
  const outcomesLocked = useFinalLock('COURSE_OUTCOMES', termId);
  const performancesLocked = useFinalLock('PERFORMANCES', termId);

  if (error) return <p role="alert">無法載入：{error.message}</p>;
  if (!data?.me) return <p>載入中…</p>;
  const student = data.me.student;
  if (!student) return <p>只有學生可以勾選。</p>;
  const year = data.terms.nodes.find((term) => term.id === termId)?.academicYear ?? data.me.currentTerm?.academicYear;
  const terms = data.terms.nodes.filter((term) => term.academicYear.id === year?.id);
  const summary = counters.data?.mySelection;

  const onSelect: Select = (itemId, selected) => {
    setErrors([]);
    setBusy((current) => new Set(current).add(itemId));
    selectItem({
      variables: { input: { itemId, selected } },
      update: (cache, result) => {
        const next = result.data?.selectItem.summary;
        if (next) cache.writeQuery({ query: SelectionCountersQuery, variables, data: { mySelection: next } });
      },
    })
      .then((result) => {
        const userErrors = result.data?.selectItem.userErrors ?? [];
        if (userErrors.length > 0) setErrors(userErrors.map((userError) => userError.message));
      })
      .catch((caught: unknown) => setErrors([(caught as Error).message]))
      .finally(() =>
        setBusy((current) => {
          const next = new Set(current);
          next.delete(itemId);
          return next;
        }),
      );
  };

  return (
    <section className="selection">
      <h1>勾選提交項目</h1>
      <p>勾選要提交到中央資料庫的項目（{year?.label ?? '本學年'}）。勾選在期間內可以取消或改選。</p>
      <FinalLockNotice message={outcomesLocked} />
      <FinalLockNotice message={performancesLocked} />
      {!(outcomesLocked && performancesLocked) && (
        <WindowNotice kinds={['SELECT_COURSE_OUTCOMES', 'SELECT_PERFORMANCES']} scope="mine" />
      )}
      {summary && (
        <div className="counters">
          <p className="counter-box" data-testid="outcome-counter">
            課程學習成果 <strong>已勾選 {`${summary.outcomesSelected}/${summary.outcomesMax}`}</strong>
          </p>
          <p className="counter-box" data-testid="performance-counter">
            多元表現 <strong>已勾選 {`${summary.performancesSelected}/${summary.performancesMax}`}</strong>
          </p>
        </div>
      )}
      <ErrorList messages={errors} />
      <article aria-label="課程學習成果">
        <h2>課程學習成果</h2>
        {terms.map((term) => (
          <TermOutcomes
            key={term.id}
            termId={term.id}
            termLabel={term.label}
            busy={busy}
            locked={Boolean(outcomesLocked)}
            onSelect={onSelect}
          />
        ))}
      </article>
      <article aria-label="多元表現">
        <h2>多元表現</h2>
        {student.performances.length === 0 ? (
          <p className="muted">本學年還沒有登錄多元表現。</p>
        ) : (
          <ul className="select-list">
            {student.performances.map((performance) => (
              <li key={performance.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={Boolean(performance.selectedAt)}
                    disabled={Boolean(performancesLocked) || busy.has(performance.id)}
                    onChange={(event) => onSelect(performance.id, event.target.checked)}
                  />
                  <strong>{performance.categoryLabel}</strong>：{performance.title}
                </label>
                <span className="muted">{performance.description}</span>
              </li>
            ))}
          </ul>
        )}
      </article>
    </section>
  );
}

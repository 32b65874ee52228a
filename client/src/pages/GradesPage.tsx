import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { ErrorList } from '../components/ErrorList';
import { graphql } from '../gql';
import { rocDateTime } from '../lib/roc';
import { TableScroll } from '../components/TableScroll';

const MySectionsQuery = graphql(`
  query GradesPageSections {
    mySections {
      id
      name
      course {
        id
        code
        subjectName
        credits
      }
    }
  }
`);

const SectionQuery = graphql(`
  query GradesPageSection($id: ID!) {
    node(id: $id) {
      id
      __typename
      ... on CourseSection {
        name
        course {
          id
          subjectName
        }
        enrolments {
          id
          termGrade
          passed
          makeupGrade
          qualitativeNote
          gradedAt
          student {
            id
            studentNumber
            name
            seatNumber
          }
        }
      }
    }
  }
`);

const EnterGradesMutation = graphql(`
  mutation EnterGrades($input: EnterGradesInput!) {
    enterGrades(input: $input) {
      enrolments {
        id
        termGrade
        passed
        makeupGrade
        qualitativeNote
        gradedAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

type Column = 'termGrade' | 'makeupGrade' | 'qualitativeNote';
const COLUMNS: Column[] = ['termGrade', 'makeupGrade', 'qualitativeNote'];
type Draft = Record<Column, string>;

const toNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** A grid made for entering a class's grades quickly: Enter and the arrow keys move, a pasted column fills down. */
function SectionGrid({ sectionId }: { sectionId: string }) {
  const { data, error } = useQuery(SectionQuery, { variables: { id: sectionId } });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [problems, setProblems] = useState<{ row: number | null; message: string }[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [enter, { loading }] = useMutation(EnterGradesMutation);
  if (error) return <p role="alert">無法載入學生：{error.message}</p>;
  const section = data?.node?.__typename === 'CourseSection' ? data.node : null;
  if (!section) return <p>載入中…</p>;
  const rows = section.enrolments;
  const value = (id: string, column: Column): string => {
    const draft = drafts[id]?.[column];
    if (draft !== undefined) return draft;
    const original = rows.find((row) => row.id === id)?.[column];
    return original === null || original === undefined ? '' : String(original);
  };
  const setValue = (id: string, column: Column, text: string) =>
    setDrafts((current) => ({
      ...current,
      [id]: {
        ...({
          termGrade: value(id, 'termGrade'),
          makeupGrade: value(id, 'makeupGrade'),
          qualitativeNote: value(id, 'qualitativeNote'),
        } as Draft),
        ...current[id],
        [column]: text,
      },
    }));
  const focus = (row: number, column: Column) =>
    document.querySelector<HTMLInputElement>(`[data-cell="${row}-${column}"]`)?.focus();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, column: Column) => {
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      focus(row + 1, column);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focus(row - 1, column);
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, column: Column) => {
    const lines = event.clipboardData.getData('text').replace(/\r/g, '').split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (lines.length < 2) return;
    event.preventDefault();
    lines.forEach((line, offset) => {
      const target = rows[row + offset];
      if (target) setValue(target.id, column, line.split('\t')[0]!.trim());
    });
  };
  async function save() {
    setSaved(null);
    const result = await enter({
      variables: {
        input: {
          sectionId,
          grades: rows.map((row) => ({
            enrolmentId: row.id,
            termGrade: toNumber(value(row.id, 'termGrade')),
            makeupGrade: toNumber(value(row.id, 'makeupGrade')),
            qualitativeNote: value(row.id, 'qualitativeNote') || null,
          })),
        },
      },
    });
    const errors = result.data?.enterGrades.userErrors ?? [];
    setProblems(
      errors.map((e) => {
        const row = e.field[1] === 'grades' ? Number(e.field[2]) : null;
        const student = row === null ? null : rows[row]?.student;
        return { row, message: student ? `${student.seatNumber ?? ''} 號 ${student.name}：${e.message}` : e.message };
      }),
    );
    if (errors.length === 0) {
      setDrafts({});
      setSaved(`已儲存 ${rows.length} 位學生的成績（${rocDateTime(new Date())}）。`);
    }
  }
  const rowsWithProblems = new Set(problems.map((p) => p.row));
  return (
    <section aria-label={`${section.course.subjectName} ${section.name} 成績`}>
      <h2>
        {section.course.subjectName} {section.name}
      </h2>
      <p className="muted">可以從 Excel 複製一整欄成績，貼到第一位學生的格子；Enter 或方向鍵移到下一位。</p>
      <TableScroll label="成績">
        <table className="grid">
          <thead>
            <tr>
              <th>座號</th>
              <th>學號</th>
              <th>姓名</th>
              <th>學期成績</th>
              <th>及格</th>
              <th>補考成績</th>
              <th>質性描述</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} className={rowsWithProblems.has(index) ? 'has-error' : undefined}>
                <td>{row.student.seatNumber ?? ''}</td>
                <td>{row.student.studentNumber}</td>
                <td>{row.student.name}</td>
                {COLUMNS.map((column) => {
                  const input = (
                    <td key={column}>
                      <input
                        data-cell={`${index}-${column}`}
                        aria-label={`${row.student.name}${column === 'termGrade' ? '學期成績' : column === 'makeupGrade' ? '補考成績' : '質性描述'}`}
                        inputMode={column === 'qualitativeNote' ? 'text' : 'decimal'}
                        value={value(row.id, column)}
                        onChange={(event) => setValue(row.id, column, event.target.value)}
                        onKeyDown={(event) => onKeyDown(event, index, column)}
                        onPaste={(event) => onPaste(event, index, column)}
                      />
                    </td>
                  );
                  return column === 'makeupGrade'
                    ? [
                        <td key="passed">
                          {row.passed === null || row.passed === undefined ? '—' : row.passed ? '是' : '否'}
                        </td>,
                        input,
                      ]
                    : input;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ErrorList messages={problems.map((p) => p.message)} />
      {saved && (
        <p role="status" className="notice">
          {saved}
        </p>
      )}
      <button type="button" onClick={() => void save()} disabled={loading}>
        {loading ? '儲存中…' : '儲存成績'}
      </button>
    </section>
  );
}

export function GradesPage() {
  const { data, error } = useQuery(MySectionsQuery);
  const [selected, setSelected] = useState<string | null>(null);
  if (error) return <p role="alert">無法載入任教班級：{error.message}</p>;
  if (!data) return <p>載入中…</p>;
  return (
    <section>
      <h1>成績登錄</h1>
      {data.mySections.length === 0 && <p>本學期沒有您任教的班級。</p>}
      <div className="choices">
        {data.mySections.map((section) => (
          <button
            key={section.id}
            type="button"
            className={selected === section.id ? undefined : 'secondary'}
            onClick={() => setSelected(section.id)}
          >
            {section.course.subjectName} {section.name}
          </button>
        ))}
      </div>
      {selected && <SectionGrid key={selected} sectionId={selected} />}
    </section>
  );
}

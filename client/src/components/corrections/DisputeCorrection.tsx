import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { DisputeCorrectionQuery } from '../../gql/graphql';
import { rocCalendarDate } from '../../lib/roc';
import { CadreDialog } from './CadreDialog';
import { DeleteDialog } from './DeleteDialog';
import { ENROLMENT_KIND_LABELS, EnrolmentDialog } from './EnrolmentDialog';
import { PerformanceDialog } from './PerformanceDialog';
import './corrections.css';

const RecordsQuery = graphql(`
  query DisputeCorrection($disputeId: ID!) {
    disputeRecords(disputeId: $disputeId) {
      matchedId
      notCorrectable
      cadreRecords {
        id
        unit
        position
        level
        startsOn
        endsOn
      }
      enrolments {
        id
        kind
        termGrade
        passed
        makeupGrade
        creditsCounted
        qualitativeNote
        section {
          id
          course {
            id
            code
            subjectName
          }
        }
      }
      performances {
        id
        category
        categoryLabel
        title
        description
        externalLink
        selectedAt
        details {
          key
          label
          value
        }
      }
    }
  }
`);

const DeleteCadreMutation = graphql(`
  mutation DisputeCorrectionDeleteCadre($input: DeleteCadreRecordInput!) {
    deleteCadreRecord(input: $input) {
      deletedId
      userErrors {
        code
        message
      }
    }
  }
`);

const DeletePerformanceMutation = graphql(`
  mutation DisputeCorrectionDeletePerformance($input: DeleteStudentPerformanceInput!) {
    deleteStudentPerformance(input: $input) {
      deletedId
      userErrors {
        code
        message
      }
    }
  }
`);

type Records = NonNullable<DisputeCorrectionQuery['disputeRecords']>;
type Open =
  | { kind: 'cadre'; record: Records['cadreRecords'][number] }
  | { kind: 'delete-cadre'; record: Records['cadreRecords'][number] }
  | { kind: 'enrolment'; record: Records['enrolments'][number] }
  | { kind: 'performance'; record: Records['performances'][number] }
  | { kind: 'delete-performance'; record: Records['performances'][number] };

interface Choice {
  id: string;
  title: string;
  lines: string[];
  open: Open[];
}

const detailText = (detail: { label: string; value: string }) =>
  `${detail.label}：${/^\d{4}-\d{2}-\d{2}$/.test(detail.value) ? rocCalendarDate(detail.value) : detail.value}`;
const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));
const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? '—' : value ? '是' : '否';

function choicesOf(records: Records): Choice[] {
  return [
    ...records.cadreRecords.map((record) => ({
      id: record.id,
      title: `${record.unit} ${record.position}`,
      lines: [
        `幹部等級：${record.level}`,
        `期間：${rocCalendarDate(record.startsOn)}–${rocCalendarDate(record.endsOn)}`,
      ],
      open: [
        { kind: 'cadre', record },
        { kind: 'delete-cadre', record },
      ] as Open[],
    })),
    ...records.enrolments.map((record) => ({
      id: record.id,
      title: `${record.section.course.subjectName}（${record.section.course.code}）`,
      lines: [
        `修課類別：${ENROLMENT_KIND_LABELS[record.kind]}`,
        `學期成績：${shown(record.termGrade)}`,
        `是否及格：${yesNo(record.passed)}`,
        `補考成績：${shown(record.makeupGrade)}`,
        `是否採計學分：${yesNo(record.creditsCounted)}`,
        ...(record.qualitativeNote ? [`質性描述：${record.qualitativeNote}`] : []),
      ],
      open: [{ kind: 'enrolment', record }] as Open[],
    })),
    ...records.performances.map((record) => ({
      id: record.id,
      title: `${record.categoryLabel}：${record.title}${record.selectedAt ? '（已勾選）' : ''}`,
      lines: [record.details.map(detailText).join('・'), `簡述：${record.description}`].filter(Boolean),
      open: [
        { kind: 'performance', record },
        { kind: 'delete-performance', record },
      ] as Open[],
    })),
  ];
}

const BUTTON_LABELS: Record<Open['kind'], string> = {
  cadre: '更正',
  'delete-cadre': '刪除',
  enrolment: '更正',
  performance: '更正',
  'delete-performance': '刪除',
};

/**
 * From a dispute to the record it is about: the student's records of the dispute's kind and period, the one the
 * disputed row names first, each opened to be corrected (or deleted) in a dialog. Saving answers the dispute as
 * corrected, with what changed added to the answer; the next submission from the console carries it.
 */
export function DisputeCorrection({
  disputeId,
  who,
  onDone,
}: {
  disputeId: string;
  who: string;
  onDone: (message: string) => void;
}) {
  const { data, error, refetch } = useQuery(RecordsQuery, {
    variables: { disputeId },
    fetchPolicy: 'cache-and-network',
  });
  const [open, setOpen] = useState<Open | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [deleteCadre] = useMutation(DeleteCadreMutation);
  const [deletePerformance] = useMutation(DeletePerformanceMutation);

  if (error) return <p role="alert">無法載入這件疑義的資料：{error.message}</p>;
  const records = data?.disputeRecords;
  if (!records) return <p>載入中…</p>;
  if (records.notCorrectable) return <p className="muted">{records.notCorrectable}</p>;
  const choices = choicesOf(records);
  if (choices.length === 0) return <p className="muted">找不到這位學生這段期間可以更正的資料。</p>;
  const matched = choices.find((choice) => choice.id === records.matchedId) ?? null;
  const listed = matched && !showAll ? [matched] : choices;

  const finish = (message: string) => {
    setOpen(null);
    void refetch();
    onDone(message);
  };
  const removal = (
    payload: { deletedId?: string | null; userErrors: { message: string }[] } | undefined,
    message: string,
  ): string[] => {
    if (payload?.deletedId) {
      finish(message);
      return [];
    }
    const problems = payload?.userErrors.map((e) => e.message) ?? [];
    return problems.length > 0 ? problems : ['刪除失敗，請再試一次。'];
  };

  return (
    <section aria-label="更正資料">
      <h2>更正資料</h2>
      <p className="hint">
        {matched
          ? '這是疑義的收訖明細所指的資料。更正後疑義即結案為「已更正」，回覆會附上更正內容；請再到提交主控台重新提交。'
          : '收訖明細所指的資料可能已被修改或刪除：以下是這位學生這段期間的資料，請選擇要更正的一筆。'}
      </p>
      <ul className="record-choices">
        {listed.map((choice) => (
          <li key={choice.id} className={choice.id === records.matchedId ? 'record-choice matched' : 'record-choice'}>
            <strong>{choice.title}</strong>
            {choice.lines.map((line) => (
              <span key={line}>{line}</span>
            ))}
            <div className="actions">
              {choice.open.map((action) => (
                <button
                  key={action.kind}
                  type="button"
                  className={action.kind.startsWith('delete') ? 'secondary' : undefined}
                  aria-label={`${BUTTON_LABELS[action.kind]}「${choice.title}」`}
                  onClick={() => setOpen(action)}
                >
                  {BUTTON_LABELS[action.kind]}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {matched && choices.length > 1 && (
        <button type="button" className="link" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? '只看疑義所指的資料' : `看這位學生其他 ${choices.length - 1} 筆資料`}
        </button>
      )}
      {open?.kind === 'cadre' && (
        <CadreDialog
          record={open.record}
          who={who}
          disputeId={disputeId}
          onClose={() => setOpen(null)}
          onDone={finish}
        />
      )}
      {open?.kind === 'enrolment' && (
        <EnrolmentDialog
          enrolment={open.record}
          what={`${who} ${open.record.section.course.subjectName}`}
          disputeId={disputeId}
          onClose={() => setOpen(null)}
          onDone={finish}
        />
      )}
      {open?.kind === 'performance' && (
        <PerformanceDialog
          performance={open.record}
          mode="staff"
          who={who}
          disputeId={disputeId}
          onClose={() => setOpen(null)}
          onDone={finish}
        />
      )}
      {open?.kind === 'delete-cadre' && (
        <DeleteDialog
          title={`刪除幹部紀錄：${who}`}
          disputeId={disputeId}
          onClose={() => setOpen(null)}
          onConfirm={async (answer) =>
            removal(
              (await deleteCadre({ variables: { input: { cadreRecordId: open.record.id, disputeId, answer } } })).data
                ?.deleteCadreRecord,
              '已刪除幹部紀錄，疑義已結案為「已更正」。',
            )
          }
        >
          <p>
            刪除「{open.record.unit} {open.record.position}」？刪除後隨下次提交送出，最終提交前都可以重新登錄。
          </p>
        </DeleteDialog>
      )}
      {open?.kind === 'delete-performance' && (
        <DeleteDialog
          title={`刪除多元表現：${who}`}
          disputeId={disputeId}
          onClose={() => setOpen(null)}
          onConfirm={async (answer) =>
            removal(
              (await deletePerformance({ variables: { input: { performanceId: open.record.id, disputeId, answer } } }))
                .data?.deleteStudentPerformance,
              '已刪除多元表現，疑義已結案為「已更正」。',
            )
          }
        >
          <p>刪除「{open.record.title}」？學生的檔案一併移除，這個動作無法復原。</p>
        </DeleteDialog>
      )}
    </section>
  );
}

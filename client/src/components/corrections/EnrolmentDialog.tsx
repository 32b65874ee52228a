import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { EnrolmentKind } from '../../gql/graphql';
import { FormDialog } from '../FormDialog';
import { AnswerField } from './AnswerField';

const CorrectEnrolmentMutation = graphql(`
  mutation CorrectionsCorrectEnrolment($input: CorrectEnrolmentInput!) {
    correctEnrolment(input: $input) {
      enrolment {
        id
        kind
        termGrade
        passed
        makeupGrade
        creditsCounted
        qualitativeNote
      }
      dispute {
        id
        status
        answer
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const ENROLMENT_KIND_LABELS: Record<EnrolmentKind, string> = {
  REGULAR: '一般',
  RETAKE: '重修',
  REPEAT: '重讀',
  MAKEUP: '補修',
  BORROWED: '借讀',
  TRANSFER: '轉學轉科',
};

export interface EnrolmentValues {
  id: string;
  kind: EnrolmentKind;
  termGrade?: number | null;
  passed?: boolean | null;
  makeupGrade?: number | null;
  creditsCounted?: boolean | null;
  qualitativeNote?: string | null;
}

const NOTE_MAX = 200;
type Choice = '' | 'yes' | 'no';
const toChoice = (value: boolean | null | undefined): Choice => (value === true ? 'yes' : value === false ? 'no' : '');
const fromChoice = (choice: Choice): boolean | null => (choice === '' ? null : choice === 'yes');
const toText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const toNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/**
 * 更正 what the grades roster carries of one enrolment (負責修課紀錄的處室): 修課類別, the grades, 是否及格, 是否採計學分
 * and 質性描述, before the term's final submission; from a dispute, the save answers it as corrected.
 */
export function EnrolmentDialog({
  enrolment,
  what,
  disputeId = null,
  onClose,
  onDone,
}: {
  enrolment: EnrolmentValues;
  what: string;
  disputeId?: string | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [kind, setKind] = useState<EnrolmentKind>(enrolment.kind);
  const [termGrade, setTermGrade] = useState(toText(enrolment.termGrade));
  const [passed, setPassed] = useState<Choice>(toChoice(enrolment.passed));
  const [makeupGrade, setMakeupGrade] = useState(toText(enrolment.makeupGrade));
  const [creditsCounted, setCreditsCounted] = useState<Choice>(toChoice(enrolment.creditsCounted));
  const [note, setNote] = useState(enrolment.qualitativeNote ?? '');
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [correct, { loading }] = useMutation(CorrectEnrolmentMutation);

  async function submit() {
    setErrors([]);
    const grades = [termGrade, makeupGrade].map(toNumber);
    if (grades.some((grade) => grade !== null && Number.isNaN(grade))) {
      setErrors(['成績請填 0 到 100 之間的數字，或留空。']);
      return;
    }
    try {
      const result = await correct({
        variables: {
          input: {
            enrolmentId: enrolment.id,
            kind,
            termGrade: grades[0],
            passed: fromChoice(passed),
            makeupGrade: grades[1],
            creditsCounted: fromChoice(creditsCounted),
            qualitativeNote: note.trim() || null,
            disputeId,
            answer: answer.trim() || null,
          },
        },
      });
      const payload = result.data?.correctEnrolment;
      if (!payload?.enrolment) {
        setErrors([...new Set(payload?.userErrors.map((e) => e.message) ?? ['儲存失敗，請再試一次。'])]);
        return;
      }
      onDone(payload.dispute ? '已更正修課紀錄，疑義已結案為「已更正」。' : '已更正修課紀錄。');
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  const yesNo = (label: string, value: Choice, onChange: (choice: Choice) => void, empty: string) => (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value as Choice)}>
        <option value="">{empty}</option>
        <option value="yes">是</option>
        <option value="no">否</option>
      </select>
    </label>
  );

  return (
    <FormDialog
      title={`更正修課紀錄：${what}`}
      busy={loading}
      errors={errors}
      submitLabel={disputeId ? '更正並回覆疑義' : '儲存更正'}
      onSubmit={submit}
      onClose={onClose}
    >
      <label>
        修課類別
        <select value={kind} onChange={(event) => setKind(event.target.value as EnrolmentKind)}>
          {(Object.keys(ENROLMENT_KIND_LABELS) as EnrolmentKind[]).map((value) => (
            <option key={value} value={value}>
              {ENROLMENT_KIND_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        學期成績（0–100，留空表示沒有）
        <input
          inputMode="decimal"
          value={termGrade}
          onChange={(event) => {
            setTermGrade(event.target.value);
            // A new grade decides 是否及格 again unless staff choose otherwise after it (a 50 kept as 是 would be
            // sent as passed).
            setPassed('');
          }}
        />
      </label>
      {yesNo('是否及格', passed, setPassed, '依學期成績（60 分及格）')}
      <label>
        補考成績（留空表示沒有）
        <input inputMode="decimal" value={makeupGrade} onChange={(event) => setMakeupGrade(event.target.value)} />
      </label>
      {yesNo('是否採計學分', creditsCounted, setCreditsCounted, '（空白）')}
      <label>
        質性描述（選填）
        <textarea value={note} rows={2} maxLength={NOTE_MAX} onChange={(event) => setNote(event.target.value)} />
      </label>
      <span className="counter">
        {[...note].length}/{NOTE_MAX}
      </span>
      {disputeId && <AnswerField value={answer} onChange={setAnswer} />}
    </FormDialog>
  );
}

import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { FormDialog } from '../FormDialog';
import { RocDateField } from '../RocDateField';
import { AnswerField } from './AnswerField';

const UpdateCadreMutation = graphql(`
  mutation CorrectionsUpdateCadre($input: UpdateCadreRecordInput!) {
    updateCadreRecord(input: $input) {
      record {
        id
        unit
        position
        level
        startsOn
        endsOn
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

export interface CadreValues {
  id: string;
  unit: string;
  position: string;
  level: number;
  startsOn: string;
  endsOn: string;
}

/**
 * 修改 a cadre record (負責基本資料的處室), from the cadre list or from a dispute about it; made from a dispute, the
 * save answers the dispute as corrected.
 */
export function CadreDialog({
  record,
  who,
  disputeId = null,
  onClose,
  onDone,
}: {
  record: CadreValues;
  who: string;
  disputeId?: string | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [unit, setUnit] = useState(record.unit);
  const [position, setPosition] = useState(record.position);
  const [level, setLevel] = useState(String(record.level));
  const [startsOn, setStartsOn] = useState(record.startsOn);
  const [endsOn, setEndsOn] = useState(record.endsOn);
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [update, { loading }] = useMutation(UpdateCadreMutation);

  async function submit() {
    setErrors([]);
    try {
      const result = await update({
        variables: {
          input: {
            cadreRecordId: record.id,
            unit,
            position,
            level: Number(level),
            startsOn,
            endsOn,
            disputeId,
            answer: answer.trim() || null,
          },
        },
      });
      const payload = result.data?.updateCadreRecord;
      if (!payload?.record) {
        setErrors([...new Set(payload?.userErrors.map((e) => e.message) ?? ['儲存失敗，請再試一次。'])]);
        return;
      }
      onDone(payload.dispute ? '已更正幹部紀錄，疑義已結案為「已更正」。' : '已更正幹部紀錄。');
    } catch (caught) {
      setErrors([(caught as Error).message]);
    }
  }

  return (
    <FormDialog
      title={`更正幹部紀錄：${who}`}
      busy={loading}
      errors={errors}
      submitLabel={disputeId ? '更正並回覆疑義' : '儲存更正'}
      onSubmit={submit}
      onClose={onClose}
    >
      <label>
        單位
        <input value={unit} maxLength={50} onChange={(event) => setUnit(event.target.value)} />
      </label>
      <label>
        職稱
        <input value={position} maxLength={50} onChange={(event) => setPosition(event.target.value)} />
      </label>
      <label>
        幹部等級
        <select value={level} onChange={(event) => setLevel(event.target.value)}>
          <option value="1">1</option>
          <option value="2">2</option>
          <option value="3">3</option>
        </select>
      </label>
      <RocDateField label="開始日期" value={startsOn} onChange={setStartsOn} required />
      <RocDateField label="結束日期" value={endsOn} onChange={setEndsOn} required />
      {disputeId && <AnswerField value={answer} onChange={setAnswer} />}
    </FormDialog>
  );
}

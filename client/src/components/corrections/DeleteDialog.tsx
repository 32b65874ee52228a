import { useState, type ReactNode } from 'react';
import { FormDialog } from '../FormDialog';
import { AnswerField } from './AnswerField';

/**
 * Asks before a record is deleted, saying what goes; from a dispute, with the answer to the student. `onConfirm`
 * returns the server's problems (none: it is gone).
 */
export function DeleteDialog({
  title,
  disputeId = null,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  disputeId?: string | null;
  onConfirm: (answer: string | null) => Promise<string[]>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setErrors([]);
    try {
      setErrors(await onConfirm(answer.trim() || null));
    } catch (caught) {
      setErrors([(caught as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={title}
      busy={busy}
      errors={errors}
      submitLabel={disputeId ? '刪除並回覆疑義' : '刪除'}
      busyLabel="刪除中…"
      onSubmit={submit}
      onClose={onClose}
    >
      {children}
      {disputeId && <AnswerField value={answer} onChange={setAnswer} />}
    </FormDialog>
  );
}

import type { FormEvent, ReactNode } from 'react';
import { ErrorList } from './ErrorList';
import { ModalDialog } from './ModalDialog';

/**
 * A modal asking for one decision: its title as heading, what the decision does (children), the errors of the last
 * try, and the confirming and cancelling buttons, both held while it is being sent.
 */
export function FormDialog({
  title,
  busy,
  errors,
  submitLabel,
  busyLabel = '處理中…',
  submitDisabled = false,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  busy: boolean;
  errors: string[];
  submitLabel: string;
  busyLabel?: string;
  submitDisabled?: boolean;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <ModalDialog title={title} busy={busy} onClose={onClose}>
      <form
        className="card-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <h2>{title}</h2>
        {children}
        <ErrorList messages={errors} />
        <div className="actions">
          <button type="submit" disabled={busy || submitDisabled}>
            {busy ? busyLabel : submitLabel}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={onClose}>
            取消
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

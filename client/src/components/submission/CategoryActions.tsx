import type { Busy } from './category-card-types';

/** What the section responsible may do in this stage: (re)submit, fetch or import the receipts, finalise. */
export function CategoryActions({
  busy,
  submitted,
  maySubmit,
  receiptsMissingFor,
  mayFinalize,
  askingFinal,
  onSubmit,
  onSend,
  onUpload,
  onAskFinal,
}: {
  busy: Busy;
  submitted: boolean;
  /** The submission window is open (otherwise the card says why, and offers no button that would be refused). */
  maySubmit: boolean;
  /** The submission whose receipt files have not all been imported, if any: sending and importing are for it. */
  receiptsMissingFor: string | null;
  mayFinalize: boolean;
  askingFinal: boolean;
  onSubmit: () => void;
  onSend: (submissionId: string) => void;
  onUpload: (submissionId: string, file: File) => void;
  onAskFinal: () => void;
}) {
  return (
    <div className="actions">
      {maySubmit && (
        <button type="button" disabled={busy !== null} onClick={onSubmit}>
          {busy === 'submit' ? '提交中…' : submitted ? '重新提交' : '提交'}
        </button>
      )}
      {receiptsMissingFor !== null && (
        <>
          <button type="button" disabled={busy !== null} onClick={() => onSend(receiptsMissingFor)}>
            {busy === 'send' ? '傳送中…' : '送中央資料庫'}
          </button>
          <label className="file-pick">
            匯入收訖明細檔
            <input
              type="file"
              accept=".csv,.xlsx"
              disabled={busy !== null}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) onUpload(receiptsMissingFor, file);
              }}
            />
          </label>
        </>
      )}
      {mayFinalize && !askingFinal && (
        <button type="button" className="danger" disabled={busy !== null} onClick={onAskFinal}>
          完成最終提交…
        </button>
      )}
    </div>
  );
}

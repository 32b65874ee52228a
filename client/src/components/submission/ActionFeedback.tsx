import { ErrorList } from '../ErrorList';
import { UploadProgress } from '../FileUpload';
import type { Busy } from './category-card-types';

/** How a card's last action went, and how far the running upload or import has got. */
export function ActionFeedback({ messages, notice, busy }: { messages: string[]; notice: string | null; busy: Busy }) {
  return (
    <>
      <ErrorList messages={messages} />
      {notice && <p role="status">{notice}</p>}
      {busy !== null && typeof busy === 'object' && <UploadProgress fraction={busy.uploading} />}
      {busy === 'import' && (
        <div className="progress">
          收訖明細匯入中…
          <progress />
        </div>
      )}
    </>
  );
}

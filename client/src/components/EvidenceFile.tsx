import { useEffect, useRef, useState } from 'react';
import { graphql } from '../gql';
import type { FileReceipt_FileFragment } from '../gql/graphql';
import { formatSize, PICKERS, shortHash } from '../lib/evidence';
import { rocDateTimeSeconds } from '../lib/roc';
import type { StoredUpload } from '../lib/upload';
import { CopyButton } from './CopyButton';
import { ErrorList } from './ErrorList';
import { UploadProgress, useUploadFile } from './FileUpload';

graphql(`
  fragment FileReceipt_File on FileUpload {
    id
    fileName
    size
    sha256
    storedAt
    url
    contentType
  }
`);

export type EvidencePurpose = 'DOCUMENT' | 'MEDIA';

export type UploadState =
  | { name: 'empty' }
  | { name: 'uploading'; fileName: string; fraction: number }
  | { name: 'stored'; fileName: string; upload: StoredUpload }
  | { name: 'failed'; fileName: string; message: string };

export interface EvidenceUpload {
  purpose: EvidencePurpose;
  state: UploadState;
  send: (file: File) => Promise<void>;
  clear: () => void;
}

/**
 * One file slot of a form: the bytes go to the server as soon as the file is picked (with progress), so a wrong type
 * or size shows at once and the form's own submit only attaches the stored upload.
 */
export function useEvidenceUpload(purpose: EvidencePurpose): EvidenceUpload {
  const uploadFile = useUploadFile();
  const [state, setState] = useState<UploadState>({ name: 'empty' });
  // A newer pick (or clear) wins over the answers of an older one still on its way.
  const attempt = useRef(0);

  async function send(file: File) {
    attempt.current += 1;
    const mine = attempt.current;
    const update = (next: UploadState) => {
      if (attempt.current === mine) setState(next);
    };
    update({ name: 'uploading', fileName: file.name, fraction: 0 });
    try {
      const stored = await uploadFile(purpose, file, (fraction) =>
        update({ name: 'uploading', fileName: file.name, fraction }),
      );
      update({ name: 'stored', fileName: file.name, upload: stored });
    } catch (caught) {
      update({ name: 'failed', fileName: file.name, message: (caught as Error).message });
    }
  }

  function clear() {
    attempt.current += 1;
    setState({ name: 'empty' });
  }

  return { purpose, state, send, clear };
}

/** The id to attach, once the bytes are stored. */
export const storedId = (upload: EvidenceUpload): string | null =>
  upload.state.name === 'stored' ? upload.state.upload.id : null;

export const isUploading = (...uploads: EvidenceUpload[]): boolean =>
  uploads.some((upload) => upload.state.name === 'uploading');

/** A file picker with its own progress bar and, once stored, what the server received. */
export function EvidenceFileField({
  upload,
  testId,
  disabled = false,
}: {
  upload: EvidenceUpload;
  testId: string;
  disabled?: boolean;
}) {
  const picker = PICKERS[upload.purpose];
  const state = upload.state;
  return (
    <fieldset className="file-field">
      <legend>
        {picker.label}（{picker.hint}）
      </legend>
      <label className="file-pick">
        {state.name === 'stored' ? `換一個${picker.label}檔案` : `選擇${picker.label}檔案`}
        <input
          type="file"
          accept={picker.accept}
          disabled={disabled || state.name === 'uploading'}
          data-testid={`${testId}-file`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload.send(file);
          }}
        />
      </label>
      {state.name === 'uploading' && (
        <UploadProgress
          fraction={state.fraction}
          fileName={state.fileName}
          label={`${picker.label}上傳進度`}
          testId={`${testId}-progress`}
        />
      )}
      {state.name === 'stored' && (
        <p className="notice" data-testid={`${testId}-stored`}>
          已收到「{state.fileName}」（{formatSize(state.upload.size)}，SHA-256 <Hash sha256={state.upload.sha256} />）
          <button type="button" className="link" disabled={disabled} onClick={upload.clear}>
            不附這個檔案
          </button>
        </p>
      )}
      {state.name === 'failed' && <ErrorList messages={[`「${state.fileName}」沒有上傳：${state.message}`]} />}
    </fieldset>
  );
}

/**
 * A SHA-256 shortened to fit a phone (its start and end, enough to compare by eye), with a button that copies all 64
 * characters for whoever must compare it in full (the clipboard needs HTTPS or localhost; without it the full value
 * is still the code's title).
 */
function Hash({ sha256, testId }: { sha256: string; testId?: string }) {
  return (
    <>
      <code title={sha256} data-testid={testId}>
        {shortHash(sha256)}
      </code>
      <CopyButton text={sha256} hiddenLabel="完整的 SHA-256" />
    </>
  );
}

/** What the server keeps of a file: name, size, SHA-256 and when it was stored — the student's proof of upload. */
export function FileReceipt({ file, label }: { file: FileReceipt_FileFragment; label: string }) {
  return (
    <dl className="receipt" aria-label={`${label}收據`}>
      <dt>{label}</dt>
      <dd>
        {file.url ? (
          <a href={file.url} target="_blank" rel="noopener noreferrer">
            {file.fileName}
          </a>
        ) : (
          file.fileName
        )}
      </dd>
      <dt>大小</dt>
      <dd>{formatSize(file.size)}</dd>
      <dt>SHA-256</dt>
      <dd>{file.sha256 ? <Hash sha256={file.sha256} testId="receipt-sha256" /> : '—'}</dd>
      <dt>存檔時間</dt>
      <dd>{file.storedAt ? rocDateTimeSeconds(file.storedAt) : '尚未收到檔案'}</dd>
    </dl>
  );
}

/**
 * A PDF shown inline. The server answers every request with X-Frame-Options: DENY, /files included, so the browser
 * will not frame the file's own URL; the bytes are fetched with the session cookie and framed as a blob instead.
 */
function PdfPreview({ url, title }: { url: string; title: string }) {
  const [loaded, setLoaded] = useState<{ url: string; objectUrl: string | null; error: string | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    fetch(url, { credentials: 'same-origin' })
      .then((response) => {
        if (response.status === 401 || response.status === 404) {
          throw new Error('找不到這個檔案，或您沒有權限查看。');
        }
        if (!response.ok) throw new Error(`伺服器無法讀取這個檔案（HTTP ${response.status}），請通知資訊組。`);
        return response.blob();
      })
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setLoaded({ url, objectUrl, error: null });
      })
      .catch((caught: unknown) => {
        if (!cancelled) setLoaded({ url, objectUrl: null, error: (caught as Error).message });
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  const current = loaded?.url === url ? loaded : null;
  if (!current) return <p className="muted">載入預覽中…</p>;
  if (current.error || !current.objectUrl) {
    return <p className="error">無法預覽這個檔案：{current.error}</p>;
  }
  return <iframe className="preview pdf" src={current.objectUrl} title={title} data-testid="preview-pdf" />;
}

/** The file itself, inline: PDF in a frame, images, audio and video with the browser's own controls. */
export function FilePreview({ file, title }: { file: FileReceipt_FileFragment; title: string }) {
  if (!file.url) return <p className="muted">檔案尚未上傳完成。</p>;
  const type = file.contentType ?? '';
  let inline;
  if (type === 'application/pdf') inline = <PdfPreview url={file.url} title={title} />;
  else if (type.startsWith('image/')) {
    inline = <img className="preview" src={file.url} alt={title} data-testid="preview-image" />;
  } else if (type.startsWith('audio/')) {
    inline = <audio controls preload="metadata" src={file.url} aria-label={title} data-testid="preview-audio" />;
  } else if (type.startsWith('video/')) {
    inline = (
      <video
        className="preview"
        controls
        preload="metadata"
        src={file.url}
        aria-label={title}
        data-testid="preview-video"
      />
    );
  }
  return (
    <figure className="file-preview">
      {inline}
      <figcaption>
        {file.fileName}（{formatSize(file.size)}）{' '}
        <a href={file.url} target="_blank" rel="noopener noreferrer">
          在新分頁開啟
        </a>
      </figcaption>
    </figure>
  );
}

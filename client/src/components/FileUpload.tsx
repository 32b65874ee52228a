import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import type { UploadPurpose } from '../gql/graphql';
import { putFile, type StoredUpload } from '../lib/upload';

const RequestUploadMutation = graphql(`
  mutation RequestUpload($input: RequestUploadInput!) {
    requestUpload(input: $input) {
      upload {
        id
      }
      uploadUrl
      userErrors {
        code
        message
      }
    }
  }
`);

/** The server would not open a slot for the file (type, size, quota): its messages, each to be shown on its own. */
export class UploadRefused extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '));
  }
}

/** What to show for a failed upload (or the step after it): the refusal's messages, or the one error's. */
export function failureMessages(caught: unknown): string[] {
  return caught instanceof UploadRefused ? caught.messages : [(caught as Error).message];
}

export type UploadFile = (
  purpose: UploadPurpose,
  file: File,
  onProgress: (fraction: number) => void,
) => Promise<StoredUpload>;

/**
 * Sends a picked file to the server: asks for an upload slot, then puts the bytes there with progress. Resolves with
 * what the server stored; rejects with UploadRefused when the slot is refused, or an Error when the transfer fails.
 */
export function useUploadFile(): UploadFile {
  const [requestUpload] = useMutation(RequestUploadMutation);
  return async (purpose, file, onProgress) => {
    const slot = await requestUpload({ variables: { input: { purpose, fileName: file.name, size: file.size } } });
    const payload = slot.data?.requestUpload;
    if (!payload?.upload || !payload.uploadUrl) {
      const messages = payload?.userErrors.map((userError) => userError.message) ?? [];
      throw new UploadRefused(messages.length > 0 ? messages : ['無法開始上傳，請再試一次。']);
    }
    return putFile(payload.uploadUrl, file, onProgress);
  };
}

/** The bar under a file picker while the bytes go up. */
export function UploadProgress({
  fraction,
  fileName,
  label,
  testId,
}: {
  fraction: number;
  /** Named after the percentage where several pickers share a form. */
  fileName?: string;
  /** The bar's accessible name. */
  label?: string;
  testId?: string;
}) {
  return (
    <div className="progress" data-testid={testId}>
      上傳中 {Math.round(fraction * 100)}%{fileName !== undefined && `：${fileName}`}
      <progress value={fraction} max={1} aria-label={label} />
    </div>
  );
}

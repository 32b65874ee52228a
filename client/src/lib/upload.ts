export interface StoredUpload {
  id: string;
  sha256: string;
  size: number;
}

/**
 * How long an upload may take before the student is told to try again: a minute, and as long again as the file
 * takes at 16 KB/s (a weak phone signal), so a slow but moving upload is never cut off.
 */
export const uploadTimeoutMs = (size: number): number => 60_000 + Math.ceil(size / 16_384) * 1000;

/**
 * Sends a file's bytes to its upload URL with the session cookie, reporting progress as it goes. XMLHttpRequest
 * rather than fetch: only it reports upload progress in every browser schools use.
 */
export function putFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<StoredUpload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.timeout = uploadTimeoutMs(file.size);
    request.withCredentials = true;
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: { upload?: StoredUpload; message?: string; requestId?: string } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // an answer that is not JSON is reported below by its status
      }
      if (request.status === 200 && body.upload) {
        onProgress(1);
        resolve(body.upload);
      } else {
        const reference = body.requestId ? `（錯誤代碼 ${body.requestId.slice(0, 8)}）` : '';
        reject(new Error(`${body.message ?? `上傳失敗（HTTP ${request.status}），請再試一次。`}${reference}`));
      }
    };
    request.onerror = () => reject(new Error('網路中斷，檔案沒有上傳完成，請再試一次。'));
    request.ontimeout = () => reject(new Error('上傳等了太久沒有完成，檔案沒有存下來；請確認網路連線後再試一次。'));
    request.send(file);
  });
}

import type { ReactNode } from 'react';

/** What a part of the page shows while its query is not in: the error, or 載入中…; null once the part can be drawn. */
export function pending(error: { message: string } | undefined, what: string, ready: boolean): ReactNode {
  if (error)
    return (
      <p role="alert">
        無法載入{what}：{error.message}
      </p>
    );
  return ready ? null : <p>載入中…</p>;
}

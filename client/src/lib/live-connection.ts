import { useSyncExternalStore } from 'react';

/** Whether the WebSocket that carries deadline alerts is up: shown in the header, so a student knows alerts arrive. */
export type LiveConnection = 'connecting' | 'live';

/** The queries deadline alerts refresh (the deadlines on a window's change) and dispute notices (the receipt list). */
export const DEADLINE_QUERIES = ['HomeDeadlines', 'TimelinePage'];
export const DISPUTE_QUERIES = ['ReceiptsPage'];
/** After a reconnect: any of them may have missed an alert while the socket was down. */
export const ALERT_REFRESHED_QUERIES = [...DEADLINE_QUERIES, ...DISPUTE_QUERIES];

let state: LiveConnection = 'connecting';
const listeners = new Set<() => void>();

export function setLiveConnection(next: LiveConnection): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

export function useLiveConnection(): LiveConnection {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

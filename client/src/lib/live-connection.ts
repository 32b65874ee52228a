import { useSyncExternalStore } from 'react';

/** Whether the WebSocket that carries deadline alerts is up: shown in the header, so a student knows alerts arrive. */
export type LiveConnection = 'connecting' | 'live';

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

import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import { DEADLINE_QUERIES, DISPUTE_QUERIES } from '../lib/live-connection';

const DeadlineAlertsSubscription = graphql(`
  subscription DeadlineAlerts {
    deadlineAlerts {
      id
      kind
      taskLabel
      message
      endsAt
    }
  }
`);

interface Toast {
  id: string;
  message: string;
}

const VISIBLE_MS = 20_000;

/** Live deadline alerts from the subscription, as toasts; the pages showing windows are refreshed too. */
export function AlertToasts() {
  const client = useApolloClient();
  const [toasts, setToasts] = useState<Toast[]>([]);
  useSubscription(DeadlineAlertsSubscription, {
    onData: ({ data }) => {
      const alert = data.data?.deadlineAlerts;
      if (!alert) return;
      setToasts((current) => [...current.filter((t) => t.id !== alert.id), { id: alert.id, message: alert.message }]);
      // A dispute's news changes the student's receipt list (its status and the section's answer), not a window.
      const include = alert.kind === 'DISPUTE_UPDATED' ? DISPUTE_QUERIES : DEADLINE_QUERIES;
      void client.refetchQueries({ include });
    },
  });
  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setTimeout(() => setToasts((current) => current.slice(1)), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toasts]);
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="期限提醒">
      {toasts.map((toast) => (
        <div className="toast" key={toast.id}>
          <span>{toast.message}</span>
          <button
            type="button"
            className="secondary"
            aria-label="關閉提醒"
            onClick={() => setToasts((current) => current.filter((t) => t.id !== toast.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

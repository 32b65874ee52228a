import { rocCalendarDate } from '../lib/roc';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "民國 115/09/01" beside a native date input, whose own display follows the browser's locale. */
export function RocDateHint({ value, testId }: { value: string; testId: string }) {
  return (
    <span className="roc-date" data-testid={testId}>
      {ISO_DATE.test(value) ? `民國 ${rocCalendarDate(value)}` : '—'}
    </span>
  );
}

/** ROC (民國) dates for display, always in Asia/Taipei whatever the browser's zone. */
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: Date | string): Record<string, string> {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "115/11/28" */
export function rocDate(value: Date | string): string {
  const p = parts(value);
  return `${Number(p.year) - 1911}/${p.month}/${p.day}`;
}

/** "115/11/28 17:05" */
export function rocDateTime(value: Date | string): string {
  const p = parts(value);
  return `${rocDate(value)} ${p.hour}:${p.minute}`;
}

/** "115/11/28 17:05:09" */
export function rocDateTimeSeconds(value: Date | string): string {
  const p = parts(value);
  return `${rocDateTime(value)}:${p.second}`;
}

/** A calendar date "2010-03-05" → "99/03/05". */
export function rocCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${Number(year) - 1911}/${month}/${day}`;
}

/** An instant as the value of an <input type="datetime-local"> in Taipei time: "2026-12-01T17:00". */
export function toTaipeiInput(value: Date | string): string {
  const p = parts(value);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The value of a datetime-local input, read as Taipei time, to an ISO instant. */
export function fromTaipeiInput(value: string): string {
  return new Date(`${value}:00+08:00`).toISOString();
}

/** "1 天 3 小時 20 分" (or "5 分 12 秒" in the last hour). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} 天 ${hours} 小時 ${minutes} 分`;
  if (hours > 0) return `${hours} 小時 ${minutes} 分`;
  return `${minutes} 分 ${seconds} 秒`;
}

/**
 * The instant an edited datetime-local input stands for: the original, to the millisecond, while the person left
 * the minute shown unchanged (the input cannot show seconds, and a bound may sit on one).
 */
export function instantFromInput(value: string, original: string): string {
  return value === toTaipeiInput(original) ? new Date(original).toISOString() : fromTaipeiInput(value);
}

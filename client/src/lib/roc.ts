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

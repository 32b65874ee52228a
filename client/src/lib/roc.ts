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

// ---------------------------------------------------------------- typed ROC dates (RocDateField)

/** What a ROC date field hands the code around it: the value a native date or datetime-local input would. */
export type RocParse = { ok: true; value: string } | { ok: false; message: string };

const ROC_YEAR_OFFSET = 1911;
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** "2026-12-06" or "2026-12-06T17:00" (a native input's value) → "115/12/06" or "115/12/06 17:00"; "" stays "". */
export function formatRocInput(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return '';
  const [, year, month, day, hour, minute] = match;
  const date = `${Number(year) - ROC_YEAR_OFFSET}/${month}/${day}`;
  return hour === undefined ? date : `${date} ${hour}:${minute}`;
}

const example = (withTime: boolean) => (withTime ? '115/12/06 17:00' : '115/12/06');

/**
 * Reads a date someone typed, ROC by default: "115/12/6", "115-12-06", "115.12.06", "115年12月6日", "民國115/12/06",
 * "1151206", with a time for a date-and-time field ("17:00", "1700", "17時00分"). A four-digit year is a Western one,
 * so an ISO value pasted from elsewhere ("2026-12-06T17:00") is read too. Full-width digits count as digits.
 */
export function parseRocInput(text: string, withTime: boolean): RocParse {
  const typed = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .replace(/^民國\s*/, '');
  if (typed === '') return { ok: true, value: '' };
  const shape =
    /^(\d{1,4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?(?:(?:\s*T\s*|\s+|(?<=日))(\d{1,2})\s*[:時]?\s*(\d{2})\s*分?)?$/.exec(
      typed,
    ) ?? /^(\d{3})(\d{2})(\d{2})(?:\s*(\d{2})(\d{2}))?$/.exec(typed);
  const format = `請您以民國年/月/日${withTime ? ' 時:分' : ''}填寫，例如 ${example(withTime)}。`;
  if (!shape) return { ok: false, message: format };
  const [, yearText = '', monthText = '', dayText = '', hourText, minuteText = ''] = shape;
  if (withTime && hourText === undefined) {
    return { ok: false, message: `請您加上時間（24 小時制），例如 ${example(true)}。` };
  }
  if (!withTime && hourText !== undefined) {
    return { ok: false, message: `這裡只需要日期，例如 ${example(false)}。` };
  }
  const year = yearText.length === 4 ? Number(yearText) : Number(yearText) + ROC_YEAR_OFFSET;
  const month = Number(monthText);
  const day = Number(dayText);
  if (year <= ROC_YEAR_OFFSET) return { ok: false, message: `民國年請填 1 以上，例如 ${example(withTime)}。` };
  // Date.UTC rolls 2/30 over into March: a day that does not come back unchanged does not exist.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return {
      ok: false,
      message: `民國 ${year - ROC_YEAR_OFFSET} 年沒有 ${month} 月 ${day} 日，請您確認日期。`,
    };
  }
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  if (hourText === undefined) return { ok: true, value: date };
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59) return { ok: false, message: '時間請填 00:00 到 23:59 之間（24 小時制）。' };
  return { ok: true, value: `${date}T${pad2(hour)}:${pad2(minute)}` };
}

/** Why a value lies outside [min, max] (each a native input's value, "" for none), or null when it does not. */
export function rocRangeProblem(value: string, min: string, max: string): string | null {
  // Values of one field share one fixed-width shape, so their strings sort as their times do.
  if (value === '') return null;
  const withTime = value.includes('T');
  const word = withTime ? '時間' : '日期';
  if (min !== '' && value < min) return `${word}不可早於 ${formatRocInput(min)}。`;
  if (max !== '' && value > max) return `${word}不可晚於 ${formatRocInput(max)}。`;
  return null;
}

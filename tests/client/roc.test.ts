import { describe, expect, it } from 'vitest';
import { formatRocInput, parseRocInput, rocRangeProblem } from '../../client/src/lib/roc.js';

// The ROC date field's reading and writing (client/src/lib/roc.ts): pure functions, so no browser is needed.
describe('reading a typed ROC date', () => {
  it.each([
    ['115/12/06', '2026-12-06'],
    ['115/12/6', '2026-12-06'],
    ['115-12-06', '2026-12-06'],
    ['115.12.06', '2026-12-06'],
    [' 民國115/1/5 ', '2026-01-05'],
    ['115年12月6日', '2026-12-06'],
    ['１１５／１２／０６', '2026-12-06'],
    ['1151206', '2026-12-06'],
    ['99/03/05', '2010-03-05'],
    ['2026-12-06', '2026-12-06'],
    ['117/02/29', '2028-02-29'],
    ['', ''],
    ['   ', ''],
  ])('reads %j as the date input value %j', (typed, value) => {
    expect(parseRocInput(typed, false)).toEqual({ ok: true, value });
  });

  it.each([
    ['115/12/06 17:00', '2026-12-06T17:00'],
    ['115/12/06 9:05', '2026-12-06T09:05'],
    ['115/12/06  1700', '2026-12-06T17:00'],
    ['115-12-06T17:00', '2026-12-06T17:00'],
    ['115年12月6日 17時00分', '2026-12-06T17:00'],
    ['115年12月6日17時00分', '2026-12-06T17:00'],
    ['115/12/06 17：00', '2026-12-06T17:00'],
    ['11512061700', '2026-12-06T17:00'],
    ['2026-12-20T17:00', '2026-12-20T17:00'],
    ['115/12/31 23:59', '2026-12-31T23:59'],
  ])('reads %j as the datetime-local value %j', (typed, value) => {
    expect(parseRocInput(typed, true)).toEqual({ ok: true, value });
  });

  it.each([
    ['115/13/01', false, '民國 115 年沒有 13 月 1 日，請您確認日期。'],
    ['115/02/29', false, '民國 115 年沒有 2 月 29 日，請您確認日期。'],
    ['115/04/31 08:00', true, '民國 115 年沒有 4 月 31 日，請您確認日期。'],
    ['115/12/06', true, '請您加上時間（24 小時制），例如 115/12/06 17:00。'],
    ['115/12/06 17:00', false, '這裡只需要日期，例如 115/12/06。'],
    ['115/12/06 24:00', true, '時間請填 00:00 到 23:59 之間（24 小時制）。'],
    ['115/12/06 17:60', true, '時間請填 00:00 到 23:59 之間（24 小時制）。'],
    ['12/06', false, '請您以民國年/月/日填寫，例如 115/12/06。'],
    ['明天', true, '請您以民國年/月/日 時:分填寫，例如 115/12/06 17:00。'],
    ['0/12/06', false, '民國年請填 1 以上，例如 115/12/06。'],
    ['1900-01-01', false, '民國年請填 1 以上，例如 115/12/06。'],
  ])('refuses %j (with time: %s) and says why: %s', (typed, withTime, message) => {
    expect(parseRocInput(typed, withTime)).toEqual({ ok: false, message });
  });
});

describe('showing a native input value in ROC', () => {
  it.each([
    ['2026-12-06', '115/12/06'],
    ['2026-12-06T17:00', '115/12/06 17:00'],
    ['2010-03-05', '99/03/05'],
    ['', ''],
    ['not a date', ''],
  ])('shows %j as %j', (value, shown) => {
    expect(formatRocInput(value)).toBe(shown);
  });

  it('reads back what it shows, so a value survives being shown and left alone', () => {
    for (const value of ['2026-12-06', '1912-01-01', '2099-02-28']) {
      expect(parseRocInput(formatRocInput(value), false)).toEqual({ ok: true, value });
    }
    for (const value of ['2026-12-06T00:00', '2026-12-06T23:59']) {
      expect(parseRocInput(formatRocInput(value), true)).toEqual({ ok: true, value });
    }
  });
});

describe('a value outside the field’s range', () => {
  it('names the bound in ROC', () => {
    expect(rocRangeProblem('2026-11-29', '', '2026-11-28')).toBe('日期不可晚於 115/11/28。');
    expect(rocRangeProblem('2026-12-01T07:59', '2026-12-01T08:00', '')).toBe('時間不可早於 115/12/01 08:00。');
    expect(rocRangeProblem('2026-11-28', '', '2026-11-28')).toBeNull();
    expect(rocRangeProblem('', '2026-11-28', '2026-11-28')).toBeNull();
  });
});

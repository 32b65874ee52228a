import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  formatRocDate,
  formatRocDateTime,
  parseTermKey,
  semesterOf,
  taipeiParts,
  taipeiPartsByZone,
  termKey,
  termLabel,
} from '../roc.js';

describe('ROC calendar', () => {
  it('formats dates in Taipei time', () => {
    expect(formatRocDate(new Date('2026-11-28T09:00:00+08:00'))).toBe('115/11/28');
    // 23:30 UTC on the 27th is already the 28th in Taipei.
    expect(formatRocDate(new Date('2026-11-27T23:30:00Z'))).toBe('115/11/28');
    expect(formatRocDateTime(new Date('2026-12-01T09:00:00Z'))).toBe('115/12/01 17:00');
  });

  it('finds the academic year and semester', () => {
    expect(academicYearOf(new Date('2026-07-31T12:00:00+08:00'))).toBe(114);
    expect(academicYearOf(new Date('2026-08-01T00:30:00+08:00'))).toBe(115);
    expect(semesterOf(new Date('2027-01-20T12:00:00+08:00'))).toBe(1);
    expect(semesterOf(new Date('2027-02-01T12:00:00+08:00'))).toBe(2);
    expect(termKey(115, 1)).toBe('1151');
    expect(termLabel(115, 1)).toBe('115學年度第1學期');
  });
});

describe('Taipei wall-clock parts', () => {
  it('agree with the zone database from 1980 on, across midnights, month ends and leap days', () => {
    const instants = [
      '1980-01-01T00:00:00Z',
      '1999-12-31T15:59:59Z',
      '1999-12-31T16:00:00Z',
      '2024-02-28T16:00:00Z',
      '2026-11-27T23:30:00Z',
      '2100-02-28T16:00:00Z',
    ].map((iso) => new Date(iso));
    // Every 7 hours 13 minutes over 2020–2040: each hour of the day and every day of the month comes up.
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2040, 0, 1); t += (7 * 60 + 13) * 60_000)
      instants.push(new Date(t));
    for (const instant of instants)
      expect(taipeiParts(instant), instant.toISOString()).toEqual(taipeiPartsByZone(instant));
  });

  it('ask the zone database before 1980, when Taiwan kept daylight saving time', () => {
    const summer1979 = new Date('1979-07-15T12:00:00Z');
    expect(taipeiParts(summer1979)).toEqual(taipeiPartsByZone(summer1979));
    expect(taipeiParts(summer1979).hour).toBe(21);
  });
});

describe('typed term keys', () => {
  it.each([
    ['1121', 112, 1],
    ['11201', 112, 1],
    ['11102', 111, 2],
    [' 1152 ', 115, 2],
  ])('reads %s as year %i, semester %i', (text, year, semester) => {
    expect(parseTermKey(text)).toEqual({ year, semester });
  });

  it.each(['1123', '112001', '11210', '112_0', '112', 'abc', ''])('refuses %j, naming both forms', (text) => {
    expect(() => parseTermKey(text)).toThrow('例如「1121」或「11201」');
  });
});

import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  formatRocDate,
  formatRocDateTime,
  parseTermKey,
  semesterOf,
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

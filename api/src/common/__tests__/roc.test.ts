import { describe, expect, it } from 'vitest';
import { academicYearOf, formatRocDate, formatRocDateTime, semesterOf, termKey, termLabel } from '../roc.js';

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

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../common/config.js';
import { policyJson, RETENTION_KINDS, RetentionKind, retentionCutoff, retentionDays } from '../retention-kind.js';

describe('retention kinds', () => {
  it('gives every kind its own period from the policy, in the order the job deletes them', () => {
    const policy = loadConfig({ RETENTION_COUNSELING_DAYS: '400', RETENTION_PERFORMANCES_DAYS: 'off' }).retention;
    const days = retentionDays(policy);
    expect(Object.keys(days).sort()).toEqual([...RETENTION_KINDS].sort());
    expect(days[RetentionKind.COUNSELING]).toBe(400);
    expect(days[RetentionKind.PERFORMANCES]).toBe(0);
    expect(JSON.parse(policyJson(policy))).toMatchObject({ COUNSELING: 400, PERFORMANCES: 0, COURSE_RECORDS: 1826 });
    // Outcomes go before the enrolments they point at, receipt rows before the submitted rows they answer.
    expect(RETENTION_KINDS.indexOf(RetentionKind.COURSE_OUTCOMES)).toBeLessThan(
      RETENTION_KINDS.indexOf(RetentionKind.COURSE_RECORDS),
    );
    expect(RETENTION_KINDS.indexOf(RetentionKind.RECEIPTS)).toBeLessThan(
      RETENTION_KINDS.indexOf(RetentionKind.SUBMISSION_PACKAGES),
    );
  });

  it('counts the cut-off back from now, never less than a year, and has none for a kind that is kept', () => {
    const now = new Date('2026-11-28T01:00:00Z');
    expect(retentionCutoff(1826, now)).toEqual(new Date('2021-11-28T01:00:00Z'));
    expect(retentionCutoff(10, now)).toEqual(new Date('2025-11-28T01:00:00Z'));
    expect(retentionCutoff(0, now)).toBeNull();
  });
});

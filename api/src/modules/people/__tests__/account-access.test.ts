import { describe, expect, it } from 'vitest';
import type { AccountStatusPolicy } from '../../../common/config.js';
import { type AccessFacts, accountAccess } from '../account-access.js';
import { StudentStatus } from '../people.enums.js';

const DAY = 86_400_000;
const now = new Date('2027-03-01T00:00:00+08:00');
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const policy: AccountStatusPolicy = {
  suspendedAccess: 'READ_ONLY',
  transferredReadOnlyDays: 30,
  graduatedReadOnlyDays: 365,
  temporaryAccessMaxDays: 90,
};
const facts = (overrides: Partial<AccessFacts>): AccessFacts => ({
  passwordTemporary: false,
  temporaryUntil: null,
  studentStatus: StudentStatus.ENROLLED,
  statusChangedAt: ago(400),
  schoolDeactivatedAt: null,
  ...overrides,
});
const outcome = (f: AccessFacts, p: AccountStatusPolicy = policy) => {
  const access = accountAccess(f, now, p);
  return access.signIn ? (access.restriction?.code ?? 'FULL') : access.code;
};

describe('accountAccess', () => {
  it('follows each status and its grace period', () => {
    expect(outcome(facts({}))).toBe('FULL');
    expect(outcome(facts({ studentStatus: null }))).toBe('FULL');
    expect(outcome(facts({ studentStatus: StudentStatus.SUSPENDED }))).toBe('READ_ONLY');
    expect(outcome(facts({ studentStatus: StudentStatus.SUSPENDED }), { ...policy, suspendedAccess: 'NONE' })).toBe(
      'STUDENT_SUSPENDED',
    );
    expect(outcome(facts({ studentStatus: StudentStatus.TRANSFERRED, statusChangedAt: ago(29) }))).toBe('READ_ONLY');
    expect(outcome(facts({ studentStatus: StudentStatus.TRANSFERRED, statusChangedAt: ago(30) }))).toBe(
      'STUDENT_TRANSFERRED',
    );
    expect(outcome(facts({ studentStatus: StudentStatus.GRADUATED, statusChangedAt: ago(364) }))).toBe('READ_ONLY');
    expect(outcome(facts({ studentStatus: StudentStatus.GRADUATED, statusChangedAt: ago(365) }))).toBe(
      'STUDENT_GRADUATED',
    );
    expect(
      outcome(facts({ studentStatus: StudentStatus.GRADUATED, statusChangedAt: ago(1) }), {
        ...policy,
        graduatedReadOnlyDays: 0,
      }),
    ).toBe('STUDENT_GRADUATED');
  });

  it('lets a temporary account lift the status rules until it ends, but never a deactivated school', () => {
    const left = { studentStatus: StudentStatus.TRANSFERRED, statusChangedAt: ago(100) };
    expect(outcome(facts({ ...left, temporaryUntil: new Date(now.getTime() + DAY) }))).toBe('FULL');
    const ended = accountAccess(facts({ ...left, temporaryUntil: now }), now, policy);
    expect(ended).toEqual({
      signIn: false,
      code: 'TEMPORARY_ACCESS_EXPIRED',
      message: expect.stringMatching(/^您的臨時帳號已於 116\/03\/01 00:00 到期。您已轉出/),
    });
    expect(outcome(facts({ studentStatus: StudentStatus.SUSPENDED, temporaryUntil: now }))).toBe('READ_ONLY');
    expect(outcome(facts({ temporaryUntil: new Date(now.getTime() + DAY), schoolDeactivatedAt: ago(1) }))).toBe(
      'SCHOOL_DEACTIVATED',
    );
    expect(outcome(facts({ schoolDeactivatedAt: new Date(now.getTime() + DAY) }))).toBe('FULL');
  });

  it('asks for an own password first, whatever else holds', () => {
    expect(outcome(facts({ passwordTemporary: true }))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(outcome(facts({ passwordTemporary: true, studentStatus: StudentStatus.SUSPENDED }))).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect(
      outcome(facts({ passwordTemporary: true, studentStatus: StudentStatus.GRADUATED, statusChangedAt: ago(500) })),
    ).toBe('STUDENT_GRADUATED');
  });
});

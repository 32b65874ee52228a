import { describe, expect, it } from 'vitest';
import { courseCodeProblem } from '../course-code.js';

describe('course code shape (DOMAIN.md §6)', () => {
  it.each([
    ['1153533011010101' + '1' + '0' + '1' + '01' + '01', null],
    ['115353301101010B' + 'B' + '0' + '2' + 'A7' + 'X1', null], // vocational: domain positions not published
    ['115353301101010' + '1' + '0' + '1' + '01' + '01', 'LENGTH'],
    ['115353301101010-' + '1' + '0' + '1' + '01' + '01', 'ALPHABET'],
    ['1153533011010101' + '7' + '0' + '1' + '01' + '01', 'COURSE_TYPE'],
    ['1153533011010101' + '1' + '0' + '9' + '01' + '01', 'SUBJECT_ATTRIBUTE'],
    ['1153533011010101' + '1' + '0' + '1' + '10' + '01', 'DOMAIN'],
  ])('%s → %s', (code, problem) => {
    expect(courseCodeProblem(code)).toBe(problem);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../round/confirmation/__tests__/pdf-reader.js';
import { firstPasswordSlipsPdf } from '../first-password-slips.js';

describe('first-password slips (PDF)', () => {
  it('shows each password as its characters, never joined into a ligature, eight slips to a page', async () => {
    const passwords = ['7GAamffqYL', 'fiflffiJkm', 'qwXYZ23456'];
    const students = Array.from({ length: 9 }, (_, index) => ({
      seatNumber: index + 1,
      studentNumber: `A10${index}`,
      name: `測試生${index}`,
      username: `353301a10${index}`,
      password: passwords[index % passwords.length]!,
    }));
    const pdf = parsePdf(
      await firstPasswordSlipsPdf({
        schoolName: '測試高級中學',
        className: '105',
        generatedAt: new Date('2026-11-28T01:00:00Z'),
        students,
      }),
    );
    expect(pdf.pages).toHaveLength(2);
    const texts = pdf.pages.flatMap((page) => page.texts);
    for (const password of passwords) expect(texts).toContain(password);
    for (const student of students) expect(texts).toContain(student.username);
    expect(pdf.pages.every((page) => page.notdefGlyphs === 0)).toBe(true);
  });
});

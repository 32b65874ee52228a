import { describe, expect, it } from 'vitest';
import { studentConfirmationPdf } from '../student-confirmation-sheet.js';
import { parsePdf } from './pdf-reader.js';

describe('the PDF reader the tests use', () => {
  it('reads text with ligatures (ff, fi), whose ToUnicode entries hold several code units', async () => {
    const bytes = await studentConfirmationPdf({
      schoolName: '測試高級中學 tffc0ffee fi',
      termLabel: '115學年度第2學期',
      className: '301',
      seatNumber: 1,
      studentNumber: '10001',
      name: '陳品妍',
      generatedAt: new Date('2027-03-10T01:00:00Z'),
      rows: [],
    });
    const text = parsePdf(bytes)
      .pages.flatMap((page) => page.texts)
      .join('');
    expect(text).toContain('測試高級中學 tffc0ffee fi');
    expect(text).toContain('收訖明細確認單');
    expect(text).toContain('陳品妍');
  });
});

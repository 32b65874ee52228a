import { describe, expect, it } from 'vitest';
import { readableDetail } from '../audit-detail.js';

describe('an audit entry read by a person', () => {
  it('names keys in Chinese and codes by their labels', () => {
    expect(readableDetail({ transport: 'http' })).toBe('連線方式：網頁');
    expect(readableDetail({ category: 'PERFORMANCES', resolution: 'CORRECTED' })).toBe(
      '類別：多元表現；處理結果：CORRECTED',
    );
    expect(readableDetail({ section: 'REGISTRATION', label: '註冊組' })).toBe('組別：註冊組；名稱：註冊組');
  });

  it('writes times as ROC dates in Taipei and shortens hashes', () => {
    expect(
      readableDetail({
        endsAt: '2026-12-08T09:00:00.000Z',
        zipSha256: 'a'.repeat(64),
      }),
    ).toBe(`截止：115/12/08 17:00；資料包 SHA-256：${'a'.repeat(12)}…`);
  });

  it('spells out nested values, lists, booleans and absences, and keeps unknown keys as stored', () => {
    expect(
      readableDetail({
        before: { startsAt: '2026-12-01T00:00:00.000Z', endsAt: '2026-12-05T09:00:00.000Z' },
        fields: ['name', 'seatNumber'],
        media: null,
        passwordTemporary: true,
      }),
    ).toBe(
      '變更前：（開始：115/12/01 08:00；截止：115/12/05 17:00）；變更欄位：name、seatNumber；影音：無；passwordTemporary：是',
    );
  });
});

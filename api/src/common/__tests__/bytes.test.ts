import { describe, expect, it } from 'vitest';
import { readableSize } from '../bytes.js';

describe('sizes as a person reads them', () => {
  it.each([
    [0, '0 位元組'],
    [1000, '1000 位元組'],
    [1024, '1 KB'],
    [100_000, '97.7 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [1000 * 1024, '1000 KB'],
    [4 * 1024 * 1024, '4 MB'],
    [10_500_000, '10 MB'],
  ])('%i bytes read as %s', (bytes, text) => {
    expect(readableSize(bytes)).toBe(text);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../common/config.js';
import { PiiCipher } from '../../../common/pii-crypto.js';
import { ExchangeKeys, resolveExchangeSigningKey } from '../exchange-keys.js';
import { EXCHANGE_FORMAT, parseManifest } from '../exchange-manifest.js';
import { safeEntryName } from '../../files/zip-stream.js';

const SHA = 'a'.repeat(64);

const manifest = (change: (value: Record<string, unknown>) => void = () => {}) => {
  const value: Record<string, unknown> = {
    format: EXCHANGE_FORMAT,
    version: 1,
    exchangeId: '0190f1d2-3c4b-7a5e-8f00-000000000001',
    createdAt: '2026-11-28T01:00:00.000Z',
    origin: {
      authorityCode: 'TPE',
      authorityName: '臺北市政府教育局',
      schoolCode: '313301',
      schoolName: '市立松山高中',
      division: 'DAY',
    },
    destination: { authorityCode: 'TPE', schoolCode: '323301', division: 'NIGHT' },
    student: {
      name: '王小明',
      birthDate: '2008-05-01',
      gender: 'M',
      nationalIdCheck: { salt: 'ab'.repeat(16), scrypt: SHA },
    },
    records: [
      {
        kind: 'COURSE_OUTCOME',
        termKey: '1141',
        title: '物理：實驗報告',
        fields: [{ label: '簡述', value: '實驗報告' }],
        origin: null,
        files: [{ path: `files/${SHA}.pdf`, name: '報告.pdf', contentType: 'application/pdf', size: 10, sha256: SHA }],
      },
    ],
  };
  change(value);
  return Buffer.from(JSON.stringify(value));
};

describe('the exchange manifest', () => {
  it('reads a manifest of the format', () => {
    const parsed = parseManifest(manifest());
    expect(typeof parsed).toBe('object');
    expect(parsed).toMatchObject({ origin: { schoolCode: '313301' }, records: [{ files: [{ sha256: SHA }] }] });
  });

  it.each([
    ['another format', (m: Record<string, unknown>) => (m.format = 'something-else')],
    ['a later version', (m: Record<string, unknown>) => (m.version = 2)],
    [
      'a file path that is not its hash',
      (m: Record<string, unknown>) => {
        (m.records as { files: { path: string }[] }[])[0]!.files[0]!.path = '../../etc/passwd';
      },
    ],
    [
      'a file name with a folder',
      (m: Record<string, unknown>) => {
        (m.records as { files: { name: string }[] }[])[0]!.files[0]!.name = 'a/b.pdf';
      },
    ],
    [
      'an unknown kind',
      (m: Record<string, unknown>) => {
        (m.records as { kind: string }[])[0]!.kind = 'COUNSELING';
      },
    ],
    [
      'a bad birth date',
      (m: Record<string, unknown>) => {
        (m.student as { birthDate: string }).birthDate = '2008-02-30';
      },
    ],
  ])('refuses %s with a reason in Chinese', (_what, change) => {
    const parsed = parseManifest(manifest(change));
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses bytes that are not JSON', () => {
    expect(parseManifest(Buffer.from('PK\u0003\u0004'))).toBe('manifest.json 不是有效的 JSON');
  });
});

describe('the exchange keys', () => {
  it('signs with the installation key, trusts it and the configured keys, and no other', () => {
    const own = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const other = generateKeyPairSync('ed25519');
    const otherPublic = other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const keys = new ExchangeKeys({ signingKey: own, trustedKeys: { NTPC: otherPublic } });
    const bytes = Buffer.from('manifest');
    const signature = keys.sign(bytes);
    expect(ExchangeKeys.verify(bytes, signature, keys.publicKey)).toBe(true);
    expect(ExchangeKeys.verify(Buffer.from('manifesT'), signature, keys.publicKey)).toBe(false);
    expect(ExchangeKeys.verify(bytes, signature, 'not a key')).toBe(false);
    expect(keys.trusts(keys.publicKey, 'ANY')).toBe(true);
    expect(keys.trusts(otherPublic, 'NTPC')).toBe(true);
    // A trusted key signs for its own authority only.
    expect(keys.trusts(otherPublic, 'TPE')).toBe(false);
  });

  it('derives one key from the PII key with DATABASE_URL, the same on every instance, unless one is given', async () => {
    const piiKey = PiiCipher.generateKey();
    const test = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@localhost/db' });
    const first = await resolveExchangeSigningKey(test, piiKey);
    expect(await resolveExchangeSigningKey(test, piiKey)).toBe(first);
    expect(await resolveExchangeSigningKey(test, PiiCipher.generateKey())).not.toBe(first);
    const given = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@localhost/db',
      EXCHANGE_SIGNING_KEY: first,
    });
    expect(await resolveExchangeSigningKey(given, PiiCipher.generateKey())).toBe(first);
    await expect(
      resolveExchangeSigningKey(
        loadConfig({ EXCHANGE_SIGNING_KEY: 'bm90IGEga2V5', DATABASE_URL: 'postgres://u:p@localhost/db' }),
        piiKey,
      ),
    ).rejects.toThrow(/EXCHANGE_SIGNING_KEY/);
    expect(() => new ExchangeKeys({ signingKey: first, trustedKeys: {} })).not.toThrow();
    expect(() => loadConfig({ EXCHANGE_TRUSTED_KEYS: 'TPE=bm90IGEga2V5' })).toThrow(/Ed25519/);
  });
});

describe('names inside a ZIP', () => {
  it('keeps a name one file name, without folders or control characters', () => {
    expect(safeEntryName('../服務/證明.pdf', 'x')).toBe('服務_證明.pdf');
    expect(safeEntryName('a\u0000b.pdf', 'x')).toBe('a_b.pdf');
    expect(safeEntryName('...', 'fallback')).toBe('fallback');
    expect(safeEntryName(`${'長'.repeat(100)}.pdf`, 'x')).toMatch(/^長{76}\.pdf$/);
  });
});

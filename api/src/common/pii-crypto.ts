import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Encrypts personal data (national IDs) with AES-256-GCM under a key from the environment, and gives a keyed
 * digest for uniqueness checks. Neither the key nor plain values are ever logged.
 */
export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly digestKey: Buffer;

  constructor(masterKeyBase64: string) {
    const master = Buffer.from(masterKeyBase64, 'base64');
    if (master.length !== 32) {
      throw new Error(
        'PII_ENCRYPTION_KEY 必須是 32 位元組金鑰的 base64 編碼（例如 `openssl rand -base64 32` 的輸出）。',
      );
    }
    this.encryptionKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'pii-encryption', 32));
    this.digestKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'pii-digest', 32));
  }

  static generateKey(): string {
    return randomBytes(32).toString('base64');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown PII envelope');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  digest(plain: string): string {
    return createHmac('sha256', this.digestKey).update(plain, 'utf8').digest('base64url');
  }
}

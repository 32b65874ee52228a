import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

const deriveKey = (master: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32));

interface Sealed {
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

function seal(key: Buffer, plain: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), body };
}

/** Throws when the value was not sealed under this key or was altered. */
function open(key: Buffer, { iv, tag, body }: Sealed): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Values only this installation can read or forge, for one purpose, in a form fit for a cookie (base64url). */
export interface Sealer {
  seal(plain: string): string;
  /** Null when the value was not sealed by this installation for this purpose, or was altered. */
  open(sealed: string): string | null;
}

/**
 * Encrypts personal data (national IDs) with AES-256-GCM under a key from the environment, and gives a keyed
 * digest for uniqueness checks. Neither the key nor plain values are ever logged. Every instance of an installation
 * shares the key, so it also seals short-lived values one instance hands out and another reads back (`sealer`).
 */
export class PiiCipher {
  private readonly master: Buffer;
  private readonly encryptionKey: Buffer;
  private readonly digestKey: Buffer;

  constructor(masterKeyBase64: string) {
    const master = Buffer.from(masterKeyBase64, 'base64');
    if (master.length !== 32) {
      throw new Error(
        'PII_ENCRYPTION_KEY 必須是 32 位元組金鑰的 base64 編碼（例如 `openssl rand -base64 32` 的輸出）。',
      );
    }
    this.master = master;
    this.encryptionKey = deriveKey(master, 'pii-encryption');
    this.digestKey = deriveKey(master, 'pii-digest');
  }

  static generateKey(): string {
    return randomBytes(32).toString('base64');
  }

  encrypt(plain: string): string {
    const { iv, tag, body } = seal(this.encryptionKey, Buffer.from(plain, 'utf8'));
    return [VERSION, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown PII envelope');
    return open(this.encryptionKey, {
      iv: Buffer.from(iv, 'base64'),
      tag: Buffer.from(tag, 'base64'),
      body: Buffer.from(body, 'base64'),
    }).toString('utf8');
  }

  digest(plain: string): string {
    return createHmac('sha256', this.digestKey).update(plain, 'utf8').digest('base64url');
  }

  /** A sealer under a key of its own for `purpose` (never the PII keys themselves). */
  sealer(purpose: string): Sealer {
    const key = deriveKey(this.master, `sealed:${purpose}`);
    return {
      seal: (plain) => {
        const { iv, tag, body } = seal(key, Buffer.from(plain, 'utf8'));
        return Buffer.concat([iv, tag, body]).toString('base64url');
      },
      open: (sealed) => {
        const bytes = Buffer.from(sealed, 'base64url');
        if (bytes.length < 28) return null;
        try {
          return open(key, {
            iv: bytes.subarray(0, 12),
            tag: bytes.subarray(12, 28),
            body: bytes.subarray(28),
          }).toString('utf8');
        } catch {
          return null;
        }
      },
    };
  }
}

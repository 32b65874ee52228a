import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig, ExchangeConfig } from '../../common/config.js';

/**
 * The installation's signing key for exchange files (Ed25519, node:crypto) and the keys it trusts. The private key
 * comes from EXCHANGE_SIGNING_KEY (PKCS8 PEM, or its DER in base64); without it:
 * - with the embedded database (one machine), a key is generated once and kept under DATA_DIR, like the PII key;
 * - with DATABASE_URL, it is derived from the PII key, which every instance of the installation shares, so all
 *   instances sign alike (as portfolio_app's password is derived). Production should set its own key, so that the key
 *   other cities trust can be kept and rotated apart from the PII key; the README says so.
 */
export async function resolveExchangeSigningKey(config: AppConfig, piiKey: string): Promise<string> {
  const given = config.exchange.signingKey;
  if (given) {
    privateKeyOf(given);
    return given;
  }
  if (!config.databaseUrl) {
    const file = path.join(config.dataDir, 'exchange-signing.key');
    if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
    await mkdir(config.dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await writeFile(file, pem, { mode: 0o600 });
    return pem;
  }
  const seed = Buffer.from(hkdfSync('sha256', Buffer.from(piiKey, 'base64'), Buffer.alloc(0), 'exchange-signing', 32));
  return Buffer.concat([PKCS8_ED25519_PREFIX, seed]).toString('base64');
}

/** The DER of a PKCS8 Ed25519 private key before its 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function privateKeyOf(text: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(
      text.includes('-----BEGIN') ? text : { key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' },
    );
  } catch {
    throw new Error('EXCHANGE_SIGNING_KEY 不是有效的私鑰（須為 Ed25519 的 PKCS8 PEM，或其 DER 的 base64）。');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('EXCHANGE_SIGNING_KEY 必須是 Ed25519 私鑰。');
  }
  return key;
}

function publicKeyOf(text: string): KeyObject {
  return createPublicKey(
    text.includes('-----BEGIN') ? text : { key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' },
  );
}

/** A public key as the manifest's signature file carries it: the base64 of its SPKI DER. */
const spkiBase64 = (key: KeyObject): string => key.export({ format: 'der', type: 'spki' }).toString('base64');

export class ExchangeKeys {
  private readonly privateKey: KeyObject;
  /** This installation's public key (SPKI DER, base64): always trusted. */
  readonly publicKey: string;
  private readonly trusted: Map<string, string>;

  constructor(config: ExchangeConfig) {
    if (!config.signingKey) throw new Error('the exchange signing key was not resolved at start');
    this.privateKey = privateKeyOf(config.signingKey);
    this.publicKey = spkiBase64(createPublicKey(this.privateKey));
    this.trusted = new Map(
      Object.entries(config.trustedKeys).map(([code, key]) => [code, spkiBase64(publicKeyOf(key))]),
    );
  }

  sign(bytes: Buffer): Buffer {
    return sign(null, bytes, this.privateKey);
  }

  /** Whether `signature` is a valid signature of `bytes` by the key given (SPKI DER, base64). */
  static verify(bytes: Buffer, signature: Buffer, publicKey: string): boolean {
    try {
      const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
      return key.asymmetricKeyType === 'ed25519' && verify(null, bytes, key, signature);
    } catch {
      return false;
    }
  }

  /** Whether a file signed with `publicKey` is trusted as coming from the authority `authorityCode`. */
  trusts(publicKey: string, authorityCode: string): boolean {
    return publicKey === this.publicKey || this.trusted.get(authorityCode) === publicKey;
  }
}

const keysByConfig = new WeakMap<ExchangeConfig, ExchangeKeys>();

/** The keys of this configuration, parsed once. */
export function exchangeKeysOf(config: AppConfig): ExchangeKeys {
  let keys = keysByConfig.get(config.exchange);
  if (!keys) {
    keys = new ExchangeKeys(config.exchange);
    keysByConfig.set(config.exchange, keys);
  }
  return keys;
}

import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
// algorithm 2 is Argon2id (the package's enum is a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

/**
 * What is wrong with a password a person chooses, if anything: too short or too long, or made of their login name.
 * (A check against common passwords comes with the accounts issue.)
 */
export function newPasswordProblem(password: string, username: string): { code: string; message: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return {
      code: 'PASSWORD_LENGTH',
      message: `新密碼須為 ${MIN_PASSWORD_LENGTH} 到 ${MAX_PASSWORD_LENGTH} 個字元。`,
    };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return { code: 'PASSWORD_HAS_USERNAME', message: '新密碼不能包含您的帳號。' };
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/** Verifying against a decoy when the account is unknown keeps both answers equally slow. */
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-never-matches');
  return decoyHash;
}

/** Without look-alikes (0/O, 1/l/I), for a first sign-in typed from a printed slip. */
const TEMPORARY_PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password handed to a person once (a new account, a reset): ten characters, about 58 bits. */
export function temporaryPassword(): string {
  return Array.from(
    { length: 10 },
    () => TEMPORARY_PASSWORD_ALPHABET[randomInt(TEMPORARY_PASSWORD_ALPHABET.length)],
  ).join('');
}

import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { WorkQueue } from '../../common/work-queue.js';

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
// algorithm 2 is Argon2id (the package's enum is a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Hashes and verifications running at once. Each holds 19 MiB and one of libuv's threads (4 by default, shared with
 * file reads and writes) for ~20 ms of CPU: 500 sign-ins at once otherwise run four at a time, holding 76 MiB and
 * every libuv thread, so uploads' file writes wait behind them. More at once than there are cores finishes no
 * sooner; at most one thread is left to the file system's work on a small machine. The rest wait in order (a caller
 * is a closure, not memory worth refusing for; sign-ins are throttled per address and account before they get here).
 */
const hashing = new WorkQueue(
  'argon2',
  Math.max(1, Math.min(availableParallelism(), Number(process.env.UV_THREADPOOL_SIZE ?? 4) - 1)),
);

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

/**
 * zxcvbn with the common-password and common-word lists only (the full language packs add nothing for Chinese
 * speakers and cost memory). Only the first 40 characters are judged: its matching grows with the square of the
 * length (a 200-character password took 280 ms of the event loop, 40 characters take under 30 ms), and a password
 * whose first 40 characters are hard to guess is hard to guess.
 */
let strength: ZxcvbnFactory | undefined;
const STRENGTH_JUDGED_LENGTH = 40;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable" against an offline attack on a slow hash. */
const MIN_STRENGTH_SCORE = 3;
/** Characters that must be left once the person's own words are taken out. */
const PERSONAL_REST_MIN_LENGTH = 6;

/**
 * What is wrong with a password a person chooses, if anything: too short or too long, made of their login name, or
 * common or easy to guess (zxcvbn, also against what the platform knows of the person: name, 學號, school code).
 */
export function newPasswordProblem(
  password: string,
  username: string,
  personalWords: readonly string[] = [],
): { code: string; message: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return {
      code: 'PASSWORD_LENGTH',
      message: `新密碼須為 ${MIN_PASSWORD_LENGTH} 到 ${MAX_PASSWORD_LENGTH} 個字元。`,
    };
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return { code: 'PASSWORD_HAS_USERNAME', message: '新密碼不能包含您的帳號。' };
  }
  // zxcvbn scores a password made of two known words and a symbol as "safe" (its floor per matched part); what the
  // platform knows of the person is what a classmate would try first, so it must not be most of the password.
  const personal = [username, ...personalWords].filter((word) => word.length >= 3).map((word) => word.toLowerCase());
  const rest = personal.reduce((left, word) => left.replaceAll(word, ''), password.toLowerCase());
  if (rest.length < PERSONAL_REST_MIN_LENGTH) {
    return {
      code: 'PASSWORD_HAS_PERSONAL_INFO',
      message: '新密碼主要由您的帳號、姓名、學號或學校代碼組成，很容易被猜到；請改用其他組合。',
    };
  }
  strength ??= new ZxcvbnFactory({ maxLength: STRENGTH_JUDGED_LENGTH, dictionary, graphs: adjacencyGraphs });
  const judged = strength.check(password, [username, ...personalWords.filter((word) => word.length > 0)]);
  if (judged.score < MIN_STRENGTH_SCORE) {
    return {
      code: 'PASSWORD_TOO_COMMON',
      message:
        '這個密碼太常見或太容易猜到（例如常用密碼、鍵盤順序、重複字元、您的姓名或學號）；請改用較長、不易猜到的組合，例如幾個不相干的詞加上數字。',
    };
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hashing.run(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing.run(() => verify(passwordHash, password));
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

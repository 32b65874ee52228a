import { randomBytes } from 'node:crypto';
import { badInput } from './errors.js';

/** UUIDv7: time-ordered, so new rows land at the end of (school_id, id) indexes instead of all over them. */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** Relay global id: the type name and the row id, base64url-encoded. */
export function toGlobalId(typeName: string, id: string): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  typeName: string;
  id: string;
}

export function fromGlobalId(globalId: string): DecodedGlobalId | null {
  if (globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  const typeName = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!isUuid(id)) return null;
  return { typeName, id };
}

/** The row id behind a global id of the expected type; null for any other type or a malformed id. */
export function idOfType(globalId: string, typeName: string): string | null {
  const decoded = fromGlobalId(globalId);
  return decoded?.typeName === typeName ? decoded.id : null;
}

/** Like idOfType, for an argument that must be such an id: anything else is a clear BAD_USER_INPUT. */
export function requireIdOfType(globalId: string, typeName: string, label: string, field: string): string {
  const id = idOfType(globalId, typeName);
  if (!id) throw badInput(`${label}識別碼格式不正確。`, field);
  return id;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 16 random bytes = 128 bits, base64url without padding: 22 characters. */
const idBytes = 16;
/** Keys are bearer secrets: 32 random bytes = 256 bits, 43 characters. */
const keyBytes = 32;

const boardIdPattern = /^[A-Za-z0-9_-]{22}$/;
const keyPattern = /^[A-Za-z0-9_-]{43}$/;

export function generateBoardId(): string {
  return randomBytes(idBytes).toString('base64url');
}

export function generateKey(): string {
  return randomBytes(keyBytes).toString('base64url');
}

/** True when `id` has the shape of an id we hand out; anything else is refused before touching storage. */
export function isValidBoardId(id: string): boolean {
  return boardIdPattern.test(id);
}

export function isWellFormedKey(key: string): boolean {
  return keyPattern.test(key);
}

/** SHA-256 hex of a key; only this is stored. Keys are random, so no salt or slow hash is needed. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex hashes. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

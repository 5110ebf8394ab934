import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O or U, so a reference read over the phone is unambiguous. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random, URL-safe ticket id (128 bits). */
export function newTicketId(): string {
  return randomBytes(16).toString('base64url');
}

/** A random access token (256 bits, 43 characters); only its SHA-256 is stored. */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A human reference like `OSO-7K3Q2`: short enough to quote in an e-mail, random so that it
 * reveals nothing about the number of tickets. Uniqueness is the caller's job (retry on collision).
 */
export function newReference(length = 5): string {
  let out = 'OSO-';
  for (let i = 0; i < length; i++) out += CROCKFORD[randomInt(CROCKFORD.length)];
  return out;
}

/** SHA-256 digest of a UTF-8 string. */
export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Constant-time comparison of two secrets: both are hashed first so the lengths are always
 * equal (timingSafeEqual throws otherwise, and an early length check would leak the length).
 */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** Constant-time comparison of a presented token with a stored SHA-256 digest. */
export function tokenMatchesHash(token: string, storedHash: Uint8Array): boolean {
  const digest = sha256(token);
  if (storedHash.length !== digest.length) return false;
  return timingSafeEqual(digest, storedHash);
}

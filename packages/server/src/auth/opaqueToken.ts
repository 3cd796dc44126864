import { createHash, randomBytes } from 'node:crypto';

/** A random credential handed to a client once, and the hash that is all we store. */
export interface OpaqueToken {
  token: string;
  hash: string;
}

/**
 * 32 random bytes, base64url, behind `prefix` (`slw_` for API tokens so secret scanners
 * and the auth layer can recognise them).
 */
export function newOpaqueToken(prefix = ''): OpaqueToken {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** Hex SHA-256 of a token: the `token_hash` column of every token table (see db schema). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SlipwayError } from '@slipway/core';
import type { SecretKey } from './secretKey.js';

/** A value encrypted with AES-256-GCM; byte fields are base64, as stored. */
export interface SealedSecret {
  ciphertext: string;
  iv: string;
  authTag: string;
  keyId: string;
}

const ALGORITHM = 'aes-256-gcm';
/** 96-bit nonces, the size GCM is specified for (NIST SP 800-38D §5.2.1.1). */
const IV_BYTES = 12;

/**
 * Encrypts `value` under `key` with a fresh random IV. `context` (scope and name) is
 * authenticated but not stored in the ciphertext: a sealed value copied to another
 * secret fails to open instead of leaking under the wrong name.
 */
export function sealSecret(key: SecretKey, value: string, context: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.bytes, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    ciphertext: ciphertext.toString('base64'),
    iv: iv.toString('base64'),
    authTag: cipher.getAuthTag().toString('base64'),
    keyId: key.id,
  };
}

/**
 * Decrypts a sealed value. A different key, or any change to the ciphertext, IV, tag or
 * context, is a `SECRET_UNREADABLE` error; the message never contains the value.
 */
export function openSecret(key: SecretKey, sealed: SealedSecret, context: string): string {
  if (sealed.keyId !== key.id) {
    throw unreadable(
      `Secret ${context} was encrypted with key ${sealed.keyId}, but the configured key is ${key.id}.`,
      ['set SLIPWAY_SECRET_KEY (or restore secret.key) to the key the secrets were written with'],
    );
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key.bytes, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch (cause) {
    throw unreadable(
      `Secret ${context} failed authentication: it was altered or belongs elsewhere.`,
      ['write the secret again'],
      cause,
    );
  }
}

function unreadable(message: string, recovery: string[], cause?: unknown): SlipwayError {
  return new SlipwayError({
    code: 'SECRET_UNREADABLE',
    component: 'Secrets',
    message,
    recovery,
    cause,
  });
}

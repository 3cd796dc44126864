import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SlipwayError } from '@slipway/core';

/** HS256 needs at least the hash length (RFC 7518 §3.2). */
const MIN_KEY_BYTES = 32;

export interface AuthKeyOptions {
  /** Base64 or base64url key material, usually `SLIPWAY_AUTH_KEY`. */
  fromEnv?: string;
  /** Where the key file lives (`<dir>/auth.key`), created with mode 0600 when missing. */
  dataDir: string;
}

/**
 * The server's signing key for access tokens: `SLIPWAY_AUTH_KEY` when set, otherwise a
 * 32-byte key generated once into `<dataDir>/auth.key` (0600). Every API process of one
 * deployment must share it, so multi-machine setups set the env variable.
 */
export function loadAuthKey(options: AuthKeyOptions): Uint8Array {
  if (options.fromEnv) return decodeKey(options.fromEnv, 'SLIPWAY_AUTH_KEY');
  const file = join(options.dataDir, 'auth.key');
  try {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) chmodSync(file, 0o600);
    return decodeKey(readFileSync(file, 'utf8').trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(MIN_KEY_BYTES);
  // `wx`: two processes racing on first start must not overwrite each other's key.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return decodeKey(readFileSync(file, 'utf8').trim(), file);
  }
}

function decodeKey(text: string, source: string): Uint8Array {
  const key = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  if (key.length < MIN_KEY_BYTES) {
    throw new SlipwayError({
      code: 'CONFIG_INVALID',
      component: 'Auth',
      message: `The auth key from ${source} is ${key.length} bytes; at least ${MIN_KEY_BYTES} are needed`,
      recovery: ['openssl rand -base64 32   # then set SLIPWAY_AUTH_KEY to the output'],
    });
  }
  return key;
}

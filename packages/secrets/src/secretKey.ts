import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';

/** The AES-256 key that encrypts secrets at rest. */
export interface SecretKey {
  /** Fingerprint stored with each sealed value: first 16 hex of SHA-256; not the key. */
  readonly id: string;
  readonly bytes: Buffer;
  readonly source: 'env' | 'file';
}

/** Wraps 32 key bytes. */
export function secretKeyFrom(bytes: Buffer, source: SecretKey['source'] = 'env'): SecretKey {
  if (bytes.length !== 32) throw new Error(`an AES-256 key has 32 bytes, not ${bytes.length}`);
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return { id, bytes, source };
}

export interface LoadSecretKeyOptions {
  /** Base64 of 32 bytes. @default process.env.SLIPWAY_SECRET_KEY */
  value?: string;
  /** Where the generated key file lives when no value is given (created 0700 if missing). */
  dataDir: string;
}

/** The same file name as the server's, so `slipway serve` and the CLI store share a key. */
const KEY_FILE = 'secret.key';

/**
 * The secrets key: `SLIPWAY_SECRET_KEY` (base64, 32 bytes) when set, else
 * `<dataDir>/secret.key`, generated on first use with mode 0600. Losing the key loses
 * every stored secret: back the file up.
 */
export function loadSecretKey(options: LoadSecretKeyOptions): SecretKey {
  const value = options.value ?? (process.env.SLIPWAY_SECRET_KEY || undefined);
  if (value !== undefined) {
    const bytes = Buffer.from(value.trim(), 'base64');
    if (bytes.length !== 32) {
      throw new SlipwayError({
        code: 'CONFIG_INVALID',
        component: 'Secrets',
        message: `SLIPWAY_SECRET_KEY must be base64 of 32 bytes; it decodes to ${bytes.length}.`,
        recovery: ['openssl rand -base64 32', 'or unset it to use the generated key file'],
      });
    }
    return secretKeyFrom(bytes, 'env');
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const path = join(options.dataDir, KEY_FILE);
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A key file readable by others is not a secret: narrow it to its owner.
  if (statSync(path).mode & 0o077) chmodSync(path, 0o600);
  const bytes = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (bytes.length !== 32) {
    throw new SlipwayError({
      code: 'CONFIG_INVALID',
      component: 'Secrets',
      message: `The secrets key file ${path} does not hold base64 of 32 bytes.`,
      recovery: [`restore ${path} from a backup`, 'or set SLIPWAY_SECRET_KEY to the key'],
    });
  }
  return secretKeyFrom(bytes, 'file');
}

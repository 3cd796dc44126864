import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';
import { withFileLock, writeFileAtomic } from '@slipway/core/files';
import { openSecret, sealSecret } from './secretCipher.js';
import type { SealedSecret } from './secretCipher.js';
import { loadSecretKey } from './secretKey.js';
import type { SecretKey } from './secretKey.js';

/** A stored secret as anyone may see it: never the value. */
export interface LocalSecretInfo {
  name: string;
  scope: string;
  updatedAt: string;
}

/** Secrets on this machine, encrypted at rest; one JSON file, mode 0600. */
export interface LocalSecretsStore {
  /** Where the encrypted secrets live. */
  readonly file: string;
  /** Creates or replaces a secret. */
  set(name: string, value: string): Promise<LocalSecretInfo>;
  /** The decrypted value, or undefined when there is no such secret. */
  get(name: string): string | undefined;
  /** Names and update times of this scope's secrets, by name. */
  list(): LocalSecretInfo[];
  /** Whether the secret was there to remove. */
  remove(name: string): Promise<boolean>;
  /** Every secret of the scope, decrypted, to inject as environment. Never print it. */
  resolve(): Record<string, string>;
}

export interface LocalSecretsStoreOptions {
  /** @default `$SLIPWAY_HOME` or `~/.slipway` */
  dir?: string;
  /** Secrets are grouped by scope (a project name, say). @default 'default' */
  scope?: string;
  /** @default the key from `SLIPWAY_SECRET_KEY` or `<dir>/secret.key` (generated, 0600) */
  key?: SecretKey;
}

interface StoredSecret extends SealedSecret {
  updatedAt: string;
}

interface SecretsFile {
  version: 1;
  scopes: Record<string, Record<string, StoredSecret>>;
}

const FILE_NAME = 'secrets.json';
/** Names become environment variables, so they follow the POSIX shape. */
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const MAX_VALUE_BYTES = 64 * 1024;

/** `$SLIPWAY_HOME`, else `~/.slipway`: where the CLI keeps per-user state. */
export function slipwayHome(): string {
  return process.env.SLIPWAY_HOME || join(homedir(), '.slipway');
}

/**
 * The CLI's secret store: AES-256-GCM under the same key and key file as the server, so
 * `slipway serve` and the CLI on one machine read each other's secrets; each value is
 * bound to its scope and name.
 * @example
 * const store = createLocalSecretsStore({ scope: 'acme' });
 * await store.set('STRIPE_KEY', value);
 * const env = store.resolve();
 */
export function createLocalSecretsStore(options: LocalSecretsStoreOptions = {}): LocalSecretsStore {
  const dir = options.dir ?? slipwayHome();
  const scope = options.scope ?? 'default';
  const file = join(dir, FILE_NAME);
  let key = options.key;
  const getKey = (): SecretKey => (key ??= loadSecretKey({ dataDir: dir }));
  const context = (name: string) => `local:${scope}:${name}`;
  const entries = (): Record<string, StoredSecret> => readSecretsFile(file).scopes[scope] ?? {};
  const info = (name: string, stored: StoredSecret): LocalSecretInfo => ({
    name,
    scope,
    updatedAt: stored.updatedAt,
  });

  return {
    file,
    async set(name, value) {
      assertName(name);
      assertValue(name, value);
      const stored = { ...sealSecret(getKey(), value, context(name)), updatedAt: now() };
      await withFileLock(file, () => {
        const data = readSecretsFile(file);
        data.scopes[scope] = { ...data.scopes[scope], [name]: stored };
        writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 0o600);
      });
      return info(name, stored);
    },
    get(name) {
      const stored = entries()[name];
      return stored === undefined ? undefined : openSecret(getKey(), stored, context(name));
    },
    list() {
      return Object.entries(entries())
        .map(([name, stored]) => info(name, stored))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async remove(name) {
      return withFileLock(file, () => {
        const data = readSecretsFile(file);
        const secrets = data.scopes[scope];
        if (!secrets || !(name in secrets)) return false;
        delete secrets[name];
        writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 0o600);
        return true;
      });
    },
    resolve() {
      return Object.fromEntries(
        Object.entries(entries()).map(([name, stored]) => [
          name,
          openSecret(getKey(), stored, context(name)),
        ]),
      );
    },
  };
}

function readSecretsFile(file: string): SecretsFile {
  if (!existsSync(file)) return { version: 1, scopes: {} };
  // Narrow a loosened file back to its owner, as the key file is.
  if (statSync(file).mode & 0o077) chmodSync(file, 0o600);
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as SecretsFile;
    if (data.version !== 1 || typeof data.scopes !== 'object' || data.scopes === null) {
      throw new Error(`unknown format version ${String(data.version)}`);
    }
    return data;
  } catch (cause) {
    throw new SlipwayError({
      code: 'SECRET_UNREADABLE',
      component: 'Secrets',
      message: `The secrets file ${file} is not a Slipway secrets file.`,
      recovery: [`restore ${file} from a backup`, `or move it away to start a new store`],
      cause,
    });
  }
}

function assertName(name: string): void {
  if (NAME_PATTERN.test(name)) return;
  throw new SlipwayError({
    code: 'INPUT_INVALID',
    component: 'Secrets',
    message: `"${name}" is not a valid secret name: use letters, digits and _ (not first), up to 128.`,
    recovery: ['slipway secrets set STRIPE_KEY'],
  });
}

function assertValue(name: string, value: string): void {
  if (value.length > 0 && Buffer.byteLength(value, 'utf8') <= MAX_VALUE_BYTES) return;
  throw new SlipwayError({
    code: 'INPUT_INVALID',
    component: 'Secrets',
    message: `The value of ${name} must be 1 byte to 64 KiB long.`,
  });
}

function now(): string {
  return new Date().toISOString();
}

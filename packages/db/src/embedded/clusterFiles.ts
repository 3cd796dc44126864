import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceUser } from './serviceUser.js';

/** The cluster's own directory under the data dir. */
export function clusterDirOf(dataDir: string): string {
  return join(dataDir, 'pg');
}

/**
 * Creates the data dir. Mode 0700, except when Postgres runs as a service user (we are
 * root): then 0711, so that user can pass through to `pg/` without listing the key files
 * kept beside it.
 */
export function prepareDataDir(dataDir: string, user: ServiceUser | undefined): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chmodSync(dataDir, 0o711);
}

/**
 * The superuser password of the embedded cluster, generated on first use and kept in
 * `<dataDir>/pg-password` with mode 0600. Base64url, so it needs no escaping in a URL.
 */
export function clusterPassword(dataDir: string): string {
  const path = join(dataDir, 'pg-password');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(path, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

/** Makes `path` belong to the service user, when there is one. */
export function handOver(path: string, user: ServiceUser | undefined): void {
  if (user) chownSync(path, user.uid, user.gid);
}

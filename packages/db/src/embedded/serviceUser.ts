import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SlipwayError } from '@slipway/core';

/** The OS account the embedded postmaster runs as; undefined means "as ourselves". */
export interface ServiceUser {
  name: string;
  uid: number;
  gid: number;
}

/** @default 'slipway' — override with `SLIPWAY_PG_USER`. */
const DEFAULT_SERVICE_USER = 'slipway';

/**
 * PostgreSQL refuses to run as root. When Slipway runs as root (containers, CI) the
 * embedded cluster runs as an unprivileged system account instead: `SLIPWAY_PG_USER`
 * when set, else `slipway`, created with `useradd --system` the first time. As any other
 * user, Postgres simply runs as that user.
 */
export function serviceUser(): ServiceUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const name = process.env.SLIPWAY_PG_USER || DEFAULT_SERVICE_USER;
  return lookUp(name) ?? create(name);
}

function lookUp(name: string): ServiceUser | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { name, uid, gid };
  } catch {
    return undefined;
  }
}

function create(name: string): ServiceUser {
  const command = [
    'useradd',
    '--system',
    '--user-group',
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    name,
  ];
  try {
    execFileSync(command[0]!, command.slice(1), { stdio: 'pipe' });
  } catch (cause) {
    // Another process may have created it at the same moment.
    const existing = lookUp(name);
    if (existing) return existing;
    throw new SlipwayError({
      code: 'UNAVAILABLE',
      component: 'Database',
      message: `Running as root, Slipway needs an unprivileged account to run PostgreSQL as, and could not create "${name}".`,
      recovery: [
        command.join(' '),
        'or set SLIPWAY_PG_USER to an existing unprivileged account',
        'or run Slipway as a non-root user, or set DATABASE_URL',
      ],
      cause,
    });
  }
  const created = lookUp(name);
  if (!created) throw new Error(`useradd succeeded but "${name}" is not visible to id`);
  return created;
}

/**
 * Throws a SlipwayError unless `user` can search every directory above `path` — the
 * postmaster opens its data directory and its own binaries by absolute path.
 */
export function assertReachable(path: string, user: ServiceUser): void {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const searchable =
      uid === user.uid ? mode & 0o100 : gid === user.gid ? mode & 0o010 : mode & 0o001;
    if (!searchable) {
      throw new SlipwayError({
        code: 'UNAVAILABLE',
        component: 'Database',
        message: `The PostgreSQL account "${user.name}" cannot reach ${path}: ${dir} is not searchable by it.`,
        recovery: [
          'start Slipway with a --data-dir outside /root, e.g. --data-dir /var/lib/slipway',
          `or chmod o+x ${dir}`,
          'or set DATABASE_URL to use a PostgreSQL server',
        ],
      });
    }
    if (dir === dirname(dir)) return;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SlipwayError } from '@slipway/core';
import pg from 'pg';
import { clusterDirOf, clusterPassword, handOver, prepareDataDir } from './clusterFiles.js';
import { acquireDataDirLock, type DataDirLock } from './dataDirLock.js';
import { freePort } from './freePort.js';
import { postgresBinaries, type PostgresBinaries } from './postgresBinaries.js';
import { assertReachable, serviceUser, type ServiceUser } from './serviceUser.js';
import { recoverStalePostmaster, type StalePostmaster } from './stalePostmaster.js';
import {
  superviseCluster,
  type ClusterSupervisor,
  type EmbeddedStatus,
} from './superviseCluster.js';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /**
   * fsync and full-page writes on. Tests turn this off: their clusters are throwaway.
   * @default true
   */
  durable?: boolean;
}

export interface EmbeddedPostgres {
  /** `postgres://slipway:…@127.0.0.1:<port>/slipway` */
  readonly url: string;
  /** Whether this start ran initdb. */
  readonly initialised: boolean;
  /** What was cleaned up from a previous Slipway that died. */
  readonly recovered: StalePostmaster;
  /** Running, restarting after it died on its own, or stopped; and how often it restarted. */
  status(): EmbeddedStatus;
  /**
   * Fast shutdown (SIGINT; SIGKILL after `timeoutMs`), then releases the data-dir lock.
   * Idempotent.
   * @default timeoutMs 30_000
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Immediate shutdown (SIGQUIT, SIGKILL after 2 s) and the lock released: a second Ctrl-C. */
  kill(): Promise<void>;
}

export const CLUSTER_USER = 'slipway';
export const CLUSTER_DATABASE = 'slipway';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
/**
 * Start failures that pass: another process took the port between freePort() and bind(),
 * or backends of a SIGKILLed postmaster have not yet noticed its death and detached.
 */
const RETRYABLE_START_FAILURE =
  /could not bind|Address already in use|shared memory block is still in use/;

/**
 * Starts a PostgreSQL cluster in `<dataDir>/pg` on 127.0.0.1 and a free port with
 * password (SCRAM) auth, running initdb the first time. Holds `<dataDir>/slipway.lock`
 * until `stop()`; the process's `exit` event also sends the postmaster SIGINT.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const { dataDir } = options;
  const durable = options.durable ?? true;
  const user = serviceUser();
  prepareDataDir(dataDir, user);
  const lock = acquireDataDirLock(dataDir);
  try {
    const binaries = await postgresBinaries();
    const clusterDir = clusterDirOf(dataDir);
    if (user) {
      assertReachable(clusterDir, user);
      assertReachable(binaries.postgres, user);
    }
    const password = clusterPassword(dataDir);
    const initialised = !existsSync(join(clusterDir, 'PG_VERSION'));
    if (initialised) await initdb({ binaries, dataDir, user, password, durable });
    const recovered = await recoverStalePostmaster(clusterDir);
    const context = { binaries, dataDir, user, durable };
    const { child, port } = await startPostmaster(context);
    const url = `postgres://${CLUSTER_USER}:${password}@127.0.0.1:${port}/${CLUSTER_DATABASE}`;
    // A restart keeps the port, so the pools' URL stays right and they simply reconnect.
    const supervisor = superviseCluster({
      child,
      lockPath: lock.path,
      restart: async () => {
        await recoverStalePostmaster(clusterDir);
        return (await startPostmaster({ ...context, port })).child;
      },
    });
    const { stop, kill } = stopper(supervisor, lock);
    try {
      await ensureDatabase(url.replace(/\/slipway$/, '/postgres'));
    } catch (error) {
      await stop();
      throw error;
    }
    return { url, initialised, recovered, status: supervisor.status, stop, kill };
  } catch (error) {
    lock.release();
    throw error;
  }
}

interface ClusterContext {
  binaries: PostgresBinaries;
  dataDir: string;
  user: ServiceUser | undefined;
  durable: boolean;
}

async function initdb(context: ClusterContext & { password: string }): Promise<void> {
  const { binaries, dataDir, user, password, durable } = context;
  const clusterDir = clusterDirOf(dataDir);
  // A directory without PG_VERSION is a half-finished initdb: start it over.
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(clusterDir, { mode: 0o700 });
  handOver(clusterDir, user);
  const pwfile = join(dataDir, `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  handOver(pwfile, user);
  try {
    const args = [
      `--pgdata=${clusterDir}`,
      `--username=${CLUSTER_USER}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
      // One syncfs() of the file system instead of an fsync per file: as durable, and
      // about half the time of a first start on Linux.
      ...(durable ? (process.platform === 'linux' ? ['--sync-method=syncfs'] : []) : ['--no-sync']),
    ];
    const { code, output } = await run(binaries.initdb, { args, user });
    if (code !== 0) {
      throw new SlipwayError({
        code: 'UNAVAILABLE',
        component: 'Database',
        message: `initdb failed for ${clusterDir} (exit ${code}):\n${tail(output)}`,
        recovery: [`rm -rf ${clusterDir} and start again`, 'or set DATABASE_URL'],
      });
    }
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function run(
  file: string,
  options: { args: string[]; user: ServiceUser | undefined },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, options.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.user ? { uid: options.user.uid, gid: options.user.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function startPostmaster(
  context: ClusterContext & { port?: number },
): Promise<{ child: ChildProcess; port: number }> {
  const clusterDir = clusterDirOf(context.dataDir);
  const logPath = join(context.dataDir, 'postgres.log');
  for (let attempt = 1; ; attempt++) {
    const port = context.port ?? (await freePort());
    const logFd = openSync(logPath, 'w', 0o600);
    // The log goes to a file, not a pipe, so its last words stay readable. Its own
    // process group: a terminal's Ctrl-C reaches only us, and we stop it in order (a
    // parent watchdog stops it when we die).
    const child = spawn(
      context.binaries.postgres,
      postmasterArgs(clusterDir, port, context.durable),
      {
        stdio: ['ignore', logFd, logFd],
        detached: true,
        ...(context.user ? { uid: context.user.uid, gid: context.user.gid } : {}),
      },
    );
    closeSync(logFd);
    const outcome = await waitReady(child, clusterDir);
    if (outcome === 'ready') return { child, port };
    const log = readFileSync(logPath, 'utf8');
    if (outcome === 'exited' && attempt < 5 && RETRYABLE_START_FAILURE.test(log)) {
      await sleep(attempt * 200);
      continue;
    }
    child.kill('SIGKILL');
    throw new SlipwayError({
      code: 'UNAVAILABLE',
      component: 'Database',
      message:
        outcome === 'timeout'
          ? `The embedded PostgreSQL in ${clusterDir} was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${tail(log)}`
          : `The embedded PostgreSQL in ${clusterDir} exited while starting:\n${tail(log)}`,
      recovery: [`read ${logPath}`, 'or set DATABASE_URL to use a PostgreSQL server'],
    });
  }
}

function postmasterArgs(clusterDir: string, port: number, durable: boolean): string[] {
  const settings = [
    'listen_addresses=127.0.0.1',
    // TCP only: no socket file in /tmp to collide with other clusters.
    'unix_socket_directories=',
    'max_connections=200',
    ...(durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
  ];
  return ['-D', clusterDir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])];
}

/**
 * Polls `postmaster.pid`: its 8th line becomes `ready` once the postmaster accepts
 * connections (what `pg_ctl start -w` waits for), independent of the message locale.
 */
async function waitReady(
  child: ChildProcess,
  clusterDir: string,
): Promise<'ready' | 'exited' | 'timeout'> {
  let exited = false;
  child.once('exit', () => (exited = true));
  const pidFile = join(clusterDir, 'postmaster.pid');
  for (let waited = 0; waited < READY_TIMEOUT_MS; waited += 20) {
    if (exited) return 'exited';
    try {
      const lines = readFileSync(pidFile, 'utf8').split('\n');
      if (lines[0] === String(child.pid) && lines[7]?.trim() === 'ready') return 'ready';
    } catch {
      // not written yet
    }
    await sleep(20);
  }
  return 'timeout';
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      CLUSTER_DATABASE,
    ]);
    if (!rowCount) await client.query(`create database ${CLUSTER_DATABASE}`);
  } finally {
    await client.end();
  }
}

function stopper(
  supervisor: ClusterSupervisor,
  lock: DataDirLock,
): Pick<EmbeddedPostgres, 'stop' | 'kill'> {
  // On a plain exit (no stop called) the postmaster gets its fast shutdown signal.
  const onExit = (): void => void supervisor.stop('SIGINT', STOP_TIMEOUT_MS);
  process.once('exit', onExit);
  let stopping: Promise<void> | undefined;
  const finish = (signal: NodeJS.Signals, timeoutMs: number) => async () => {
    process.off('exit', onExit);
    await supervisor.stop(signal, timeoutMs);
    lock.release();
  };
  return {
    stop: (options = {}) => (stopping ??= finish('SIGINT', options.timeoutMs ?? STOP_TIMEOUT_MS)()),
    // SIGQUIT is Postgres' immediate shutdown: no checkpoint, crash recovery at next start.
    kill: () => (stopping = finish('SIGQUIT', 2_000)()),
  };
}

function tail(text: string, lines = 20): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

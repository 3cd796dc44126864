import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;
const bin = join(root, 'packages/cli/bin/slipway.js');

export interface Served {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

/** Spawns the built `slipway serve` on `dataDir` (and `databaseUrl`, when given). */
export async function spawnServe(options: {
  dataDir: string;
  databaseUrl?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<Served> {
  if (!existsSync(join(root, 'packages/cli/dist/main.js'))) throw new Error('npm run build first');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SLIPWAY_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  Object.assign(env, options.env);
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--data-dir', options.dataDir, '--port', '0'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}\n${err}`)));
  });
  return { child, url, stdout: () => out };
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

/** Pids of `postgres` processes (postmaster and backends) serving `<dataDir>/pg`, from /proc. */
export function postgresOf(dataDir: string): number[] {
  const clusterDir = join(dataDir, 'pg');
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (/\) Z /.test(stat)) continue; // a zombie holds nothing
      if (cmdline.some((arg) => arg === clusterDir) && /postgres/.test(cmdline[0] ?? '')) {
        pids.push(Number(name));
      }
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** Polls `condition` every 100 ms; gives up (returning false) after `limitMs`. */
export async function eventually(condition: () => boolean, limitMs: number): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < limitMs;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

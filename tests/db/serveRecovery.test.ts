// `slipway serve` as users run it — the built CLI in its own process — killed with
// SIGKILL mid-flight, then started again on the same data directory. Needs `npm run build`
// (the root `prepare` script runs it on `npm ci`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
/** Spawned servers start Postgres and DBOS; on a loaded 2-core machine that takes a while. */
const SPAWN_TIMEOUT_MS = 180_000;
const bin = join(root, 'packages/cli/bin/slipway.js');
let dataDir: string;
/** With DATABASE_URL set (the CI's second pass) the server uses a throwaway database there. */
let external: TestDatabase | undefined;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  if (!existsSync(join(root, 'packages/cli/dist/main.js'))) {
    throw new Error('Build first: npm run build');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'slipway-serve-'));
  if (process.env.DATABASE_URL) external = await createTestDatabase();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  stopOrphanPostgres();
  await external?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Served {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

async function serve(): Promise<Served> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SLIPWAY_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (external) env.DATABASE_URL = external.url;
  const child = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}\n${err}`)));
  });
  return { child, url, stdout: () => out };
}

async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

/** Cleanup only: a postgres left running by a failed assertion above. */
function stopOrphanPostgres(): void {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  try {
    if (pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    // already gone
  }
}

it(
  'recovers after SIGKILL: the next start serves /api/health 200 on the same data',
  async () => {
    const first = await serve();
    expect((await health(first.url)).status).toBe(200);
    expect(first.stdout()).toContain('password:');
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await serve();
    const after = await health(second.url);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      status: 'ok',
      database: { status: 'up' },
      workers: { status: 'up' },
    });
    // Same database: the admin exists, so no new credentials are printed.
    expect(second.stdout()).not.toContain('password:');

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(second.stdout()).toContain('SIGTERM: stopping');
  },
  SPAWN_TIMEOUT_MS,
);

it(
  'reports a taken port as PORT_IN_USE and leaves the data directory usable',
  async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', SLIPWAY_LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    if (external) env.DATABASE_URL = external.url;
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--data-dir', dataDir, '--port', String(port)],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await exited(child);
    blocker.close();
    // Regression: the bundled CLI has its own copy of @slipway/core, and the server's
    // SlipwayError used to fall through to INTERNAL there.
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot listen on 127.0.0.1:${port}`);
    expect(stderr).toContain('errors.md#port-in-use');
    expect(stderr).toContain('slipway serve --port 0');

    const next = await serve();
    expect((await health(next.url)).status).toBe(200);
    next.child.kill('SIGTERM');
    expect(await exited(next.child)).toBe(0);
  },
  SPAWN_TIMEOUT_MS,
);

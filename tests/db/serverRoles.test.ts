// An `api` and a `worker` process of the built CLI sharing one database, started at the
// same moment (regression: concurrent DBOS launches on a fresh database deadlocked in
// DBOS's system-table migration). The API enqueues the verification mail; the worker
// delivers it (to the dev mailbox here).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
/** Spawned servers start Postgres and DBOS; on a loaded 2-core machine that takes a while. */
const SPAWN_TIMEOUT_MS = 180_000;
const bin = join(root, 'packages/cli/bin/slipway.js');
let database: TestDatabase;
let dataDir: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'slipway-roles-'));
});

afterAll(async () => {
  await Promise.all([...children].map(stop));
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function serve(role: 'api' | 'worker'): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    SLIPWAY_LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
  };
  delete env.SMTP_URL;
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--role', role, '--port', '0', '--data-dir', dataDir],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) =>
      reject(new Error(`serve --role ${role} exited ${code}:\n${out}\n${err}`)),
    );
  });
  return { child, url };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

it(
  'splits HTTP and durable work between an api and a worker process',
  async () => {
    const [api, worker] = await Promise.all([serve('api'), serve('worker')]);
    const workerHealth = await (await fetch(`${worker.url}/api/health`)).json();
    expect(workerHealth).toMatchObject({ status: 'ok', role: 'worker', workers: { status: 'up' } });
    expect((await fetch(`${worker.url}/api/me`)).status).toBe(404);
    const apiHealth = (await (await fetch(`${api.url}/api/health`)).json()) as {
      workers: { detail: string };
    };
    expect(apiHealth.workers.detail).toMatch(/enqueue only/);

    const signup = await fetch(`${api.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'roles@example.com', password: 'roles password 123' }),
    });
    expect(signup.status).toBe(201);
    for (;;) {
      const { rows } = await database.pool.query<{ status: string }>(
        `select status from email_outbox where to_address = 'roles@example.com'`,
      );
      if (rows[0]?.status === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  },
  SPAWN_TIMEOUT_MS,
);

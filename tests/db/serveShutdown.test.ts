// Stopping `slipway serve` as operators do — the built CLI in its own process — and
// checking nothing is left behind: no postgres on the data directory, no slipway.lock.
// Runs on the embedded database, and on DATABASE_URL in CI's second pass.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { eventually, exited, postgresOf, spawnServe, type Served } from './testing/spawnServe.js';

const SPAWN_TIMEOUT_MS = 180_000;
let external: TestDatabase | undefined;
let dataDir: string;
let served: Served | undefined;

beforeAll(async () => {
  if (process.env.DATABASE_URL) external = await createTestDatabase();
});
afterAll(() => external?.drop());
afterEach(() => {
  served?.child.kill('SIGKILL');
  for (const pid of postgresOf(dataDir)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<Served> {
  dataDir = mkdtempSync(join(tmpdir(), 'slipway-stop-'));
  served = await spawnServe({ dataDir, databaseUrl: external?.url });
  if (!external) expect(postgresOf(dataDir).length).toBeGreaterThan(0);
  return served;
}

/**
 * A login (argon2id: slow on purpose) on a keep-alive connection, in flight when the
 * test signals: its socket turns idle only after the stop began.
 */
function loginInFlight(url: string): { agent: Agent; done: Promise<void> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ email: 'nobody@example.com', password: 'not the password' });
  const done = new Promise<void>((resolve) => {
    const req = request(
      `${url}/api/auth/login`,
      { agent, method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', () => resolve());
    req.end(body);
  });
  return { agent, done };
}

async function stdoutHas(served: Served, text: string): Promise<void> {
  while (!served.stdout().includes(text)) await new Promise((r) => setTimeout(r, 20));
}

function leftBehind() {
  return { postgres: postgresOf(dataDir), lock: existsSync(join(dataDir, 'slipway.lock')) };
}

// Regression: a keep-alive client held SIGTERM for ~74 s with Postgres still running.
it(
  'stops on SIGTERM despite a keep-alive client, leaving no postgres and no lock',
  async () => {
    const { child, url } = await start();
    const { agent } = loginInFlight(url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    // The stop is bounded by SLIPWAY_SHUTDOWN_TIMEOUT_MS (10 s); 30 s leaves room for a
    // loaded machine and stays far below the 72 s keep-alive timeout that held it before.
    const code = await Promise.race([
      exited(child),
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 30_000)),
    ]);
    agent.destroy();
    expect(code).toBe(0);
    expect(leftBehind()).toEqual({ postgres: [], lock: false });
  },
  SPAWN_TIMEOUT_MS,
);

// Regression: a second signal during the drain left an orphaned postmaster and the lock.
it(
  'stops Postgres and removes the lock on a second signal during the drain',
  async () => {
    const server = await start();
    const { child, url } = server;
    const { agent } = loginInFlight(url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    await stdoutHas(server, 'stopping');
    child.kill('SIGINT');
    agent.destroy();
    expect(await exited(child)).not.toBeNull();
    expect(leftBehind()).toEqual({ postgres: [], lock: false });
  },
  SPAWN_TIMEOUT_MS,
);

// Regression: after SIGKILL of serve the postmaster ran on until the next start.
it.skipIf(process.env.DATABASE_URL)(
  'takes the embedded Postgres down with it when serve is SIGKILLed',
  async () => {
    const { child } = await start();
    child.kill('SIGKILL');
    await exited(child);
    // Bounded: the watchdog sends a fast shutdown at once and SIGKILL after 10 s.
    expect(await eventually(() => postgresOf(dataDir).length === 0, 30_000)).toBe(true);
    expect(await eventually(() => !existsSync(join(dataDir, 'slipway.lock')), 5_000)).toBe(true);
  },
  SPAWN_TIMEOUT_MS,
);

// The embedded Postgres dies under a running `slipway serve` (OOM killer, an operator's
// kill): the server restarts it and recovers without a restart of its own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exited, postgresOf, spawnServe, type Served } from './testing/spawnServe.js';

const SPAWN_TIMEOUT_MS = 180_000;
let dataDir: string;
let served: Served;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'slipway-supervise-'));
  served = await spawnServe({ dataDir });
}, SPAWN_TIMEOUT_MS);
afterAll(async () => {
  served?.child.kill('SIGTERM');
  if (served) await exited(served.child);
  rmSync(dataDir, { recursive: true, force: true });
});

interface HealthBody {
  database: { postgres?: { state: string; restarts: number } };
}

async function health(): Promise<{ status: number; body: HealthBody }> {
  try {
    const res = await fetch(`${served.url}/api/health`);
    return { status: res.status, body: (await res.json()) as HealthBody };
  } catch {
    return { status: 0, body: { database: {} } };
  }
}

// Regression: once the postmaster died, health and API answered 503 until serve restarted.
it.skipIf(process.env.DATABASE_URL)(
  'restarts a SIGKILLed postmaster and reports it in /api/health and /metrics',
  async () => {
    const postmaster = Number(
      readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    process.kill(postmaster, 'SIGKILL');
    let last = await health();
    while (!(last.status === 200 && last.body.database.postgres?.restarts === 1)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      last = await health();
    }
    expect(last.body.database.postgres).toEqual({ state: 'running', restarts: 1 });
    expect(postgresOf(dataDir)).not.toContain(postmaster);
    const metrics = await (await fetch(`${served.url}/metrics`)).text();
    expect(metrics).toMatch(/slipway_embedded_postgres_restarts 1/);
    expect(metrics).toMatch(/slipway_embedded_postgres_up 1/);
    const login = await fetch(`${served.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'whatever-password' }),
    });
    expect(login.status).toBe(401);
  },
  SPAWN_TIMEOUT_MS,
);

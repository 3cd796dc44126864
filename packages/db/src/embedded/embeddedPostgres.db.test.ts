import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonLine, spawnTypeScript } from '@slipway/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type SlipwayDatabase } from '../openDatabase.js';
import { users } from '../schema.js';
import { isProcessAlive } from '@slipway/core/process';
import { startEmbeddedPostgres } from './embeddedPostgres.js';

// These tests are about the embedded default, so they run it even when the suite runs
// against DATABASE_URL.
beforeAll(() => vi.stubEnv('DATABASE_URL', ''));
afterAll(() => vi.unstubAllEnvs());

const holder = fileURLToPath(new URL('../testing/holdEmbeddedDatabase.ts', import.meta.url));
const dirs: string[] = [];
const open: SlipwayDatabase[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-embedded-'));
  dirs.push(dir);
  return dir;
}
async function openAt(dir: string): Promise<SlipwayDatabase> {
  const database = await openDatabase({ dataDir: dir });
  open.push(database);
  return database;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((database) => database.close()));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function postmasterPid(dir: string): number {
  return Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

describe('embedded Postgres', () => {
  it('initialises once, keeps data across restarts and stops on close', async () => {
    const dir = dataDir();
    const first = await openAt(dir);
    expect(first.embedded).toBe(true);
    expect(first.url).toMatch(/^postgres:\/\/slipway:[^@]+@127\.0\.0\.1:\d+\/slipway$/);
    expect(readFileSync(join(dir, 'pg-password'), 'utf8').trim()).toBe(new URL(first.url).password);
    await first.db.insert(users).values({ email: 'kept@example.test' });
    const pid = postmasterPid(dir);
    await first.close();
    expect(isProcessAlive(pid)).toBe(false);

    const second = await openAt(dir);
    expect(await second.db.select({ email: users.email }).from(users)).toEqual([
      { email: 'kept@example.test' },
    ]);
  });

  it('runs the postmaster as an unprivileged account when we are root', async (context) => {
    if (process.getuid?.() !== 0) context.skip();
    const dir = dataDir();
    await openAt(dir);
    const status = readFileSync(`/proc/${postmasterPid(dir)}/status`, 'utf8');
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    expect(uid).not.toBe(0);
  });

  it('names the directory the unprivileged account cannot pass, as root', async (context) => {
    if (process.getuid?.() !== 0) context.skip();
    const closed = dataDir(); // mkdtemp: mode 0700, owned by root
    const error = await openDatabase({ dataDir: join(closed, 'slipway') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', component: 'Database' });
    expect((error as Error).message).toContain(`${closed} is not searchable`);
  });

  it('refuses a second Slipway on the same data dir, in this process or another', async () => {
    const dir = dataDir();
    const first = await openAt(dir);
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });

    const other = dataDir();
    const child = spawnTypeScript(holder, { args: [other] });
    try {
      const { pid } = await readJsonLine<{ pid: number }>(child);
      const error = await openDatabase({ dataDir: other }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'DATA_DIR_IN_USE' });
      expect((error as Error).message).toContain(`pid ${pid}`);
    } finally {
      child.kill('SIGKILL');
    }
    // The first one was not disturbed.
    expect(await first.db.select().from(users)).toEqual([]);
  });

  it('recovers after Slipway was SIGKILLed and its postmaster orphaned', async () => {
    const dir = dataDir();
    const child = spawnTypeScript(holder, { args: [dir] });
    const reported = await readJsonLine<{ pid: number; postmasterPid: number }>(child);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(isProcessAlive(reported.postmasterPid)).toBe(true);

    const server = await startEmbeddedPostgres({ dataDir: dir });
    try {
      expect(server.recovered).toBe('orphan-stopped');
      expect(isProcessAlive(reported.postmasterPid)).toBe(false);
    } finally {
      await server.stop();
    }
    const database = await openAt(dir);
    expect(await database.db.select({ email: users.email }).from(users)).toEqual([
      { email: `child-${reported.pid}@example.test` },
    ]);
  });

  it('recovers a stale postmaster.pid after everything was SIGKILLed', async () => {
    const dir = dataDir();
    const child = spawnTypeScript(holder, { args: [dir] });
    const reported = await readJsonLine<{ pid: number; postmasterPid: number }>(child);
    child.kill('SIGKILL');
    process.kill(reported.postmasterPid, 'SIGKILL');
    await vi.waitFor(() => expect(isProcessAlive(reported.postmasterPid)).toBe(false), {
      timeout: 10_000,
    });

    const server = await startEmbeddedPostgres({ dataDir: dir });
    try {
      expect(server.recovered).toBe('stale-pid-file');
    } finally {
      await server.stop();
    }
    const database = await openAt(dir);
    expect(await database.db.select().from(users)).toHaveLength(1);
  });
});

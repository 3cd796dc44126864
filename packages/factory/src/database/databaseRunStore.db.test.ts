import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apps, logLines, openDatabase, runs, users } from '@slipway/db';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import {
  executeRun,
  planRun,
  snapshotFiles,
  type RunStore,
  type StepDefinition,
} from '@slipway/pipeline';
import { testdir } from '@slipway/pipeline/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabaseRunStore } from './databaseRunStore.js';

let database: TestDatabase;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(() => database.drop());

/** A made-up catalog: each step logs `lines` lines and writes one file. */
function notesCatalog(calls: string[], lines = 1): StepDefinition[] {
  const step = (name: string, dependsOn: string[], write: string): StepDefinition => ({
    name,
    description: `made-up step ${name}`,
    dependsOn,
    inputs: { files: ['notes/**'], config: { write } },
    outputs: [write],
    async run(context) {
      calls.push(name);
      for (let i = 1; i <= lines; i++) context.log(`${name} line ${i}`);
      writeFileSync(join(context.projectDir, write), name);
      return { wrote: write };
    },
  });
  return [
    step('gather', [], 'gathered.txt'),
    step('render:html', ['gather'], 'index.html'),
    step('render:pdf', ['gather'], 'notes.pdf'),
    step('publish', ['render:html', 'render:pdf'], 'published.txt'),
  ];
}

async function newApp(): Promise<string> {
  const [user] = await database.db
    .insert(users)
    .values({ email: `${randomUUID()}@example.test` })
    .returning();
  const [app] = await database.db
    .insert(apps)
    .values({
      ownerId: user!.id,
      name: 'Notes',
      slug: 'notes',
      template: 't',
      templateVersion: '1',
    })
    .returning();
  return app!.id;
}

async function run(dir: string, steps: StepDefinition[], store: RunStore) {
  const project = { dir, steps, files: snapshotFiles(dir), env: {}, missingOutputs: new Map() };
  const plan = planRun({ ...project, previous: await store.load() });
  return executeRun(plan, { store, runId: randomUUID() });
}

async function storedLines(runId: string) {
  return database.db
    .select({ seq: logLines.seq, step: logLines.step, text: logLines.text })
    .from(logLines)
    .where(eq(logLines.runId, runId))
    .orderBy(asc(logLines.seq));
}

describe('the database run store', () => {
  it('records a run: the state round-trips, the second run is a cache hit', async () => {
    const store = createDatabaseRunStore({ database, appId: await newApp() });
    const dir = testdir({ 'notes/a.md': '# a' });
    const calls: string[] = [];
    expect(await store.load()).toBeUndefined();

    const first = await run(dir, notesCatalog(calls), store);
    expect(first.status).toBe('succeeded');
    expect(await store.load()).toEqual(first.state);

    const second = await run(dir, notesCatalog(calls), store);
    expect(second.cached).toEqual(['gather', 'render:html', 'render:pdf', 'publish']);
    expect(second.executed).toEqual([]);
    expect(calls).toHaveLength(4);
    const loaded = await store.load();
    expect(loaded).toEqual(second.state);
    expect(loaded?.steps.publish).toMatchObject({ status: 'cached', runId: first.runId });
  });

  it('stores every log line of a chatty run, in order, with a gapless seq per run', async () => {
    const store = createDatabaseRunStore({ database, appId: await newApp() });
    const query = vi.spyOn(database.pool, 'query');
    const result = await run(testdir({ 'notes/a.md': '# a' }), notesCatalog([], 500), store);
    const inserts = query.mock.calls.filter(([text]) =>
      String((text as { text?: string }).text ?? text).startsWith('insert into "log_lines"'),
    );
    query.mockRestore();
    // Batched: a handful of round trips for 2000 lines, not one per line.
    expect(inserts.length).toBeGreaterThan(0);
    expect(inserts.length).toBeLessThanOrEqual(2000 / 100);

    const lines = await storedLines(result.runId);
    expect(lines).toHaveLength(2000);
    expect(lines.map((line) => line.seq)).toEqual(lines.map((_, index) => index + 1));
    for (const step of ['gather', 'render:html', 'render:pdf', 'publish']) {
      const texts = lines.filter((line) => line.step === step).map((line) => line.text);
      expect(texts).toEqual(Array.from({ length: 500 }, (_, i) => `${step} line ${i + 1}`));
    }
    expect(result.state.steps.gather?.log).toBe(`/api/runs/${result.runId}/logs?step=gather`);
  });

  it('stores the lines as the engine redacted them', async () => {
    const store = createDatabaseRunStore({ database, appId: await newApp() });
    const dir = testdir({ 'notes/a.md': '# a' });
    const project = { dir, files: snapshotFiles(dir), env: {}, missingOutputs: new Map() };
    const plan = planRun({ ...project, steps: notesCatalog([], 2), previous: undefined });
    const result = await executeRun(plan, { store, runId: randomUUID(), secrets: ['line 2'] });

    const texts = (await storedLines(result.runId)).map((line) => line.text);
    expect(texts).toContain('gather line 1');
    expect(texts).toContain('gather [REDACTED]');
    expect(texts.join('\n')).not.toContain('line 2');
  });

  it('continues the seq of a run resumed by another store (another worker)', async () => {
    const appId = await newApp();
    const first = createDatabaseRunStore({ database, appId });
    const result = await run(testdir({ 'notes/a.md': '# a' }), notesCatalog([], 3), first);

    const sink = await createDatabaseRunStore({ database, appId }).openLog(result.runId, 'publish');
    sink.write('after the restart');
    await sink.close();
    const last = (await storedLines(result.runId)).at(-1);
    expect(last).toEqual({ seq: 13, step: 'publish', text: 'after the restart' });
  });

  it('keeps the previous state when a save fails half-way (one transaction)', async () => {
    const store = createDatabaseRunStore({ database, appId: await newApp() });
    const result = await run(testdir({ 'notes/a.md': '# a' }), notesCatalog([]), store);
    const broken = structuredClone(result.state);
    broken.runId = randomUUID();
    broken.status = 'running';
    // The run row is written first; Postgres then refuses a NUL in jsonb on the step rows.
    broken.steps.publish!.outcome = { text: 'half\u0000written' };

    await expect(store.save(broken)).rejects.toThrow();
    expect(await store.load()).toEqual(result.state);
    const orphan = await database.db.select().from(runs).where(eq(runs.id, broken.runId));
    expect(orphan).toEqual([]);
  });

  it('keeps the previous state when the saving connection dies mid-transaction', async () => {
    const appId = await newApp();
    // A pool of its own: a checked-out client whose backend is killed also emits 'error',
    // which must not go unheard in the test process.
    const own = await openDatabase({ url: database.url });
    const heard = new WeakSet<object>();
    own.pool.on('acquire', (client) => {
      if (!heard.has(client)) client.on('error', () => undefined);
      heard.add(client);
    });
    const store = createDatabaseRunStore({ database: own, appId });
    const result = await run(testdir({ 'notes/a.md': '# a' }), notesCatalog([]), store);
    const next = {
      ...structuredClone(result.state),
      runId: randomUUID(),
      status: 'running' as const,
    };

    // Hold the app row: the save writes its run and steps, then waits on this lock.
    const blocker = await database.pool.connect();
    await blocker.query('begin');
    await blocker.query('select id from apps where id = $1 for no key update', [appId]);
    const saving = store.save(next);
    const pid = await waitingBackend(`update "apps"%`);
    await blocker.query('select pg_terminate_backend($1)', [pid]);
    await expect(saving).rejects.toThrow();
    await blocker.query('rollback');
    blocker.release();

    expect(await store.load()).toEqual(result.state);
    expect(await database.db.select().from(runs).where(eq(runs.id, next.runId))).toEqual([]);
    await own.close();
  });

  it("refuses a second run of an app while the first holds the app's lock", async () => {
    const appId = await newApp();
    const release = await createDatabaseRunStore({ database, appId }).lock!();
    const other = createDatabaseRunStore({ database, appId });
    await expect(other.lock!()).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      run(testdir({ 'notes/a.md': '# a' }), notesCatalog([]), other),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const unrelated = await createDatabaseRunStore({ database, appId: await newApp() }).lock!();
    await unrelated();

    await release();
    const result = await run(testdir({ 'notes/a.md': '# a' }), notesCatalog([]), other);
    expect(result.status).toBe('succeeded');
  });

  it('clear() forgets the state and the logs, keeps the runs as history', async () => {
    const appId = await newApp();
    const store = createDatabaseRunStore({ database, appId });
    const result = await run(testdir({ 'notes/a.md': '# a' }), notesCatalog([]), store);

    await store.clear();
    expect(await store.load()).toBeUndefined();
    expect(await storedLines(result.runId)).toEqual([]);
    const history = await database.db.select().from(runs).where(eq(runs.appId, appId));
    expect(history.map((row) => [row.id, row.status])).toEqual([[result.runId, 'succeeded']]);
  });

  it('refuses a run id that is not a uuid with a clear error', async () => {
    const store = createDatabaseRunStore({ database, appId: await newApp() });
    const dir = testdir({ 'notes/a.md': '# a' });
    const plan = planRun({
      dir,
      steps: notesCatalog([]),
      files: snapshotFiles(dir),
      env: {},
      previous: undefined,
      missingOutputs: new Map(),
    });
    await expect(executeRun(plan, { store, runId: '20261203-100000-abcd' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
  });
});

/** The backend whose query matches `pattern` once it waits on a lock. */
async function waitingBackend(pattern: string): Promise<number> {
  for (;;) {
    const { rows } = await database.pool.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like $1`,
      [pattern],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

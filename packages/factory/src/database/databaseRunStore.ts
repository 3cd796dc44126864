/**
 * The server's run store. It lives in `@slipway/factory` because it joins two layers
 * below it: the tables of `@slipway/db` and the `RunStore`/`RunState` contract of
 * `@slipway/pipeline`, which cannot know about each other; the server (and its workers)
 * import it from `@slipway/factory/database`, so the CLI never loads a Postgres driver.
 */
import { SlipwayError } from '@slipway/core/errors';
import { apps, logLines, runs, runSteps, type SlipwayDatabase } from '@slipway/db';
import type { RunState, RunStore } from '@slipway/pipeline';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { createRunLogWriter, type LogBatching, type RunLogWriter } from './runLogWriter.js';
import { runColumns, stateFromRows, stepRows } from './runStateRows.js';

export interface DatabaseRunStoreOptions {
  database: Pick<SlipwayDatabase, 'db' | 'pool'>;
  /** The app whose runs this store records; its row must exist. */
  appId: string;
  /** Why a run the engine starts without a `runs` row was started. @default 'manual' */
  trigger?: string;
  batching?: LogBatching;
}

/** Any constant: the first key of every per-app run lock, so they never meet other locks. */
const RUN_LOCK_NAMESPACE = 731_295_008;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A `RunStore` on the `runs`, `run_steps` and `log_lines` tables, for one app. The
 * engine's run id is the `runs` row id (a uuid: pass `runId` to `executeRun`); a row
 * the caller queued beforehand keeps its `trigger`. `save` writes the run and all its
 * step records in one transaction and points `apps.state_run_id` at it, which `load`
 * follows. Log lines arrive redacted and are stored as given, batched. The lock is a
 * Postgres session advisory lock, so a worker that dies releases it with its connection.
 * @example
 * const store = createDatabaseRunStore({ database, appId: app.id });
 * await executeRun(plan, { store, runId: run.id });
 */
export function createDatabaseRunStore(options: DatabaseRunStoreOptions): RunStore {
  const { db, pool } = options.database;
  const { appId } = options;
  const writers = new Map<string, Promise<RunLogWriter>>();
  return {
    load: () => loadState(db, appId),
    save: (state) => saveState(options, state),
    async openLog(runId, step) {
      let writer = writers.get(runId);
      if (!writer) {
        writer = createRunLogWriter({ database: { db }, runId, batching: options.batching });
        // A failed start (the database away) is retried by the next openLog, not kept.
        writer.catch(() => writers.delete(runId));
        writers.set(runId, writer);
      }
      const location = `/api/runs/${runId}/logs?step=${encodeURIComponent(step)}`;
      return (await writer).open(step, location);
    },
    async clear() {
      const appRuns = db.select({ id: runs.id }).from(runs).where(eq(runs.appId, appId));
      await db.transaction(async (tx) => {
        await tx.update(apps).set({ stateRunId: null }).where(eq(apps.id, appId));
        await tx.delete(runSteps).where(inArray(runSteps.runId, appRuns));
        await tx.delete(logLines).where(inArray(logLines.runId, appRuns));
      });
      writers.clear();
    },
    lock: () => lockApp(pool, appId),
  };
}

type Db = SlipwayDatabase['db'];

/** The state of the run `apps.state_run_id` names, or undefined. */
async function loadState(db: Db, appId: string): Promise<RunState | undefined> {
  const [app] = await db.select({ runId: apps.stateRunId }).from(apps).where(eq(apps.id, appId));
  if (!app?.runId) return undefined;
  const [run] = await db.select().from(runs).where(eq(runs.id, app.runId));
  const steps = await db
    .select()
    .from(runSteps)
    .where(eq(runSteps.runId, app.runId))
    .orderBy(asc(runSteps.position));
  return run ? stateFromRows(run, steps) : undefined;
}

/** The run row, its step records and the app's pointer to them, all or nothing. */
async function saveState(options: DatabaseRunStoreOptions, state: RunState): Promise<void> {
  const { appId } = options;
  if (!UUID.test(state.runId)) throw notUuid(state.runId);
  await options.database.db.transaction(async (tx) => {
    const columns = runColumns(state);
    const saved = await tx
      .insert(runs)
      .values({ id: state.runId, appId, trigger: options.trigger ?? 'manual', ...columns })
      .onConflictDoUpdate({ target: runs.id, set: columns, where: eq(runs.appId, appId) })
      .returning({ id: runs.id });
    if (saved.length === 0) throw foreignRun(state.runId, appId);
    await tx.delete(runSteps).where(eq(runSteps.runId, state.runId));
    const rows = stepRows(state);
    if (rows.length > 0) await tx.insert(runSteps).values(rows);
    await tx
      .update(apps)
      .set({ stateRunId: state.runId, updatedAt: sql`now()` })
      .where(eq(apps.id, appId));
  });
}

/** Takes the app's run lock on a connection of its own, held until the release. */
async function lockApp(pool: DatabaseRunStoreOptions['database']['pool'], appId: string) {
  const client = await pool.connect();
  const key = [RUN_LOCK_NAMESPACE, appId];
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock($1, hashtext($2)) as locked',
      key,
    );
    if (!rows[0]?.locked) throw busy(appId);
  } catch (error) {
    client.release();
    throw error;
  }
  return async () => {
    try {
      await client.query('select pg_advisory_unlock($1, hashtext($2))', key);
      client.release();
    } catch (error) {
      // A broken connection has lost the lock anyway; drop it from the pool.
      client.release(error as Error);
    }
  };
}

function busy(appId: string): SlipwayError {
  return new SlipwayError({
    code: 'CONFLICT',
    component: 'Pipeline',
    message: `another run of app ${appId} is in progress`,
    recovery: ['Wait for it to finish, or cancel it'],
  });
}

function notUuid(runId: string): SlipwayError {
  return new SlipwayError({
    code: 'INPUT_INVALID',
    component: 'Pipeline',
    message: `run id ${runId} is not a uuid; the database run store keys runs by uuid`,
    recovery: ['Pass runId (the runs row id, or randomUUID()) to executeRun'],
  });
}

function foreignRun(runId: string, appId: string): SlipwayError {
  return new SlipwayError({
    code: 'CONFLICT',
    component: 'Pipeline',
    message: `run ${runId} belongs to another app than ${appId}`,
  });
}

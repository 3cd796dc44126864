import { setTimeout as sleep } from 'node:timers/promises';
import { SlipwayError } from '@slipway/core';
import type pg from 'pg';

/** How long to wait for the lock before giving up. */
const MAX_WAIT_MS = 120_000;
const POLL_MS = 100;

/**
 * Runs `work` while holding a session-level Postgres advisory lock named `name`, on a
 * dedicated connection, so processes sharing the database do it one at a time.
 *
 * Waiting polls `pg_try_advisory_lock` instead of blocking in `pg_advisory_lock`: a
 * statement blocked on the lock keeps a snapshot open, and `CREATE INDEX CONCURRENTLY`
 * (which DBOS runs in its migrations) waits for every open snapshot — the holder would
 * then wait for the waiter forever.
 */
export async function withAdvisoryLock<T>(
  pool: pg.Pool,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock(hashtext($1)) as locked',
        [name],
      );
      if (rows[0]?.locked) break;
      if (Date.now() > deadline) throw lockTimeout(name);
      await sleep(POLL_MS);
    }
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    client.release();
  }
}

function lockTimeout(name: string): SlipwayError {
  return new SlipwayError({
    code: 'UNAVAILABLE',
    component: 'Database',
    message: `Another Slipway process has held the "${name}" lock for over ${MAX_WAIT_MS / 1000} s`,
    recovery: ['Check for a stuck Slipway process on the same database, then start again'],
  });
}

import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  readJsonLine,
  spawnTypeScript,
  type TestDatabase,
} from '@slipway/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const workerFile = fileURLToPath(new URL('../email/testing/emailWorker.ts', import.meta.url));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

// Regression: two processes launching DBOS at once on a database without its system
// tables deadlocked in DBOS's migration ("deadlock detected").
it('launches two worker processes at once on a fresh database', async () => {
  const workers = ['a', 'b'].map((name) =>
    spawnTypeScript(workerFile, {
      env: { SLIPWAY_TEST_DB_URL: database.url, SLIPWAY_EXECUTOR_ID: `${name}-${randomUUID()}` },
    }),
  );
  try {
    const ready = await Promise.all(
      workers.map((worker) => readJsonLine<{ executorId: string }>(worker)),
    );
    expect(ready.map((r) => r.executorId.slice(0, 2)).sort()).toEqual(['a-', 'b-']);
    const { rows } = await database.pool.query<{ name: string }>(
      'select name from dbos.queues order by name',
    );
    expect(rows.map((row) => row.name)).toEqual(['slipway-email', 'slipway-maintenance']);
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
  }
});

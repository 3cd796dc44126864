// Times openDatabase() on the embedded default: a first start (initdb + migrations) and
// warm starts of the same data dir, each followed by close() (fast shutdown).
// Run: node --conditions=source --import ./packages/db/src/testing/registerTypescript.mjs bench/db/embeddedStart.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@slipway/db';

const WARM_RUNS = 5;
const dataDir = mkdtempSync(join(tmpdir(), 'slipway-bench-'));
delete process.env.DATABASE_URL;

async function timed(): Promise<{ openMs: number; closeMs: number }> {
  const started = performance.now();
  const database = await openDatabase({ dataDir });
  const opened = performance.now();
  await database.pool.query('select 1');
  await database.close();
  return { openMs: opened - started, closeMs: performance.now() - opened };
}

try {
  const first = await timed();
  const warm = [];
  for (let run = 0; run < WARM_RUNS; run++) warm.push(await timed());
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    JSON.stringify({
      root: process.getuid?.() === 0,
      firstOpenMs: Math.round(first.openMs),
      warmOpenMsMedian: Math.round(median(warm.map((w) => w.openMs))),
      closeMsMedian: Math.round(median(warm.map((w) => w.closeMs))),
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

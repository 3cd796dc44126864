// A worker process for emailCrash.db.test.ts: runs Slipway's durable work (role
// `worker`) against SLIPWAY_TEST_DB_URL, reports `{ executorId }` and runs until killed.
import { openDatabase } from '@slipway/db';
import { launchDurableWork } from '../../durable/launchDurableWork.js';

const database = await openDatabase({ url: process.env.SLIPWAY_TEST_DB_URL });
const work = await launchDurableWork({ database, role: 'worker' });
process.stdout.write(`${JSON.stringify({ executorId: work.executorId })}\n`);
setInterval(() => undefined, 60_000);

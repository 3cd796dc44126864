// A worker process for emailCrash.db.test.ts: runs Slipway's durable work (role
// `worker`) against SLIPWAY_TEST_DB_URL, reports `{ executorId }` and runs until killed.
// Its settings (SMTP_URL, SLIPWAY_EXECUTOR_ID) come through resolveServerConfig, as the
// server's do.
import { openDatabase } from '@slipway/db';
import { launchDurableWork } from '../../durable/launchDurableWork.js';
import { resolveServerConfig } from '../../resolveServerConfig.js';

const config = resolveServerConfig({ role: 'worker' });
const database = await openDatabase({ url: process.env.SLIPWAY_TEST_DB_URL });
const work = await launchDurableWork({
  database,
  role: 'worker',
  smtpUrl: config.smtpUrl,
  mailFrom: config.mailFrom,
  executorId: config.executorId,
});
process.stdout.write(`${JSON.stringify({ executorId: work.executorId })}\n`);
setInterval(() => undefined, 60_000);

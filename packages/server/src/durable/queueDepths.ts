import type { SlipwayDatabase } from '@slipway/db';
import { DBOS_SCHEMA } from './launchDurableWork.js';
import { DURABLE_QUEUES } from './durableQueues.js';

/**
 * Workflows waiting (`ENQUEUED`) per Slipway queue, for `/metrics` and health. Reads
 * DBOS's `workflow_status` table, which exists once any process launched durable work.
 */
export async function queueDepths(database: SlipwayDatabase): Promise<Record<string, number>> {
  const depths: Record<string, number> = Object.fromEntries(DURABLE_QUEUES.map((q) => [q.name, 0]));
  const { rows } = await database.pool.query<{ queue_name: string; depth: number }>(
    `select queue_name, count(*)::int as depth from ${DBOS_SCHEMA}.workflow_status
     where status = 'ENQUEUED' and queue_name = any($1) group by queue_name`,
    [Object.keys(depths)],
  );
  for (const row of rows) depths[row.queue_name] = row.depth;
  return depths;
}

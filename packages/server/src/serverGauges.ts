import type { SlipwayDatabase } from '@slipway/db';
import { queueDepths } from './durable/index.js';
import type { GaugeSource } from './http/serverMetrics.js';

/**
 * Scrape-time gauges read from Postgres: durable queue depths (DBOS `ENQUEUED`
 * workflows per queue) and the email outbox by status (`sent`/`failed` are the email
 * outcomes; `pending`/`sending` the backlog).
 */
export function serverGauges(database: SlipwayDatabase): GaugeSource[] {
  return [
    {
      name: 'slipway_queue_depth',
      help: 'Durable workflows waiting in each queue',
      labelNames: ['queue'],
      read: async () =>
        Object.entries(await queueDepths(database)).map(([queue, value]) => ({
          labels: { queue },
          value,
        })),
    },
    {
      name: 'slipway_email_outbox_messages',
      help: 'Email outbox messages by status (sent and failed are delivery outcomes)',
      labelNames: ['status'],
      read: async () => {
        const { rows } = await database.pool.query<{ status: string; n: number }>(
          'select status, count(*)::int as n from email_outbox group by status',
        );
        return rows.map((row) => ({ labels: { status: row.status }, value: row.n }));
      },
    },
  ];
}

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
    ...embeddedGauges(database),
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

/** The embedded postmaster's supervision (nothing with `DATABASE_URL`). */
function embeddedGauges(database: SlipwayDatabase): GaugeSource[] {
  if (!database.embedded) return [];
  const status = () => database.embeddedStatus();
  return [
    {
      name: 'slipway_embedded_postgres_up',
      help: 'Whether the embedded PostgreSQL is running (0 while it is being restarted)',
      labelNames: [],
      read: async () => [{ labels: {}, value: status()?.state === 'running' ? 1 : 0 }],
    },
    {
      name: 'slipway_embedded_postgres_restarts',
      help: 'Times the embedded PostgreSQL was restarted after it died, since the server started',
      labelNames: [],
      read: async () => [{ labels: {}, value: status()?.restarts ?? 0 }],
    },
  ];
}

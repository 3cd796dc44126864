import type { EmbeddedStatus } from '@slipway/db';
import { z } from 'zod';
import type { SlipwayApp } from '../http/slipwayApp.js';
import type { ServerRole } from '../serverRole.js';

const componentSchema = z.object({
  status: z.enum(['up', 'down', 'disabled']),
  detail: z.string().optional(),
});

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    role: z.enum(['api', 'worker', 'all']),
    database: componentSchema.extend({
      embedded: z.boolean().optional(),
      /** The embedded postmaster's supervision: running, restarting or stopped. */
      postgres: z
        .object({ state: z.enum(['running', 'restarting', 'stopped']), restarts: z.number() })
        .optional(),
    }),
    workers: componentSchema,
  })
  .meta({ id: 'Health' });

export type Health = z.infer<typeof healthSchema>;
export type ComponentHealth = z.infer<typeof componentSchema>;

export interface HealthSources {
  role: ServerRole;
  /** Resolves when Postgres answers a trivial query; rejects (or times out) otherwise. */
  pingDatabase?: () => Promise<void>;
  embedded?: boolean;
  /** The embedded postmaster's supervision state (absent with `DATABASE_URL`). */
  embeddedStatus?: () => EmbeddedStatus | undefined;
  /** The durable-work engine's state in this process. */
  workers?: () => ComponentHealth;
}

/** A ping slower than this counts as down: health must answer even when Postgres hangs. */
const PING_TIMEOUT_MS = 2_000;

/**
 * `GET /api/health`: 200 `{ status: 'ok' }` when the database answers, 503
 * `{ status: 'unavailable', database: { status: 'down', detail } }` when it does not.
 * Served by every role; load balancers and `slipway serve` poll it.
 */
export function registerHealthRoutes(app: SlipwayApp, sources: HealthSources): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Database and worker status',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const health = await readHealth(sources);
      return reply.code(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
}

export async function readHealth(sources: HealthSources): Promise<Health> {
  const database = await pingWithTimeout(sources.pingDatabase);
  const workers = sources.workers?.() ?? { status: 'disabled' as const };
  const healthy = database.status !== 'down' && workers.status !== 'down';
  const supervised = sources.embeddedStatus?.();
  return {
    status: healthy ? 'ok' : 'unavailable',
    role: sources.role,
    database: {
      ...database,
      ...(sources.embedded === undefined ? {} : { embedded: sources.embedded }),
      ...(supervised
        ? { postgres: { state: supervised.state, restarts: supervised.restarts } }
        : {}),
    },
    workers,
  };
}

async function pingWithTimeout(ping: HealthSources['pingDatabase']): Promise<ComponentHealth> {
  if (!ping) return { status: 'disabled' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)),
      PING_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([ping(), timeout]);
    return { status: 'up' };
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    return { status: 'down', detail: `Postgres is unreachable: ${reason}` };
  } finally {
    clearTimeout(timer);
  }
}

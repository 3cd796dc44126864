import type { SlipwayApp } from '../http/slipwayApp.js';
import type { ServerMetrics } from '../http/serverMetrics.js';

/** `GET /metrics` in the Prometheus text format; served by every role. */
export function registerMetricsRoutes(app: SlipwayApp, metrics: ServerMetrics): void {
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(body);
  });
}

import type { FastifyInstance } from 'fastify';
import type { ServerMetrics } from './serverMetrics.js';

/**
 * Records every response into the HTTP counter and histogram, labelled by the route
 * pattern (`/api/secrets/:id`, never the raw URL, to bound label cardinality).
 */
export function registerRequestMetrics(app: FastifyInstance, metrics: ServerMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
}

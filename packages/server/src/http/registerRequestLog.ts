import type { FastifyInstance } from 'fastify';

/**
 * One `request completed` line per request at `info`, with the request id (`reqId`),
 * method, redacted URL (see loggerOptions), status and duration.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
      'request completed',
    );
  });
}

import { HTTP_STATUS, SlipwayError } from '@slipway/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from './errorBody.js';
import { toSlipwayError } from './toSlipwayError.js';

/**
 * The one place an HTTP request's failure becomes a response: the status comes from
 * `HTTP_STATUS[code]`, the body is `{ error: { code, message, … } }`. 5xx are logged at
 * `error` with the original cause; expected 4xx at `info`.
 */
export function errorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const slipwayError = toSlipwayError(error);
  const status = HTTP_STATUS[slipwayError.code];
  if (status >= 500) request.log.error({ err: error, code: slipwayError.code }, 'request failed');
  else
    request.log.info({ code: slipwayError.code, reason: slipwayError.message }, 'request refused');
  if (slipwayError.code === 'RATE_LIMITED' && error !== slipwayError) {
    const retryAfter = (error as { headers?: Record<string, string> }).headers?.['retry-after'];
    if (retryAfter) void reply.header('retry-after', retryAfter);
  }
  return reply.code(status).send(toErrorBody(slipwayError));
}

/** Unknown routes answer `NOT_FOUND` in the same body shape as every other error. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const error = new SlipwayError({
    code: 'NOT_FOUND',
    component: 'Server',
    message: `No route ${request.method} ${request.url.split('?')[0]}`,
  });
  return reply.code(HTTP_STATUS.NOT_FOUND).send(toErrorBody(error));
}

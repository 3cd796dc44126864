import { HTTP_STATUS, SlipwayError } from '@slipway/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from './errorBody.js';

/**
 * Errors Fastify raises before routing (a URL with a malformed escape), answered with the
 * one error body and the request id. No hook has run yet, so the baseline security
 * headers are set here; the body is JSON and never rendered.
 */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const slipwayError = new SlipwayError({
    code: 'INPUT_INVALID',
    component: 'Server',
    message: error.code === 'FST_ERR_BAD_URL' ? 'The URL is malformed' : 'The request is invalid',
  });
  request.log.info({ code: slipwayError.code, reason: error.code }, 'request refused');
  void reply
    .code(HTTP_STATUS.INPUT_INVALID)
    .header('x-request-id', request.id)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    .header('x-frame-options', 'SAMEORIGIN')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('referrer-policy', 'no-referrer')
    .send(toErrorBody(slipwayError));
}

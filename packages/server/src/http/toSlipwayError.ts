import { SlipwayError } from '@slipway/core';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from './isDatabaseUnavailable.js';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validation?: ReadonlyArray<{ instancePath?: string; message?: string }>;
  validationContext?: string;
}

/**
 * Turns anything a route, hook or plugin threw into the one error type the HTTP edge
 * serialises. Unknown errors become `INTERNAL` with a generic message so internals (SQL,
 * stack traces, paths) never reach the client; the caller logs the original.
 */
export function toSlipwayError(error: unknown): SlipwayError {
  if (error instanceof SlipwayError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return inputInvalid(describeValidation(error));
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  if (e.validation) return inputInvalid(describeValidation(e));
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SlipwayError({
        code: 'PAYLOAD_TOO_LARGE',
        component: 'Server',
        message: 'The request body is larger than this server accepts',
        recovery: ['Send a smaller body (see bodyLimit in docs/server.md)'],
        cause: error,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new SlipwayError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        component: 'Server',
        message: 'The request body must be JSON (Content-Type: application/json)',
        cause: error,
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new SlipwayError({
        code: 'JSON_SYNTAX',
        component: 'Server',
        message: 'The request body is not valid JSON',
        cause: error,
      });
    default:
      return fromStatus(e, error);
  }
}

function fromStatus(e: FastifyLikeError, error: unknown): SlipwayError {
  const status = e.statusCode ?? 500;
  if (status === 404) {
    return new SlipwayError({ code: 'NOT_FOUND', component: 'Server', message: 'Not found' });
  }
  if (status === 429) {
    return new SlipwayError({
      code: 'RATE_LIMITED',
      component: 'Server',
      message: 'Too many requests; wait and retry',
      cause: error,
    });
  }
  if (status >= 400 && status < 500) return inputInvalid(e.message ?? 'The request is invalid');
  return new SlipwayError({
    code: 'INTERNAL',
    component: 'Server',
    message: 'Unexpected server error; the server log has the details',
    cause: error,
  });
}

function inputInvalid(message: string): SlipwayError {
  return new SlipwayError({ code: 'INPUT_INVALID', component: 'Server', message });
}

function databaseUnavailable(error: unknown): SlipwayError {
  return new SlipwayError({
    code: 'UNAVAILABLE',
    component: 'Database',
    message: 'The database is unreachable; the server will recover when it is back',
    recovery: ['Check that Postgres is running and DATABASE_URL is right', 'GET /api/health'],
    cause: error,
  });
}

function describeValidation(error: FastifyLikeError): string {
  const where = error.validationContext ?? 'request';
  const issues = (error.validation ?? [])
    .slice(0, 5)
    .map((issue) => `${where}${issue.instancePath ?? ''}: ${issue.message ?? 'invalid'}`);
  return issues.length > 0 ? `Invalid input — ${issues.join('; ')}` : 'Invalid input';
}

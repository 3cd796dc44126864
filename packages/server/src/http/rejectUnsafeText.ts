import { SlipwayError } from '@slipway/core';
import type { FastifyRequest } from 'fastify';

/**
 * Unpaired UTF-16 surrogates (not valid text in any encoding), C0 controls except tab,
 * line feed and carriage return (NUL first: Postgres refuses it in text and the request
 * would fail as a 500), DEL, and the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) that make a name display as something else.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first unsafe string in `value` (walking objects and arrays), as a path, or undefined. */
export function findUnsafeText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') {
    return UNSAFE.test(value) ? path || '/' : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = findUnsafeText(key, `${path}/${key}`) ?? findUnsafeText(child, `${path}/${key}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * `preValidation` hook: refuses control characters, lone surrogates and bidi overrides in
 * the path parameters, query string and JSON body of every route with `INPUT_INVALID`
 * (400), before any text reaches the database.
 */
export async function rejectUnsafeText(request: FastifyRequest): Promise<void> {
  for (const [where, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const path = findUnsafeText(value);
    if (path) {
      throw new SlipwayError({
        code: 'INPUT_INVALID',
        component: 'Server',
        message: `Invalid input — ${where}${path === '/' ? '' : path}: control characters, unpaired surrogates and bidirectional overrides are not accepted`,
      });
    }
  }
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a caller's `x-request-id` may be to be kept: short, and safe in logs and headers. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The request id: the caller's `x-request-id` when it is 1–128 characters of letters,
 * digits and `. _ : @ -` (so a proxy's id carries through), else a fresh UUID — a
 * caller cannot put 15 kB or control characters into every log line and response.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
}

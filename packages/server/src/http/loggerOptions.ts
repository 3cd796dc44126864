import type { FastifyServerOptions } from 'fastify';
import { stdSerializers, type DestinationStream, type LoggerOptions } from 'pino';
import { REDACTED } from '@slipway/secrets';
import type { LogRedactor } from './logRedactor.js';

/**
 * Paths pino censors in every log line: credentials in headers, and any field named like
 * a password, token or secret value, at the top level or one object deep (request and
 * response bodies are not logged at all).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'token', 'accessToken', 'refreshToken', 'value', 'secret'].flatMap(
    (key) => [key, `*.${key}`],
  ),
];

/** Query parameters whose values are credentials (verification and reset links). */
const SECRET_QUERY = /([?&](?:token|code|key|password)=)[^&#]*/gi;

export interface LoggerSetup {
  /** @default 'info' */
  level?: string;
  /** Where JSON lines go. @default process.stdout */
  stream?: DestinationStream;
  redactor: LogRedactor;
}

/** Pino options for the server: JSON lines, request ids, redaction by path and by value. */
export function loggerOptions(setup: LoggerSetup): FastifyServerOptions['logger'] {
  const options: LoggerOptions & { stream?: DestinationStream } = {
    level: setup.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    hooks: { streamWrite: (line) => setup.redactor.redact(line) },
    serializers: {
      err: (error: Error) => scrubQueryParams(stdSerializers.err(error)),
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
  if (setup.stream) options.stream = setup.stream;
  return options;
}

/** `url` with credential-bearing query values replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, `$1${REDACTED}`);
}

/** drizzle's `DrizzleQueryError` puts every bound value in its message as `params: …`. */
const PARAMS_LINE = /\nparams: [^\n]*/g;

/**
 * A serialised error without the bound values of a failed query: they can hold emails,
 * token hashes and ciphertexts. The query text itself stays, as it is what needs fixing.
 */
export function scrubQueryParams<T extends object>(serialized: T): T {
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(PARAMS_LINE, `\nparams: ${REDACTED}`);
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== 'params')
          .map(([key, inner]) => [key, scrub(inner)]),
      );
    }
    return value;
  };
  return scrub(serialized) as T;
}

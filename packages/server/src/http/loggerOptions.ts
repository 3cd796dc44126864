import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
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
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    hooks: { streamWrite: (line) => setup.redactor.redact(line) },
    serializers: {
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
  return url.replace(SECRET_QUERY, '$1[REDACTED]');
}

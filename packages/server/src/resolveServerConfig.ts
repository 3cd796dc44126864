import { SlipwayError, formatZodIssues } from '@slipway/core';
import { z } from 'zod';
import { SERVER_ROLES } from './serverRole.js';

/** @default port when none is given (`slipway serve`). */
export const DEFAULT_PORT = 7420;

const csv = z.string().transform((text) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORT),
  host: z.string().min(1).default('127.0.0.1'),
  role: z.enum(SERVER_ROLES).default('all'),
  dataDir: z.string().min(1).optional(),
  databaseUrl: z.string().min(1).optional(),
  baseUrl: z.url().optional(),
  smtpUrl: z.string().min(1).optional(),
  /** Sender of outgoing mail. @default 'Slipway <slipway@localhost>' */
  mailFrom: z.string().min(1).optional(),
  /** Durable-work executor id, stable across restarts. @default `<role>@<hostname>` */
  executorId: z.string().min(1).optional(),
  dev: z.boolean().default(false),
  corsOrigins: z.array(z.url()).default([]),
  authKey: z.string().min(1).optional(),
  secretKey: z.string().min(1).optional(),
  adminEmail: z.email().optional(),
  adminPassword: z.string().min(10).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  bodyLimit: z
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** `true`, or comma-separated proxy addresses/CIDRs (Fastify `trustProxy`). */
  trustProxy: z.union([z.boolean(), z.string().min(1)]).default(false),
  /** How long a graceful stop may take before what is left is forced. */
  shutdownTimeoutMs: z.coerce.number().int().min(100).default(10_000),
  /** Overrides the per-minute, per-IP budget of login, signup and reset (benchmarks, tests). */
  authRateLimit: z.coerce.number().int().min(1).optional(),
});

export type ServerConfigInput = z.input<typeof configSchema>;
/** Everything a server process needs to start, after defaults and environment. */
export type ResolvedServerConfig = Readonly<z.output<typeof configSchema>>;

/**
 * Merges explicit options over the environment (documented in docs/server.md) and
 * validates the result; a bad value is `CONFIG_INVALID` naming the field.
 */
export function resolveServerConfig(
  options: Partial<ServerConfigInput>,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedServerConfig {
  const fromEnv: Partial<ServerConfigInput> = {
    port: env.PORT,
    host: env.HOST,
    role: env.SLIPWAY_ROLE as ServerConfigInput['role'],
    databaseUrl: env.DATABASE_URL,
    baseUrl: env.SLIPWAY_BASE_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.SLIPWAY_MAIL_FROM,
    executorId: env.SLIPWAY_EXECUTOR_ID,
    dev: env.SLIPWAY_DEV === '1' || env.SLIPWAY_DEV === 'true',
    corsOrigins: env.SLIPWAY_CORS_ORIGINS ? csv.parse(env.SLIPWAY_CORS_ORIGINS) : undefined,
    authKey: env.SLIPWAY_AUTH_KEY,
    secretKey: env.SLIPWAY_SECRET_KEY,
    adminEmail: env.SLIPWAY_ADMIN_EMAIL,
    adminPassword: env.SLIPWAY_ADMIN_PASSWORD,
    logLevel: env.SLIPWAY_LOG_LEVEL as ServerConfigInput['logLevel'],
    authRateLimit: env.SLIPWAY_AUTH_RATE_LIMIT,
    shutdownTimeoutMs: env.SLIPWAY_SHUTDOWN_TIMEOUT_MS,
    trustProxy: parseTrustProxy(env.SLIPWAY_TRUST_PROXY),
  };
  const merged = { ...dropEmpty(fromEnv), ...dropEmpty(options) };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new SlipwayError({
      code: 'CONFIG_INVALID',
      component: 'Server',
      message: `Invalid server configuration: ${formatZodIssues(parsed.error).join('; ')}`,
      recovery: ['See docs/server.md#configuration for every option and variable'],
    });
  }
  return parsed.data;
}

function dropEmpty<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== ''),
  ) as Partial<T>;
}

function parseTrustProxy(text: string | undefined): boolean | string | undefined {
  if (text === undefined || text === '') return undefined;
  return text === 'true' || text === 'false' ? text === 'true' : text;
}

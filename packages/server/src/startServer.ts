import { mkdirSync } from 'node:fs';
import { SlipwayError } from '@slipway/core';
import { defaultDataDir, openDatabase, type SlipwayDatabase } from '@slipway/db';
import type { DestinationStream } from 'pino';
import { loadAuthKey } from './auth/authKey.js';
import type { AuthMailer } from './auth/authMailer.js';
import { ensureFirstAdmin } from './auth/ensureFirstAdmin.js';
import { buildServer } from './buildServer.js';
import { devMailNotifier, type DevMail } from './devMailNotifier.js';
import { launchDurableWork, shutdownDurableWork, type DurableWork } from './durable/index.js';
import { createEmailService, type EmailService } from './email/index.js';
import { createSecretsService, loadSecretKey } from './secrets/index.js';
import type { AuthRateLimits } from './routes/authRoutes.js';
import { registerApi } from './routes/registerApi.js';
import {
  resolveServerConfig,
  type ResolvedServerConfig,
  type ServerConfigInput,
} from './resolveServerConfig.js';
import { serverGauges } from './serverGauges.js';
import { runsWorkers, servesApi } from './serverRole.js';
import type { SlipwayApp } from './http/slipwayApp.js';

export interface StartServerOptions extends Partial<ServerConfigInput> {
  /** Where JSON log lines go. @default process.stdout */
  logStream?: DestinationStream;
  /** Called with each verification or reset link while mail goes to the dev mailbox. */
  onDevMail?: (mail: DevMail) => void;
  rateLimits?: Partial<AuthRateLimits>;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:7420`. */
  url: string;
  app: SlipwayApp;
  config: ResolvedServerConfig;
  /** Present only on the start that created the first admin with a generated password. */
  firstAdmin?: { email: string; password: string };
  /**
   * Stops accepting, drains in-flight requests, closes keep-alive connections, stops
   * durable work (pending mail retries stay queued) and closes the database — all within
   * `shutdownTimeoutMs`, forcing what is left at the deadline.
   */
  close(): Promise<void>;
  /** The second Ctrl-C: stops the embedded Postgres at once and releases its lock. */
  kill(): Promise<void>;
}

/**
 * Starts one Slipway server process: opens (and migrates) the database — embedded unless
 * `databaseUrl`/`DATABASE_URL` — builds the HTTP app for `role`, launches durable work
 * (DBOS; recovers this executor's unfinished workflows) and listens.
 * @example
 * const server = await startServer({ port: 0, dataDir: '/tmp/slipway' });
 * console.log(server.url, server.firstAdmin);
 * await server.close();
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { logStream, onDevMail, rateLimits, env, ...input } = options;
  const config = resolveServerConfig(input, env);
  const dataDir = config.dataDir ?? defaultDataDir();
  // Key files live here even when the database is external.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const database = await openDatabase({ url: config.databaseUrl, dataDir });
  let durable: DurableWork | undefined;
  let app: SlipwayApp | undefined;
  try {
    let url = '';
    const baseUrl = () => config.baseUrl ?? url;
    const api = servesApi(config.role);
    const email = createLazyEmail(database, baseUrl);
    app = await buildServer({
      role: config.role,
      dev: config.dev,
      corsOrigins: config.corsOrigins,
      bodyLimit: config.bodyLimit,
      trustProxy: config.trustProxy,
      log: { level: config.logLevel, stream: logStream },
      health: {
        embedded: database.embedded,
        embeddedStatus: database.embeddedStatus,
        pingDatabase: async () => void (await database.pool.query('select 1')),
        workers: () =>
          durable
            ? {
                status: 'up',
                detail: `${runsWorkers(durable.role) ? 'running workflows' : 'enqueue only'}; executor ${durable.executorId}; mail via ${durable.mailTransport}`,
              }
            : { status: 'down', detail: 'durable work is not running' },
      },
      gauges: serverGauges(database),
      registerApi: api
        ? registerApi({
            database,
            authKey: loadAuthKey({ fromEnv: config.authKey, dataDir }),
            mailer: withDevMail(email, config.smtpUrl, onDevMail),
            // Only where the outbox is the delivery: with SMTP its links went to the
            // recipient, and an admin reading them could take over any account.
            devMailbox:
              database.embedded && !config.smtpUrl
                ? { list: (query) => email().mailbox.list(query) }
                : undefined,
            secrets: createSecretsService({
              database,
              key: loadSecretKey({ value: config.secretKey, dataDir }),
            }),
            baseUrl,
            rateLimits: rateLimits ?? uniformRateLimits(config.authRateLimit),
          })
        : undefined,
    });
    // launchDurableWork serialises DBOS launches on one database (its migrations deadlock
    // when two processes race on a fresh database; tests/db/serverRoles.test.ts).
    durable = await launchDurableWork({
      database,
      role: config.role,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      executorId: config.executorId,
      logger: app.log,
    });
    await listen(app, config);
    url = listenUrl(app, config.host);
    // Only now: had listening failed, a generated password would have been lost unseen.
    const firstAdmin = api
      ? await ensureFirstAdmin(database.db, {
          email: config.adminEmail,
          password: config.adminPassword,
        })
      : undefined;
    return {
      url,
      app,
      config,
      ...(firstAdmin ? { firstAdmin } : {}),
      close: closer({ app, database, timeoutMs: config.shutdownTimeoutMs }),
      kill: () => database.kill(),
    };
  } catch (error) {
    await app?.close();
    if (durable) await shutdownDurableWork();
    await database.close();
    throw error;
  }
}

/** Listens; a port that is taken (or not ours to bind) is `PORT_IN_USE`, with the fix. */
async function listen(app: SlipwayApp, config: ResolvedServerConfig): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EADDRNOTAVAIL' && code !== 'EACCES') throw error;
    throw new SlipwayError({
      code: 'PORT_IN_USE',
      component: 'Server',
      message: `Cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`,
      recovery: ['slipway serve --port 0   # any free port', 'or stop whatever holds the port'],
      cause: error,
    });
  }
}

function uniformRateLimits(max: number | undefined): Partial<AuthRateLimits> | undefined {
  if (max === undefined) return undefined;
  const limit = { max, timeWindow: '1 minute' };
  return { login: limit, signup: limit, reset: limit };
}

/** The email service needs the public URL, known only after listening on port 0. */
function createLazyEmail(database: SlipwayDatabase, baseUrl: () => string): () => EmailService {
  let service: EmailService | undefined;
  return () => (service ??= createEmailService({ database, baseUrl: baseUrl() }));
}

function withDevMail(
  email: () => EmailService,
  smtpUrl: string | undefined,
  onDevMail: StartServerOptions['onDevMail'],
): AuthMailer {
  const mailer: AuthMailer = {
    sendVerification: (user, link) => email().sendVerification(user, link),
    sendPasswordReset: (user, link) => email().sendPasswordReset(user, link),
  };
  return onDevMail && !smtpUrl ? devMailNotifier(mailer, onDevMail) : mailer;
}

function listenUrl(app: SlipwayApp, host: string): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
}

/** How long durable work may finish a running step; queued work waits durably. */
const DURABLE_DRAIN_MS = 2_000;

function closer(options: {
  app: SlipwayApp;
  database: SlipwayDatabase;
  timeoutMs: number;
}): () => Promise<void> {
  const { app, database } = options;
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      const deadline = Date.now() + options.timeoutMs;
      const left = () => Math.max(0, deadline - Date.now());
      // Order matters: stop taking requests and let in-flight ones finish, then stop
      // durable work (it checkpoints), then release the database. A keep-alive socket
      // is closed as soon as it is idle — left alone, Fastify's 72 s keep-alive timeout
      // would hold the stop — and every socket is closed at half the budget.
      const idle = setInterval(() => app.server.closeIdleConnections(), 50);
      await within(app.close(), left() / 2);
      clearInterval(idle);
      app.server.closeAllConnections();
      await within(
        shutdownDurableWork({
          workflowCompletionTimeoutMs: Math.min(DURABLE_DRAIN_MS, left() / 2),
        }),
        left() / 2,
      );
      await database.close({ timeoutMs: left() });
    })());
}

/** Waits for `work`, but no longer than `ms`; its failure is not the caller's to handle. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}

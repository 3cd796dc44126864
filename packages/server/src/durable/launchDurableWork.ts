import { hostname } from 'node:os';
import { DBOS } from '@dbos-inc/dbos-sdk';
import type { SlipwayDatabase } from '@slipway/db';
import { createMailTransport } from '../email/mailTransport.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../email/retryPolicy.js';
import { runsWorkers, type ServerRole } from '../serverRole.js';
import { withAdvisoryLock } from '../withAdvisoryLock.js';
import { dbosLogger, type DurableLogger } from './dbosLogger.js';
import { setDurableContext } from './durableContext.js';
import { DURABLE_QUEUES } from './durableQueues.js';
import { MAINTENANCE_SCHEDULES } from './maintenanceWorkflows.js';

/**
 * The DBOS application version of Slipway's workflows. DBOS only recovers and dequeues
 * workflows of the version it runs, and would otherwise hash the registered code — which
 * differs between a build and a test run of the same sources. Bump it when a workflow's
 * sequence of steps changes incompatibly.
 */
export const DURABLE_APP_VERSION = 'slipway-1';

/** Schema of DBOS's system tables, inside Slipway's own database. */
export const DBOS_SCHEMA = 'dbos';

export interface LaunchDurableWorkOptions {
  database: SlipwayDatabase;
  /** `api` only enqueues; `worker` and `all` also dequeue and run workflows. */
  role: ServerRole;
  /**
   * Stable id of this process across restarts: at launch DBOS recovers the unfinished
   * workflows of this id. Give each worker process its own (`resolveServerConfig` reads
   * `SLIPWAY_EXECUTOR_ID`).
   * @default `<role>@<hostname>`
   */
  executorId?: string;
  /** SMTP server for outgoing mail; without it the outbox is the dev mailbox. */
  smtpUrl?: string;
  /** @default 'Slipway <slipway@localhost>' */
  mailFrom?: string;
  emailRetry?: Partial<RetryPolicy>;
  /** Receives DBOS's internal logs. @default none: they are dropped */
  logger?: DurableLogger;
}

/** The running durable work of this process. */
export interface DurableWork {
  readonly role: ServerRole;
  readonly executorId: string;
  readonly mailTransport: 'smtp' | 'dev-mailbox';
}

let running: { work: DurableWork; close: () => void } | undefined;

/**
 * Starts DBOS Transact on Slipway's database (system tables in schema `dbos`), recovers
 * this executor's unfinished workflows, registers the queues and applies the
 * maintenance schedules. One per process (DBOS is a process-wide singleton).
 * @example
 * const database = await openDatabase();
 * await launchDurableWork({ database, role: 'all' });
 * // … on shutdown:
 * await shutdownDurableWork();
 * await database.close();
 */
export async function launchDurableWork(options: LaunchDurableWorkOptions): Promise<DurableWork> {
  if (running) throw new Error('durable work is already launched in this process');
  const executorId = options.executorId ?? `${options.role}@${hostname()}`;
  const mailTransport = createMailTransport({ smtpUrl: options.smtpUrl, from: options.mailFrom });
  setDurableContext({
    database: options.database,
    mailTransport,
    emailRetry: { ...DEFAULT_RETRY_POLICY, ...options.emailRetry },
  });
  DBOS.setConfig({
    name: 'slipway',
    systemDatabaseUrl: systemDatabaseUrl(options.database.url),
    systemDatabaseSchemaName: DBOS_SCHEMA,
    systemDatabasePoolSize: 5,
    executorID: executorId,
    applicationVersion: DURABLE_APP_VERSION,
    // An empty list dequeues from no queue: `api` processes only enqueue.
    ...(runsWorkers(options.role) ? {} : { listenQueues: [] }),
    logger: dbosLogger(options.logger),
  });
  try {
    // DBOS migrates its system tables at launch, and two processes doing so at once on a
    // fresh database deadlock ("deadlock detected"): launches on one database take turns.
    await withAdvisoryLock(options.database.pool, 'slipway:dbos-launch', async () => {
      await DBOS.launch();
      for (const { name, ...limits } of DURABLE_QUEUES) await DBOS.registerQueue(name, limits);
      await DBOS.applySchedules(MAINTENANCE_SCHEDULES);
    });
  } catch (error) {
    await DBOS.shutdown().catch(() => undefined);
    setDurableContext(undefined);
    mailTransport.close();
    throw error;
  }
  const work: DurableWork = { role: options.role, executorId, mailTransport: mailTransport.kind };
  running = { work, close: () => mailTransport.close() };
  return work;
}

/**
 * Stops DBOS: no more dequeuing; workflows running here stop at their next step and are
 * recovered by the next launch with the same executor id. Idempotent.
 * @default waits up to `workflowCompletionTimeoutMs` = 5_000 for running workflows
 */
export async function shutdownDurableWork(
  options: { workflowCompletionTimeoutMs?: number } = {},
): Promise<void> {
  if (!running) return;
  const { close } = running;
  running = undefined;
  await DBOS.shutdown({
    workflowCompletionTimeoutMS: options.workflowCompletionTimeoutMs ?? 5_000,
  });
  close();
  setDurableContext(undefined);
}

/**
 * DBOS's pool sets `idle_in_transaction_session_timeout` with an un-awaited query on
 * connect (a pg deprecation warning on every connection); given as a startup option in
 * the URL, the same limit costs nothing and DBOS skips its own.
 */
function systemDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('options')) {
    parsed.searchParams.set('options', '-c idle_in_transaction_session_timeout=60000');
  }
  return parsed.toString();
}

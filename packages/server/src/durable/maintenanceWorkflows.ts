import { DBOS } from '@dbos-inc/dbos-sdk';
import { emailOutbox } from '@slipway/db';
import { and, inArray, lt } from 'drizzle-orm';
import { sendEmailWorkflow } from '../email/sendEmailWorkflow.js';
import { deleteExpiredTokens, deleteOldMail } from './deleteExpiredTokens.js';
import { durableContext } from './durableContext.js';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE } from './durableQueues.js';

async function tokenCleanup(scheduledAt: Date, _context: unknown): Promise<void> {
  const { db } = durableContext().database;
  await DBOS.runStep(() => deleteExpiredTokens(db, scheduledAt), { name: 'deleteExpiredTokens' });
  await DBOS.runStep(() => deleteOldMail(db, scheduledAt), { name: 'deleteOldMail' });
}

/**
 * Deletes expired verification, reset and refresh tokens, and outbox mail older than 30
 * days (scheduled every 15 minutes).
 */
export const tokenCleanupWorkflow = DBOS.registerWorkflow(tokenCleanup, {
  name: 'slipway.tokens.cleanup',
});

/** A mail still unsent this long after it was queued may have lost its workflow start. */
const SWEEP_AGE_MS = 60_000;

async function findStrandedMail(scheduledAt: Date): Promise<string[]> {
  const rows = await durableContext()
    .database.db.select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        inArray(emailOutbox.status, ['pending', 'sending']),
        lt(emailOutbox.createdAt, new Date(scheduledAt.getTime() - SWEEP_AGE_MS)),
      ),
    )
    .limit(500);
  return rows.map((row) => row.id);
}

/**
 * Starts the email workflow of outbox rows that have none: the row is inserted before
 * its workflow starts, and a process can die in between. Rows whose workflow exists
 * (most of them, sleeping between retries) are untouched, since the workflow id is the
 * row id.
 */
async function outboxSweep(scheduledAt: Date, _context: unknown): Promise<void> {
  const ids = await DBOS.runStep(() => findStrandedMail(scheduledAt), { name: 'findStrandedMail' });
  for (const id of ids) {
    await DBOS.startWorkflow(sendEmailWorkflow, { workflowID: id, queueName: EMAIL_QUEUE })(id);
  }
}

export const outboxSweepWorkflow = DBOS.registerWorkflow(outboxSweep, {
  name: 'slipway.email.sweep',
});

export const TOKEN_CLEANUP_SCHEDULE = 'slipway-token-cleanup';
export const OUTBOX_SWEEP_SCHEDULE = 'slipway-outbox-sweep';

/** The schedules `launchDurableWork` applies (cron with seconds, UTC). */
export const MAINTENANCE_SCHEDULES = [
  {
    scheduleName: TOKEN_CLEANUP_SCHEDULE,
    workflowFn: tokenCleanupWorkflow,
    schedule: '0 */15 * * * *',
    queueName: MAINTENANCE_QUEUE,
  },
  {
    scheduleName: OUTBOX_SWEEP_SCHEDULE,
    workflowFn: outboxSweepWorkflow,
    schedule: '30 * * * * *',
    queueName: MAINTENANCE_QUEUE,
  },
];

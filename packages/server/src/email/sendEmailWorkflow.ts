import { DBOS } from '@dbos-inc/dbos-sdk';
import { deliverOutboxMail } from './deliverOutboxMail.js';

/** Final state of one outbox mail. */
export type EmailResult = 'sent' | 'failed' | 'missing';

async function sendEmail(outboxId: string): Promise<EmailResult> {
  for (;;) {
    // Unexpected errors (the database blinking) are retried by DBOS; delivery failures
    // are values, so their attempts and backoff show in the outbox row.
    const result = await DBOS.runStep(() => deliverOutboxMail(outboxId), {
      name: 'deliver',
      retriesAllowed: true,
      maxAttempts: 5,
      intervalSeconds: 1,
    });
    if (result.outcome !== 'retry') return result.outcome;
    // A durable sleep: its wake-up time is in Postgres, so it outlives restarts.
    await DBOS.sleep(result.delayMs);
  }
}

/**
 * The email workflow: started once per outbox row with workflow id = row id, so starting
 * it twice for a row is a no-op. Retries with exponential backoff (`RetryPolicy`).
 */
export const sendEmailWorkflow = DBOS.registerWorkflow(sendEmail, { name: 'slipway.email.send' });

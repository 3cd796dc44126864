import { emailOutbox } from '@slipway/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { durableContext } from '../durable/durableContext.js';
import { isPermanentSmtpFailure } from './mailTransport.js';
import { redactOneTimeLinks } from './redactOneTimeLinks.js';
import { retryDelayMs } from './retryPolicy.js';

/** What one delivery attempt did; `retry` carries the backoff before the next one. */
export type DeliveryOutcome =
  { outcome: 'sent' | 'failed' | 'missing' } | { outcome: 'retry'; delayMs: number };

/**
 * One delivery attempt of outbox row `id` (a checkpointed step of the email workflow).
 *
 * It claims the row (`pending`/`sending` → `sending`, attempts + 1) in one statement; a
 * row already `sent` or `failed` is not sent again, which is what makes a re-run after a
 * crash, or a second workflow start for the same row, harmless. A row found `sending` was
 * interrupted mid-send and is sent again: the one window where a mail can arrive twice
 * is between the server's acceptance and the `sent` update below.
 */
export async function deliverOutboxMail(id: string): Promise<DeliveryOutcome> {
  const { database, mailTransport, emailRetry } = durableContext();
  const { db } = database;
  const [row] = await db
    .update(emailOutbox)
    .set({ status: 'sending', attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: null })
    .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ['pending', 'sending'])))
    .returning();
  if (!row) {
    const [existing] = await db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, id));
    if (!existing) return { outcome: 'missing' };
    return { outcome: existing.status === 'sent' ? 'sent' : 'failed' };
  }
  try {
    const { messageId } = await mailTransport.send({
      id: row.id,
      to: row.toAddress,
      subject: row.subject,
      html: row.html,
      text: row.text,
    });
    await db
      .update(emailOutbox)
      .set({
        status: 'sent',
        providerMessageId: messageId,
        sentAt: new Date(),
        ...settledBody(row, mailTransport.kind),
      })
      .where(eq(emailOutbox.id, id));
    return { outcome: 'sent' };
  } catch (error) {
    const lastError = describe(error);
    if (isPermanentSmtpFailure(error) || row.attempts >= emailRetry.maxAttempts) {
      await db
        .update(emailOutbox)
        .set({ status: 'failed', lastError, ...settledBody(row, mailTransport.kind) })
        .where(eq(emailOutbox.id, id));
      return { outcome: 'failed' };
    }
    const delayMs = retryDelayMs(emailRetry, row.attempts);
    await db
      .update(emailOutbox)
      .set({ status: 'pending', lastError, nextAttemptAt: new Date(Date.now() + delayMs) })
      .where(eq(emailOutbox.id, id));
    return { outcome: 'retry', delayMs };
  }
}

/**
 * Once a mail left over SMTP (or will never leave) its stored copy loses its live links,
 * so reading the outbox cannot take over an account. Without SMTP the outbox is the dev
 * mailbox — the delivery itself — and keeps them.
 */
function settledBody(
  row: { html: string; text: string },
  transport: 'smtp' | 'dev-mailbox',
): { html?: string; text?: string } {
  if (transport === 'dev-mailbox') return {};
  return { html: redactOneTimeLinks(row.html), text: redactOneTimeLinks(row.text) };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1_000);
}

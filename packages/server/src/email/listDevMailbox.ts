import { emailOutbox } from '@slipway/db';
import type { SlipwayDatabase } from '@slipway/db';
import { desc } from 'drizzle-orm';

/** One outbox message as admins see it. */
export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  text: string;
  html: string;
  createdAt: string;
  sentAt: string | null;
}

/**
 * The newest outbox messages, newest first. Without `SMTP_URL` this is the dev mailbox:
 * every mail Slipway would have sent, with its links.
 */
export async function listDevMailbox(
  db: SlipwayDatabase['db'],
  options: { limit: number },
): Promise<MailboxMessage[]> {
  const rows = await db
    .select()
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(options.limit);
  return rows.map((row) => ({
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    text: row.text,
    html: row.html,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}

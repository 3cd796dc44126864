import { DBOS } from '@dbos-inc/dbos-sdk';
import { emailOutbox } from '@slipway/db';
import type { SlipwayDatabase } from '@slipway/db';
import { EMAIL_QUEUE } from '../durable/durableQueues.js';
import {
  buildStatusEmail,
  passwordResetEmail,
  verificationEmail,
  type BuildStatusInput,
  type RenderedEmail,
} from './emailTemplates.js';
import { listDevMailbox, type MailboxMessage } from './listDevMailbox.js';
import { sendEmailWorkflow } from './sendEmailWorkflow.js';

/** A recipient as the auth flows know it. */
export interface MailRecipient {
  id: string;
  email: string;
  displayName?: string | null;
}

/** A mail to queue; `kind` names its template (`verification`, …) for the mailbox. */
export interface QueuedMail extends RenderedEmail {
  to: string;
  kind: string;
}

export interface EmailService {
  /** Stores the mail in the outbox and starts its durable workflow. Resolves when queued. */
  enqueue(mail: QueuedMail): Promise<{ id: string }>;
  sendVerification(user: MailRecipient, link: string): Promise<{ id: string }>;
  sendPasswordReset(user: MailRecipient, link: string): Promise<{ id: string }>;
  sendBuildStatus(
    input: Omit<BuildStatusInput, 'baseUrl' | 'to'> & { user: MailRecipient },
  ): Promise<{
    id: string;
  }>;
  /** The outbox, newest first (the dev mailbox without SMTP). */
  mailbox: { list(options: { limit: number }): Promise<MailboxMessage[]> };
}

export interface EmailServiceOptions {
  database: SlipwayDatabase;
  /** Slipway's public URL, shown in mail footers. */
  baseUrl: string;
}

/**
 * Outgoing mail through the outbox. Delivery (SMTP or dev mailbox) is configured on
 * `launchDurableWork`, which must have run in this process: mails are queued here and
 * sent by whichever worker process dequeues them.
 * @example
 * const email = createEmailService({ database, baseUrl: 'http://127.0.0.1:7070' });
 * await email.sendVerification(user, `${baseUrl}/verify?token=${token}`);
 */
export function createEmailService(options: EmailServiceOptions): EmailService {
  const { database, baseUrl } = options;
  const enqueue = async (mail: QueuedMail): Promise<{ id: string }> => {
    const [row] = await database.db
      .insert(emailOutbox)
      .values({
        toAddress: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        kind: mail.kind,
      })
      .returning({ id: emailOutbox.id });
    const { id } = row!;
    // Workflow id = outbox id: a second start (the outbox sweep) finds this one.
    await DBOS.startWorkflow(sendEmailWorkflow, { workflowID: id, queueName: EMAIL_QUEUE })(id);
    return { id };
  };
  return {
    enqueue,
    sendVerification: (user, link) =>
      enqueue({
        to: user.email,
        kind: 'verification',
        ...verificationEmail({ to: user, link, baseUrl }),
      }),
    sendPasswordReset: (user, link) =>
      enqueue({
        to: user.email,
        kind: 'password_reset',
        ...passwordResetEmail({ to: user, link, baseUrl }),
      }),
    sendBuildStatus: ({ user, ...input }) =>
      enqueue({
        to: user.email,
        kind: 'build_status',
        ...buildStatusEmail({ ...input, to: user, baseUrl }),
      }),
    mailbox: { list: (listOptions) => listDevMailbox(database.db, listOptions) },
  };
}

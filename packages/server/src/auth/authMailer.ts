/** The recipient fields the auth flows pass to the mailer. */
export interface MailRecipient {
  id: string;
  email: string;
  displayName?: string | null;
}

/**
 * The part of the email service (`src/email/`) that auth uses: queue a message in the
 * outbox; the durable workflow delivers it. Resolving means queued, not delivered.
 */
export interface AuthMailer {
  sendVerification(user: MailRecipient, link: string): Promise<unknown>;
  sendPasswordReset(user: MailRecipient, link: string): Promise<unknown>;
}

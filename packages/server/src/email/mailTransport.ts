import nodemailer from 'nodemailer';

/** One message as the transport sends it; `id` is the outbox row id. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Where mail goes: an SMTP server, or nowhere (the outbox is the dev mailbox). */
export interface MailTransport {
  readonly kind: 'smtp' | 'dev-mailbox';
  /** Resolves with the provider's message id once the server accepted the message. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export interface MailTransportOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`; without it, the dev mailbox. */
  smtpUrl?: string;
  /** @default 'Slipway <slipway@localhost>' */
  from?: string;
}

/** Seconds an SMTP conversation may stall before the attempt fails and is retried. */
const SMTP_TIMEOUT_MS = 60_000;

/**
 * Nodemailer over `smtpUrl`, or the dev mailbox. Each message carries
 * `Message-ID: <outbox-id@slipway>`, so a receiver that deduplicates by Message-ID drops a
 * copy resent after a crash (see docs/email.md on the at-least-once window).
 */
export function createMailTransport(options: MailTransportOptions): MailTransport {
  const from = options.from ?? 'Slipway <slipway@localhost>';
  if (!options.smtpUrl) {
    return {
      kind: 'dev-mailbox',
      send: async (mail) => ({ messageId: `dev-mailbox:${mail.id}` }),
      close: () => undefined,
    };
  }
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    kind: 'smtp',
    send: async (mail) => {
      const info = await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: `<${mail.id}@slipway>`,
      });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** 5xx replies (RFC 5321 §4.2.1) will not succeed on retry; everything else may. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

import type { AuthMailer, MailRecipient } from './auth/authMailer.js';

/** A mail that, without SMTP, only the dev mailbox holds: `serve` prints its link. */
export interface DevMail {
  kind: 'verification' | 'password_reset';
  to: string;
  link: string;
}

/**
 * Wraps the mailer so each verification or reset link is also reported to `notify` —
 * how `slipway serve` in embedded mode shows links without an SMTP server.
 */
export function devMailNotifier(mailer: AuthMailer, notify: (mail: DevMail) => void): AuthMailer {
  const report = (kind: DevMail['kind'], user: MailRecipient, link: string) =>
    notify({ kind, to: user.email, link });
  return {
    async sendVerification(user, link) {
      const result = await mailer.sendVerification(user, link);
      report('verification', user, link);
      return result;
    },
    async sendPasswordReset(user, link) {
      const result = await mailer.sendPasswordReset(user, link);
      report('password_reset', user, link);
      return result;
    },
  };
}

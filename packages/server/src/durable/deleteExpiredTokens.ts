import { emailOutbox, emailVerifications, passwordResets, refreshTokens } from '@slipway/db';
import type { SlipwayDatabase } from '@slipway/db';
import { and, inArray, lt } from 'drizzle-orm';

/** Rows removed per table by one cleanup. */
export interface ExpiredTokenCounts {
  emailVerifications: number;
  passwordResets: number;
  refreshTokens: number;
}

/**
 * Deletes verification, password-reset and refresh tokens that expired before `now`.
 * Expired tokens are refused anyway; keeping them only grows the tables. Refresh-token
 * reuse detection is unaffected: a family's live tokens are not expired.
 */
export async function deleteExpiredTokens(
  db: SlipwayDatabase['db'],
  now: Date = new Date(),
): Promise<ExpiredTokenCounts> {
  const [verifications, resets, refreshes] = await Promise.all([
    db
      .delete(emailVerifications)
      .where(lt(emailVerifications.expiresAt, now))
      .returning({ id: emailVerifications.id }),
    db
      .delete(passwordResets)
      .where(lt(passwordResets.expiresAt, now))
      .returning({ id: passwordResets.id }),
    db
      .delete(refreshTokens)
      .where(lt(refreshTokens.expiresAt, now))
      .returning({ id: refreshTokens.id }),
  ]);
  return {
    emailVerifications: verifications.length,
    passwordResets: resets.length,
    refreshTokens: refreshes.length,
  };
}

/** How long sent and failed mail stays in the outbox (and the dev mailbox). */
export const OUTBOX_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Deletes outbox mail that reached `sent` or `failed` more than 30 days before `now`.
 * Mails carry live links (verification, password reset), so they are not kept forever.
 */
export async function deleteOldMail(
  db: SlipwayDatabase['db'],
  now: Date = new Date(),
): Promise<number> {
  const deleted = await db
    .delete(emailOutbox)
    .where(
      and(
        inArray(emailOutbox.status, ['sent', 'failed']),
        lt(emailOutbox.createdAt, new Date(now.getTime() - OUTBOX_RETENTION_MS)),
      ),
    )
    .returning({ id: emailOutbox.id });
  return deleted.length;
}

import { emailVerifications, passwordResets } from '@slipway/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashToken, newOpaqueToken } from './opaqueToken.js';
import type { Db } from './userStore.js';

/** Which one-time link: both tables have the same shape. */
export type OneTimePurpose = 'verify_email' | 'reset_password';

const TABLES = { verify_email: emailVerifications, reset_password: passwordResets } as const;

/** How long a link works: a day to verify an address, an hour to reset a password. */
export const ONE_TIME_TTL_MS: Record<OneTimePurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
};

/** Stores the hash of a fresh token for `userId` and returns the token for the link. */
export async function issueOneTimeToken(
  db: Db,
  purpose: OneTimePurpose,
  userId: string,
): Promise<string> {
  const { token, hash } = newOpaqueToken();
  const table = TABLES[purpose];
  await db.insert(table).values({
    userId,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + ONE_TIME_TTL_MS[purpose]),
  });
  return token;
}

/**
 * Marks the token used and returns its user, in one statement so a link clicked twice
 * at once is consumed once; every other outstanding token of the same purpose for that
 * user is spent with it, so an older link stops working once a newer one was used.
 * `undefined` when unknown, used or expired.
 */
export async function consumeOneTimeToken(
  db: Db,
  purpose: OneTimePurpose,
  token: string,
): Promise<string | undefined> {
  const table = TABLES[purpose] as typeof emailVerifications;
  const [row] = await db
    .update(table)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(table.tokenHash, hashToken(token)),
        isNull(table.usedAt),
        gt(table.expiresAt, new Date()),
      ),
    )
    .returning({ userId: table.userId });
  if (!row) return undefined;
  await db
    .update(table)
    .set({ usedAt: new Date() })
    .where(and(eq(table.userId, row.userId), isNull(table.usedAt)));
  return row.userId;
}

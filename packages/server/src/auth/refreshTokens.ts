import { randomUUID } from 'node:crypto';
import { SlipwayError } from '@slipway/core';
import { refreshTokens } from '@slipway/db';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashToken, newOpaqueToken } from './opaqueToken.js';
import type { Database, Db } from './userStore.js';

/** Refresh tokens live 30 days; each use replaces the token. */
export const REFRESH_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Starts a new family (a login) or continues one (a rotation); returns the token. */
export async function issueRefreshToken(
  db: Db,
  grant: { userId: string; familyId?: string; id?: string },
): Promise<string> {
  const { token, hash } = newOpaqueToken('rt_');
  await db.insert(refreshTokens).values({
    id: grant.id ?? randomUUID(),
    userId: grant.userId,
    familyId: grant.familyId ?? randomUUID(),
    tokenHash: hash,
    expiresAt: new Date(Date.now() + REFRESH_TTL_MS),
  });
  return token;
}

/**
 * Exchanges a refresh token for a new one of the same family. The old row is revoked and
 * pointed at its successor in one conditional UPDATE, so two concurrent uses cannot both
 * win. Presenting a token that was already rotated or revoked is reuse — a sign it was
 * stolen — and revokes the whole family (RFC 9700 §4.14.2).
 */
export async function rotateRefreshToken(
  db: Database,
  token: string,
): Promise<{ userId: string; refreshToken: string }> {
  const hash = hashToken(token);
  const successorId = randomUUID();
  const rotated = await db.transaction(async (tx) => {
    const [current] = await tx
      .update(refreshTokens)
      .set({ revokedAt: new Date(), replacedBy: successorId })
      .where(
        and(
          eq(refreshTokens.tokenHash, hash),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: refreshTokens.userId, familyId: refreshTokens.familyId });
    if (!current) return undefined;
    const refreshToken = await issueRefreshToken(tx, { ...current, id: successorId });
    return { userId: current.userId, refreshToken };
  });
  if (rotated) return rotated;
  // Outside the transaction: the family must stay revoked although this request fails.
  await revokeIfReused(db, hash);
  throw refreshInvalid();
}

/** Revokes the family of `token` (logout); unknown tokens are ignored. */
export async function revokeRefreshFamily(db: Db, token: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`coalesce(${refreshTokens.revokedAt}, now())` })
    .where(
      sql`${refreshTokens.familyId} = (select family_id from refresh_tokens where token_hash = ${hashToken(token)})`,
    );
}

/** Revokes every refresh token of `userId` (after a password reset). */
export async function revokeAllRefreshTokens(db: Db, userId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}

async function revokeIfReused(db: Db, hash: string): Promise<void> {
  const [seen] = await db
    .select({ familyId: refreshTokens.familyId, revokedAt: refreshTokens.revokedAt })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hash));
  if (!seen?.revokedAt) return;
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`coalesce(${refreshTokens.revokedAt}, now())` })
    .where(eq(refreshTokens.familyId, seen.familyId));
}

function refreshInvalid(): SlipwayError {
  return new SlipwayError({
    code: 'AUTH_INVALID',
    component: 'Auth',
    message: 'The refresh token is invalid, expired or was already used; sign in again',
    recovery: ['POST /api/auth/login'],
  });
}

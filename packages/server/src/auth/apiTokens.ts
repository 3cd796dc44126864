import { SlipwayError } from '@slipway/core';
import { apiTokens, users, type UserRole } from '@slipway/db';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { hashToken, newOpaqueToken } from './opaqueToken.js';
import type { Database, Db } from './userStore.js';

/** Personal API tokens start with this, so `Authorization: Bearer slw_…` is recognised. */
export const API_TOKEN_PREFIX = 'slw_';
/** How much of a token listings show: the prefix and a few characters. */
const SHOWN_PREFIX_LENGTH = 12;

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

type ApiTokenRow = typeof apiTokens.$inferSelect;

function toInfo(row: ApiTokenRow): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** Creates a token; the plaintext is in the result once and never again. */
export async function createApiToken(
  db: Db,
  input: { userId: string; name: string; expiresInDays?: number },
): Promise<ApiTokenInfo & { token: string }> {
  const { token, hash } = newOpaqueToken(API_TOKEN_PREFIX);
  const expiresAt = input.expiresInDays
    ? new Date(Date.now() + input.expiresInDays * 86_400_000)
    : null;
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: input.userId,
      name: input.name,
      tokenHash: hash,
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      expiresAt,
    })
    .returning();
  return { ...toInfo(row!), token };
}

/** The user's tokens that are not revoked, newest first. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toInfo);
}

/** Revokes one of the user's tokens; another user's token id is `NOT_FOUND`. */
export async function revokeApiToken(db: Db, input: { userId: string; id: string }): Promise<void> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(apiTokens.id, input.id),
        eq(apiTokens.userId, input.userId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  if (rows.length === 0) {
    throw new SlipwayError({ code: 'NOT_FOUND', component: 'Auth', message: 'No such API token' });
  }
}

/**
 * The owner of a live API token, or `undefined`. `last_used_at` is bumped at most once a
 * minute per token, without waiting, so authenticated reads stay one query.
 */
export async function authenticateApiToken(
  db: Database,
  token: string,
): Promise<{ userId: string; role: UserRole; tokenId: string } | undefined> {
  const [row] = await lookupByHash(db).execute({ hash: hashToken(token), now: new Date() });
  if (!row) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    void db
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiTokens.id, row.tokenId),
          or(
            isNull(apiTokens.lastUsedAt),
            lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`),
          ),
        ),
      )
      .catch(() => undefined);
  }
  return { userId: row.userId, role: row.role, tokenId: row.tokenId };
}

/** Every API-token request runs this: a named prepared statement, planned once per connection. */
function prepareLookup(db: Database) {
  return db
    .select({
      tokenId: apiTokens.id,
      userId: users.id,
      role: users.role,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('hash')),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
      ),
    )
    .limit(1)
    .prepare('slipway_api_token_by_hash');
}

const lookups = new WeakMap<Database, ReturnType<typeof prepareLookup>>();

function lookupByHash(db: Database): ReturnType<typeof prepareLookup> {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db, lookup);
  }
  return lookup;
}

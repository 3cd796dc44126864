import { SlipwayError } from '@slipway/core';
import { apiTokens, users } from '@slipway/db';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { hashToken, newOpaqueToken } from './opaqueToken.js';
import type { Database, Db, UserRecord } from './userStore.js';

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

/** Lifetime of a token created without `expiresInDays`. */
export const DEFAULT_API_TOKEN_DAYS = 90;

export interface NewApiToken {
  userId: string;
  name: string;
  /** @default DEFAULT_API_TOKEN_DAYS */
  expiresInDays?: number;
  /** The API token the request was made with, when it was one: the child never outlives it. */
  parentTokenId?: string;
}

/**
 * Creates a token; the plaintext is in the result once and never again. A token minted
 * with another API token records it as parent, expires no later than it and carries the
 * same user (so the same role): it cannot gain lifetime or scope.
 */
export async function createApiToken(
  db: Db,
  input: NewApiToken,
): Promise<ApiTokenInfo & { token: string }> {
  const { token, hash } = newOpaqueToken(API_TOKEN_PREFIX);
  const days = input.expiresInDays ?? DEFAULT_API_TOKEN_DAYS;
  let expiresAt = new Date(Date.now() + days * 86_400_000);
  if (input.parentTokenId) {
    const [parent] = await db
      .select({ expiresAt: apiTokens.expiresAt })
      .from(apiTokens)
      .where(eq(apiTokens.id, input.parentTokenId));
    if (parent?.expiresAt && parent.expiresAt < expiresAt) expiresAt = parent.expiresAt;
  }
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: input.userId,
      name: input.name,
      tokenHash: hash,
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      expiresAt,
      parentId: input.parentTokenId ?? null,
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

/**
 * Revokes one of the user's tokens and every token minted from it, transitively, in one
 * statement; another user's token id is `NOT_FOUND`.
 */
export async function revokeApiToken(db: Db, input: { userId: string; id: string }): Promise<void> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(
      sql`${apiTokens.id} in (
        with recursive minted(id) as (
          select id from api_tokens
            where id = ${input.id} and user_id = ${input.userId} and revoked_at is null
          union
          select t.id from api_tokens t join minted m on t.parent_id = m.id
        ) select id from minted)`,
    )
    .returning({ id: apiTokens.id });
  if (rows.length === 0) {
    throw new SlipwayError({ code: 'NOT_FOUND', component: 'Auth', message: 'No such API token' });
  }
}

/** Revokes every API token of `userId` (password reset, "log out everywhere"). */
export async function revokeAllApiTokens(db: Db, userId: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/**
 * The owner of a live API token, or `undefined`. `last_used_at` is bumped at most once a
 * minute per token, without waiting, so authenticated reads stay one query.
 */
export async function authenticateApiToken(
  db: Database,
  token: string,
): Promise<{ user: UserRecord; tokenId: string } | undefined> {
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
  return { user: row.user, tokenId: row.tokenId };
}

/** Every API-token request runs this: a named prepared statement, planned once per connection. */
function prepareLookup(db: Database) {
  return db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: users })
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

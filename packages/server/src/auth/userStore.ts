import { SlipwayError } from '@slipway/core';
import { secrets, users, type SlipwayDatabase, type UserRole } from '@slipway/db';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';

/** The drizzle handle: the database itself, which can open transactions. */
export type Database = SlipwayDatabase['db'];
/** What a query needs: the database or a transaction of it. */
export type Db = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;
export type UserRecord = typeof users.$inferSelect;

/** The user as the API shows it: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  displayName: string | null;
  role: UserRole;
  emailVerified: boolean;
  createdAt: string;
}

export function toPublicUser(user: UserRecord): PublicUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/**
 * Case-insensitive, as the `users_email_lower_key` index is. The argument is lowered in
 * JavaScript too: Postgres' `lower()` leaves non-ASCII letters alone under the C locale
 * that a fresh embedded cluster may use.
 */
export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email.toLowerCase()})`)
    .limit(1);
  return user;
}

/**
 * By id — the hot path of every authenticated request that needs the user. On the
 * database itself (not a transaction) it is one named prepared statement sent straight
 * through node-postgres: drizzle's row mapping measured about half the throughput of
 * the raw query for this single-row read.
 */
export async function findUserById(db: Db, id: string): Promise<UserRecord | undefined> {
  const client = isDatabase(db) ? (db as { $client?: unknown }).$client : undefined;
  if (!(client instanceof pg.Pool)) {
    const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return user;
  }
  const { rows } = await client.query<UserRow>({
    name: 'slipway_user_by_id',
    text: USER_BY_ID,
    values: [id],
  });
  return rows[0] && fromRow(rows[0]);
}

const USER_BY_ID = `select id, email, display_name, password_hash, role, email_verified_at,
  sessions_revoked_at, first_admin, created_at, updated_at from users where id = $1`;

interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  password_hash: string | null;
  role: UserRecord['role'];
  email_verified_at: Date | null;
  sessions_revoked_at: Date | null;
  first_admin: boolean;
  created_at: Date;
  updated_at: Date;
}

function fromRow(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    emailVerifiedAt: row.email_verified_at,
    sessionsRevokedAt: row.sessions_revoked_at,
    firstAdmin: row.first_admin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A transaction has `rollback`; the database itself does not. */
function isDatabase(db: Db): db is Database {
  return !('rollback' in db);
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName?: string | null;
  role?: UserRole;
  verified?: boolean;
  /** Marks the bootstrap admin; the database holds at most one. */
  firstAdmin?: boolean;
}

/** Inserts a user; an email already taken (in any letter case) is `CONFLICT`. */
export async function insertUser(db: Db, user: NewUser): Promise<UserRecord> {
  try {
    const [row] = await db
      .insert(users)
      .values({
        email: user.email,
        passwordHash: user.passwordHash,
        displayName: user.displayName ?? null,
        role: user.role ?? 'member',
        emailVerifiedAt: user.verified ? new Date() : null,
        firstAdmin: user.firstAdmin ?? false,
      })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new SlipwayError({
        code: 'CONFLICT',
        component: 'Auth',
        message: 'An account with this email already exists',
        recovery: ['Sign in instead, or reset the password: POST /api/auth/password-reset'],
      });
    }
    throw error;
  }
}

/** SQLSTATE 23505, possibly wrapped by drizzle in a `cause`. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 3; depth++) {
    if ((e as { code?: string }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Removes an account. Its own secrets (scope `user`) are deleted with it, in the same
 * transaction; its sessions, API tokens and one-time links go by `on delete cascade`;
 * project secrets it wrote stay with the project (`created_by` becomes null). Whether a
 * user was removed.
 */
export async function deleteUser(db: Database, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.delete(secrets).where(and(eq(secrets.scopeKind, 'user'), eq(secrets.scopeId, id)));
    const removed = await tx.delete(users).where(eq(users.id, id)).returning({ id: users.id });
    return removed.length > 0;
  });
}

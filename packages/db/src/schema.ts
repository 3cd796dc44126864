/**
 * Slipway's one Postgres schema. Table names are a contract with every package that
 * stores data (`server` first); migrations in `packages/db/migrations` are generated
 * from this file with `npm run generate -w packages/db` (drizzle-kit) and committed.
 *
 * Conventions: ids are `uuid` (`gen_random_uuid()`), times are `timestamptz`, and every
 * secret-bearing token is stored only as a hash (`token_hash`, hex SHA-256 of the token)
 * so a database dump cannot be replayed.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const USER_ROLES = ['admin', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Accounts. `email` keeps the spelling the user typed; uniqueness is case-insensitive
 * through the `lower(email)` index, so look users up with `lower(email) = lower($1)`.
 * `password_hash` is a PHC string (argon2id) and may be null for accounts without a
 * password. `email_verified_at` null means unverified.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash'),
    role: text('role', { enum: USER_ROLES }).notNull().default('member'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Access tokens issued before this instant are refused (reset, "log out everywhere"). */
    sessionsRevokedAt: timestamp('sessions_revoked_at', { withTimezone: true }),
    /** True only for the admin `ensureFirstAdmin` created. */
    firstAdmin: boolean('first_admin').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    // At most one bootstrap admin: two first starts racing on one empty database insert
    // one row here and the loser's insert fails, whatever admin email each was given.
    uniqueIndex('users_one_first_admin_key')
      .on(t.role)
      .where(sql`${t.firstAdmin}`),
    check('users_role_check', sql`${t.role} in ('admin', 'member')`),
  ],
);

/**
 * Columns of a one-time link token (verification, password reset): a hashed token for a
 * user, valid until `expires_at`, spent when `used_at` is set. A function, so each table
 * gets its own column builders.
 */
function oneTimeTokenColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  };
}

/** One-time email verification tokens; `used_at` is set when the link is followed. */
export const emailVerifications = pgTable('email_verifications', oneTimeTokenColumns(), (t) => [
  index('email_verifications_expires_at_idx').on(t.expiresAt),
]);

/** One-time password reset tokens, same shape as `email_verifications`. */
export const passwordResets = pgTable('password_resets', oneTimeTokenColumns(), (t) => [
  index('password_resets_expires_at_idx').on(t.expiresAt),
]);

/**
 * Rotating refresh tokens. Each login starts a `family_id`; a rotation revokes the old
 * row and points `replaced_by` at the new one, so presenting a revoked token of a family
 * is reuse and revokes the whole family. `replaced_by` has no foreign key on purpose:
 * the cleanup workflow deletes expired rows independently of their successors.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    replacedBy: uuid('replaced_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('refresh_tokens_family_id_idx').on(t.familyId),
    index('refresh_tokens_expires_at_idx').on(t.expiresAt),
  ],
);

/**
 * Personal API tokens (the CLI's `slipway login`). `prefix` is the first characters of
 * the token, shown in listings so users can tell tokens apart; null `expires_at` means
 * no expiry.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    /** The API token that minted this one; revoking it revokes this one too. */
    parentId: uuid('parent_id').references((): AnyPgColumn => apiTokens.id, {
      onDelete: 'cascade',
    }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('api_tokens_user_id_idx').on(t.userId),
    index('api_tokens_parent_id_idx').on(t.parentId),
  ],
);

export const SECRET_SCOPE_KINDS = ['user', 'project'] as const;
export type SecretScopeKind = (typeof SECRET_SCOPE_KINDS)[number];

/**
 * Secrets encrypted with AES-256-GCM. `ciphertext`, `iv` and `auth_tag` are base64;
 * `key_id` names the key that encrypted the row (a fingerprint, never the key) so a
 * wrong key is reported as such. `scope_id` is text because scopes are users (uuid) or
 * projects (ids of a later table).
 */
export const secrets = pgTable(
  'secrets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scopeKind: text('scope_kind', { enum: SECRET_SCOPE_KINDS }).notNull(),
    scopeId: text('scope_id').notNull(),
    name: text('name').notNull(),
    ciphertext: text('ciphertext').notNull(),
    iv: text('iv').notNull(),
    authTag: text('auth_tag').notNull(),
    keyId: text('key_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('secrets_scope_name_key').on(t.scopeKind, t.scopeId, t.name),
    check('secrets_scope_kind_check', sql`${t.scopeKind} in ('user', 'project')`),
  ],
);

export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * Outgoing mail. One row per message; the durable email workflow (id = row id) moves it
 * `pending` → `sending` → `sent` or `failed`, counting `attempts` and keeping the last
 * error. Without SMTP the table is the dev mailbox. `kind` is the template name
 * (`verification`, `password_reset`, `build_status`, …).
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    kind: text('kind').notNull(),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('email_outbox_status_idx').on(t.status),
    index('email_outbox_created_at_idx').on(t.createdAt),
    check(
      'email_outbox_status_check',
      sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`,
    ),
  ],
);

/**
 * One row: the schema version this database was migrated to (the number of migrations
 * applied) and which Slipway did it. A Slipway whose migrations are fewer refuses to
 * open the database instead of running against a schema it doesn't know.
 */
export const slipwaySchema = pgTable('slipway_schema', {
  id: integer('id').primaryKey().default(1),
  version: integer('version').notNull(),
  migratedAt: timestamp('migrated_at', { withTimezone: true }).notNull().defaultNow(),
});

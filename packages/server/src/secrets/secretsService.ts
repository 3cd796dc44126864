import { SlipwayError } from '@slipway/core';
import { secrets } from '@slipway/db';
import type { SlipwayDatabase, SecretScopeKind } from '@slipway/db';
import { and, asc, eq } from 'drizzle-orm';
import { openSecret, sealSecret } from '@slipway/secrets';
import type { SecretKey } from '@slipway/secrets';

/** Whose secret: a user's own, or a project's. */
export interface SecretScope {
  kind: SecretScopeKind;
  id: string;
}

/** A secret as anyone may see it: never the value. */
export interface SecretMetadata {
  name: string;
  scope: SecretScope;
  createdAt: string;
  updatedAt: string;
}

export interface PutSecretInput {
  scope: SecretScope;
  name: string;
  value: string;
  /** The user writing it (a `users.id`), or null for Slipway itself. */
  createdBy: string | null;
}

export interface SecretsService {
  /** Creates or replaces a secret; returns its metadata. */
  put(input: PutSecretInput): Promise<SecretMetadata>;
  /** Names and metadata of a scope's secrets, by name. Values never leave `resolve`. */
  list(scope: SecretScope): Promise<SecretMetadata[]>;
  /** Whether a secret was there to remove. */
  remove(scope: SecretScope, name: string): Promise<boolean>;
  /**
   * Every secret of a scope, decrypted, for injecting into runs and instances as
   * environment. Internal: never expose it through an API response or a log.
   */
  resolve(scope: SecretScope): Promise<Record<string, string>>;
}

export interface SecretsServiceOptions {
  database: SlipwayDatabase;
  key: SecretKey;
}

/** Names become environment variables, so they follow the POSIX shape. */
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const MAX_VALUE_BYTES = 64 * 1024;

/**
 * Secrets encrypted at rest with AES-256-GCM, so a copy of the database or its files
 * reveals no value without the key. Each row is bound to its
 * scope and name, so rows cannot be swapped between secrets.
 * @example
 * const service = createSecretsService({ database, key: loadSecretKey({ dataDir }) });
 * await service.put({ scope: { kind: 'user', id: userId }, name: 'OPENAI_API_KEY', value, createdBy: userId });
 * const env = await service.resolve({ kind: 'user', id: userId });
 */
export function createSecretsService(options: SecretsServiceOptions): SecretsService {
  const { database, key } = options;
  const { db } = database;
  const inScope = (scope: SecretScope) =>
    and(eq(secrets.scopeKind, scope.kind), eq(secrets.scopeId, scope.id));
  return {
    async put({ scope, name, value, createdBy }) {
      validate(name, value);
      const sealed = sealSecret(key, value, contextOf(scope, name));
      const [row] = await db
        .insert(secrets)
        .values({ scopeKind: scope.kind, scopeId: scope.id, name, createdBy, ...sealed })
        .onConflictDoUpdate({
          target: [secrets.scopeKind, secrets.scopeId, secrets.name],
          set: { ...sealed, updatedAt: new Date() },
        })
        .returning();
      return metadataOf(row!);
    },
    async list(scope) {
      const rows = await db.select().from(secrets).where(inScope(scope)).orderBy(asc(secrets.name));
      return rows.map(metadataOf);
    },
    async remove(scope, name) {
      const removed = await db
        .delete(secrets)
        .where(and(inScope(scope), eq(secrets.name, name)))
        .returning({ id: secrets.id });
      return removed.length > 0;
    },
    async resolve(scope) {
      const rows = await db.select().from(secrets).where(inScope(scope)).orderBy(asc(secrets.name));
      return Object.fromEntries(
        rows.map((row) => [row.name, openSecret(key, row, contextOf(scope, row.name))]),
      );
    },
  };
}

/** The authenticated context of a sealed value. */
function contextOf(scope: SecretScope, name: string): string {
  return `${scope.kind}:${scope.id}:${name}`;
}

function metadataOf(row: typeof secrets.$inferSelect): SecretMetadata {
  return {
    name: row.name,
    scope: { kind: row.scopeKind, id: row.scopeId },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function validate(name: string, value: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Secrets',
      message: `Secret names are letters, digits and _, not starting with a digit (got ${JSON.stringify(name.slice(0, 64))}).`,
    });
  }
  if (value.length === 0 || Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Secrets',
      message: `A secret value has 1 to ${MAX_VALUE_BYTES} bytes.`,
    });
  }
}

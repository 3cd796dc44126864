import { SlipwayError } from '@slipway/core';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { MIGRATIONS_FOLDER, knownSchemaVersion } from './migrationsFolder.js';

/** Any constant works; it only has to be the same in every Slipway process. */
const MIGRATION_LOCK_KEY = 731_295_001;

/**
 * Brings the database to this Slipway's schema version and returns that version.
 * Idempotent (drizzle's migrator skips applied migrations) and safe to run from several
 * processes at once: they queue on an advisory lock. Refuses with `SCHEMA_TOO_NEW` a
 * database migrated by a newer Slipway rather than run against unknown tables.
 */
export async function applyMigrations(pool: pg.Pool): Promise<number> {
  const known = knownSchemaVersion();
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const current = await currentSchemaVersion(client);
      if (current > known) {
        throw new SlipwayError({
          code: 'SCHEMA_TOO_NEW',
          component: 'Database',
          message: `The database is at schema version ${current}, newer than this Slipway knows (${known}).`,
          recovery: ['upgrade Slipway to the version that last opened this database'],
        });
      }
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      await client.query(
        `insert into slipway_schema (id, version) values (1, $1)
         on conflict (id) do update set version = excluded.version, migrated_at = now()
         where slipway_schema.version <> excluded.version`,
        [known],
      );
      return known;
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

async function currentSchemaVersion(client: pg.PoolClient): Promise<number> {
  const exists = await client.query(`select to_regclass('public.slipway_schema') as t`);
  if (exists.rows[0]?.t === null) return 0;
  const { rows } = await client.query<{ version: number }>(
    'select version from slipway_schema where id = 1',
  );
  return rows[0]?.version ?? 0;
}

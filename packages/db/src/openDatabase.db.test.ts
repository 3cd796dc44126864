import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './applyMigrations.js';
import { knownSchemaVersion } from './migrationsFolder.js';
import { openDatabase } from './openDatabase.js';
import { freePort } from './embedded/freePort.js';
import { users } from './schema.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('openDatabase', () => {
  it('migrates to the version of the shipped migrations and records it', async () => {
    expect(database.schemaVersion).toBe(knownSchemaVersion());
    const { rows } = await database.pool.query('select version from slipway_schema');
    expect(rows).toEqual([{ version: knownSchemaVersion() }]);
  });

  it('applies migrations idempotently, also from concurrent openers', async () => {
    const versions = await Promise.all([
      applyMigrations(database.pool),
      applyMigrations(database.pool),
    ]);
    expect(versions).toEqual([knownSchemaVersion(), knownSchemaVersion()]);
    const { rows } = await database.pool.query(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(rows[0].n).toBe(knownSchemaVersion());
  });

  it('refuses a database migrated by a newer Slipway', async () => {
    await database.pool.query('update slipway_schema set version = version + 1');
    try {
      await expect(applyMigrations(database.pool)).rejects.toMatchObject({
        code: 'SCHEMA_TOO_NEW',
      });
    } finally {
      await database.pool.query('update slipway_schema set version = version - 1');
    }
  });

  it('keeps emails unique regardless of case', async () => {
    await database.db.insert(users).values({ email: 'Ada@Example.test' });
    await expect(
      database.db.insert(users).values({ email: 'ada@example.TEST' }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    const found = await database.db
      .select({ email: users.email })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${'ADA@example.test'})`);
    expect(found).toEqual([{ email: 'Ada@Example.test' }]);
  });

  it('reports an unreachable server as UNAVAILABLE without the password', async () => {
    const url = `postgres://slipway:hunter2@127.0.0.1:${await freePort()}/slipway`;
    const error = await openDatabase({ url }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', component: 'Database' });
    expect((error as Error).message).not.toContain('hunter2');
  });
});

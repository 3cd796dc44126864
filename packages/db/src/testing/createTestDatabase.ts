import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type SlipwayDatabase } from '../openDatabase.js';

export interface TestDatabase extends SlipwayDatabase {
  /** The server URL the database was created on (to create sibling databases). */
  readonly serverUrl: string;
  /** Closes the database and drops it, with every `<name>_*` database made beside it. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: on `DATABASE_URL`'s server when set,
 * else on the embedded Postgres the `db` project's global setup started.
 * @example
 * let database: TestDatabase;
 * beforeAll(async () => (database = await createTestDatabase()));
 * afterAll(() => database.drop());
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('slipwayTestServerUrl');
  const name = `slipway_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`create database ${name}`));
  const url = withDatabaseName(serverUrl, name);
  const database = await openDatabase({ url });
  return {
    ...database,
    serverUrl,
    drop: async () => {
      await database.close();
      await withAdmin(serverUrl, async (client) => {
        const { rows } = await client.query<{ datname: string }>(
          `select datname from pg_database where datname = $1 or datname like $1 || '\\_%'`,
          [name],
        );
        for (const row of rows) await client.query(`drop database "${row.datname}" with (force)`);
      });
    },
  };
}

/** `url` pointing at database `name` on the same server. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

import { SlipwayError } from '@slipway/core';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { applyMigrations } from './applyMigrations.js';
import { defaultDataDir } from './defaultDataDir.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embeddedPostgres.js';
import type { EmbeddedStatus } from './embedded/superviseCluster.js';
import { redactedUrl } from './redactedUrl.js';
import * as schema from './schema.js';

/** An open, migrated Slipway database. */
export interface SlipwayDatabase {
  /** Connection URL, password included: print it only through `redactedUrl`. */
  readonly url: string;
  readonly pool: pg.Pool;
  readonly db: NodePgDatabase<typeof schema>;
  /** True when Slipway started the Postgres itself (no `DATABASE_URL`). */
  readonly embedded: boolean;
  /** Schema version after migrations (the number of migrations applied). */
  readonly schemaVersion: number;
  /** The embedded postmaster's supervision state; undefined with `DATABASE_URL`. */
  embeddedStatus(): EmbeddedStatus | undefined;
  /**
   * Ends the pool (waiting at most `timeoutMs` for checked-out clients) and, when we
   * started it, stops the embedded Postgres. Idempotent.
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
  /** Stops the embedded Postgres at once (immediate shutdown) and releases its lock. */
  kill(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A Postgres connection URL. @default process.env.DATABASE_URL, else embedded */
  url?: string;
  /** Where the embedded cluster lives (`<dataDir>/pg`). @default defaultDataDir() */
  dataDir?: string;
  /**
   * Errors of idle pooled connections (the server went away). node-postgres crashes the
   * process when nobody listens; the next query fails and reports the problem anyway.
   * @default ignore
   */
  onPoolError?: (error: Error) => void;
  /** Pool size. @default 10 */
  maxConnections?: number;
}

/**
 * Opens Slipway's database and applies migrations (idempotent, version-checked).
 * Without a URL it starts the embedded PostgreSQL under `<dataDir>/pg` (initdb on first
 * use) and holds the data-dir lock until `close()`.
 * @example
 * const database = await openDatabase({ dataDir: '/var/lib/slipway' });
 * const rows = await database.db.select().from(users);
 * await database.close();
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<SlipwayDatabase> {
  const configuredUrl = options.url ?? (process.env.DATABASE_URL || undefined);
  const embedded = configuredUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: options.dataDir ?? defaultDataDir() });
  const url = configuredUrl ?? embedded!.url;
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  pool.on('error', options.onPoolError ?? (() => undefined));
  let schemaVersion: number;
  try {
    schemaVersion = await applyMigrations(pool);
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw unreachable(error, url);
  }
  return {
    url,
    pool,
    db: drizzle({ client: pool, schema }),
    embedded: embedded !== undefined,
    schemaVersion,
    embeddedStatus: () => embedded?.status(),
    close: closer(pool, embedded),
    kill: async () => {
      await embedded?.kill();
    },
  };
}

function closer(pool: pg.Pool, embedded: EmbeddedPostgres | undefined): SlipwayDatabase['close'] {
  let closing: Promise<void> | undefined;
  return (options = {}) => {
    closing ??= (async () => {
      const timeoutMs = options.timeoutMs ?? 30_000;
      // A client never released (a request cut off mid-query) must not hold the stop.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        pool.end(),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs / 2))),
      ]);
      clearTimeout(timer);
      await embedded?.stop({ timeoutMs: timeoutMs / 2 });
    })();
    return closing;
  };
}

/** Connection failures become a SlipwayError naming the (redacted) URL. */
function unreachable(error: unknown, url: string): unknown {
  if (error instanceof SlipwayError) return error;
  const code = (error as { code?: string }).code;
  const connection = ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '3D000'];
  if (code === undefined || !connection.includes(code)) return error;
  return new SlipwayError({
    code: 'UNAVAILABLE',
    component: 'Database',
    message: `Cannot connect to PostgreSQL at ${redactedUrl(url)}: ${(error as Error).message}`,
    recovery: [
      'check DATABASE_URL and that the server is running',
      'or unset DATABASE_URL to use the embedded database',
    ],
    cause: error,
  });
}

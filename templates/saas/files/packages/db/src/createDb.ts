import { mkdir } from "node:fs/promises";
import type { Db } from "./db.js";
import { createPgliteDb } from "./pgliteDb.js";
import { createPostgresDb } from "./postgresDb.js";

export interface CreateDbOptions {
  /** A Postgres connection string; when set, node-postgres is used. */
  url?: string | undefined;
  /**
   * Folder of the embedded PGlite database, used when `url` is not set.
   * Leave it out for an in-memory database (tests).
   */
  dataDir?: string | undefined;
}

/**
 * Opens the app database: Postgres when a URL is given, embedded PGlite otherwise.
 *
 * @example
 * const db = await createDb({ url: process.env.DATABASE_URL, dataDir: ".data/pglite" });
 */
export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  if (options.url) return createPostgresDb(options.url);
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  return createPgliteDb(options.dataDir);
}

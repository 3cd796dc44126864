import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "./db.js";

export type SqlKind = "migration" | "seed";

export interface ApplySqlDirOptions {
  /** Folder of `*.sql` files, applied in file-name order. A missing folder is empty. */
  dir: string;
  kind: SqlKind;
}

const CREATE_LEDGER = `
CREATE TABLE IF NOT EXISTS _migrations (
  kind text NOT NULL,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, name)
)`;

async function listSqlFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith(".sql")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * Applies the `*.sql` files of `dir` that the `_migrations` ledger has not recorded,
 * each in its own transaction together with its ledger row. Re-running is a no-op.
 * A transaction-scoped advisory lock keeps concurrent starters from applying a file twice.
 *
 * @returns the names of the files applied by this call
 */
export async function applySqlDir(db: Db, options: ApplySqlDirOptions): Promise<string[]> {
  await db.exec(CREATE_LEDGER);
  const applied: string[] = [];
  for (const name of await listSqlFiles(options.dir)) {
    const sql = await readFile(path.join(options.dir, name), "utf8");
    const didApply = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('_migrations'))");
      const seen = await tx.query("SELECT 1 FROM _migrations WHERE kind = $1 AND name = $2", [options.kind, name]);
      if (seen.rows.length > 0) return false;
      await tx.exec(sql);
      await tx.query("INSERT INTO _migrations (kind, name) VALUES ($1, $2)", [options.kind, name]);
      return true;
    });
    if (didApply) applied.push(name);
  }
  return applied;
}

import { applySqlDir, createDb, type Db } from "@{{ project.name }}/db";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env.js";

describe("database migrations and seeds", () => {
  it("apply to an empty database, then re-apply as a no-op", async () => {
    const { migrationsDir, seedsDir } = readEnv();
    const db = await createDb();
    try {
      await applySqlDir(db, { dir: migrationsDir, kind: "migration" });
      await applySqlDir(db, { dir: seedsDir, kind: "seed" });

      expect(await applySqlDir(db, { dir: migrationsDir, kind: "migration" })).toEqual([]);
      expect(await applySqlDir(db, { dir: seedsDir, kind: "seed" })).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it("are idempotent SQL: re-running every file unrecorded changes no table", async () => {
    const { migrationsDir, seedsDir } = readEnv();
    const db = await createDb();
    try {
      await applySqlDir(db, { dir: migrationsDir, kind: "migration" });
      await applySqlDir(db, { dir: seedsDir, kind: "seed" });
      const before = await rowCounts(db);
      await db.exec("DELETE FROM _migrations");

      await applySqlDir(db, { dir: migrationsDir, kind: "migration" });
      await applySqlDir(db, { dir: seedsDir, kind: "seed" });
      expect(await rowCounts(db)).toEqual(before);
    } finally {
      await db.close();
    }
  });
});

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_migrations' ORDER BY 1",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${name}"`);
    counts[name] = result.rows[0]?.count ?? 0;
  }
  return counts;
}

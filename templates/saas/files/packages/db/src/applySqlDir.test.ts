import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applySqlDir } from "./applySqlDir.js";
import { createDb } from "./createDb.js";
import type { Db } from "./db.js";

describe("applySqlDir", () => {
  let dir: string;
  let db: Db;

  // One database for the file (PGlite takes seconds to start); each test gets a fresh folder and ledger.
  beforeAll(async () => {
    db = await createDb();
  });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sql-"));
    await db.exec("DROP TABLE IF EXISTS _migrations");
  });

  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("applies files in name order once and records them", async () => {
    await writeFile(path.join(dir, "0002_rows.sql"), "INSERT INTO things (name) VALUES ('a');");
    await writeFile(path.join(dir, "0001_table.sql"), "CREATE TABLE things (name text);");
    await writeFile(path.join(dir, "notes.md"), "ignored");

    expect(await applySqlDir(db, { dir, kind: "migration" })).toEqual(["0001_table.sql", "0002_rows.sql"]);
    expect(await applySqlDir(db, { dir, kind: "migration" })).toEqual([]);

    const things = await db.query("SELECT name FROM things");
    expect(things.rows).toEqual([{ name: "a" }]);
  });

  it("rolls a failing file back and leaves it unrecorded", async () => {
    await writeFile(path.join(dir, "0001_bad.sql"), "CREATE TABLE half (id int); SELECT no_such_function();");

    await expect(applySqlDir(db, { dir, kind: "migration" })).rejects.toThrow();
    const ledger = await db.query("SELECT name FROM _migrations");
    expect(ledger.rows).toEqual([]);
    const half = await db.query("SELECT to_regclass('half') AS t");
    expect(half.rows).toEqual([{ t: null }]);
  });

  it("treats a missing folder as empty", async () => {
    expect(await applySqlDir(db, { dir: path.join(dir, "missing"), kind: "seed" })).toEqual([]);
  });
});

import { existsSync } from "node:fs";
import path from "node:path";
import { applySqlDir, createDb } from "@{{ project.name }}/db";
import { readEnv, repoRoot } from "./env.js";

// Usage: node dist/migrate.js migrate|seed
const envFile = path.join(repoRoot, ".env.local");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const kind = process.argv[2];
if (kind !== "migrate" && kind !== "seed") {
  console.error("usage: node dist/migrate.js migrate|seed");
  process.exit(2);
}

const env = readEnv();
const db = await createDb({ url: env.databaseUrl, dataDir: env.pgliteDataDir });
try {
  // Seeds rely on the schema, so seeding applies pending migrations first.
  const migrations = await applySqlDir(db, { dir: env.migrationsDir, kind: "migration" });
  console.log(`migrations: ${migrations.length ? migrations.join(", ") : "up to date"}`);
  if (kind === "seed") {
    const seeds = await applySqlDir(db, { dir: env.seedsDir, kind: "seed" });
    console.log(`seeds: ${seeds.length ? seeds.join(", ") : "up to date"}`);
  }
} finally {
  await db.close();
}

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serve } from "@hono/node-server";
import { applySqlDir, createDb } from "@{{ project.name }}/db";
import { createApp } from "./createApp.js";
import { readEnv, repoRoot } from "./env.js";

// Local development: pick up .env.local written by Slipway (never committed).
const envFile = path.join(repoRoot, ".env.local");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const env = readEnv();
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const db = await createDb({ url: env.databaseUrl, dataDir: env.pgliteDataDir });

if (env.migrateOnStart) {
  const migrations = await applySqlDir(db, { dir: env.migrationsDir, kind: "migration" });
  const seeds = await applySqlDir(db, { dir: env.seedsDir, kind: "seed" });
  if (migrations.length + seeds.length > 0) {
    console.log(`applied ${migrations.length} migration(s) and ${seeds.length} seed file(s)`);
  }
}

const app = createApp({
  db,
  version,
  corsOrigins: env.corsOrigins,
  webDistDir: existsSync(env.webDistDir) ? env.webDistDir : undefined,
});

const server = serve({ fetch: app.fetch, port: env.port }, (info) => {
  console.log(`{{ project.name }} api listening on http://localhost:${info.port} (db: ${db.driver})`);
});

function shutdown(): void {
  server.close(() => {
    void db.close().finally(() => process.exit(0));
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

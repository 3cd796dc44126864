import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: apps/api/dist (or src) → ../../.. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface ApiEnv {
  port: number;
  databaseUrl: string | undefined;
  pgliteDataDir: string;
  migrateOnStart: boolean;
  /** `["*"]` allows any origin; keep that to dev. */
  corsOrigins: string[];
  migrationsDir: string;
  seedsDir: string;
  webDistDir: string;
}

function parsePort(value: string | undefined): number {
  const port = Number(value || {{ answers.port }});
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}

/** Every environment variable the API reads (each is documented in .env.example). */
export function readEnv(): ApiEnv {
  return {
    port: parsePort(process.env.PORT),
    databaseUrl: process.env.DATABASE_URL || undefined,
    pgliteDataDir: path.resolve(repoRoot, process.env.PGLITE_DATA_DIR || ".data/pglite"),
    migrateOnStart: (process.env.DB_MIGRATE_ON_START ?? "true") !== "false",
    corsOrigins: (process.env.CORS_ORIGINS || "*")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    migrationsDir: path.join(repoRoot, "db/migrations"),
    seedsDir: path.join(repoRoot, "db/seeds"),
    webDistDir: path.join(repoRoot, "apps/web/dist"),
  };
}

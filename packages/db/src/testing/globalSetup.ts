import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../embedded/embeddedPostgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A Postgres server URL on which each test file creates its own database. */
    slipwayTestServerUrl: string;
  }
}

/**
 * Vitest global setup of the `db` project: `DATABASE_URL`'s server when set, else one
 * embedded Postgres (fsync off) shared by the whole run and removed afterwards.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.DATABASE_URL) {
    project.provide('slipwayTestServerUrl', process.env.DATABASE_URL);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'slipway-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, durable: false });
  project.provide('slipwayTestServerUrl', server.url);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

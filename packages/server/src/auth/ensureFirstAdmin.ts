import { randomBytes } from 'node:crypto';
import { SlipwayError } from '@slipway/core';
import { users } from '@slipway/db';
import { eq } from 'drizzle-orm';
import { hashPassword } from './passwords.js';
import { insertUser, type Db } from './userStore.js';

/** The address the generated first admin signs in with when none is configured. */
export const DEFAULT_ADMIN_EMAIL = 'admin@slipway.local';

export interface FirstAdminOptions {
  /** @default `admin@slipway.local` (`resolveServerConfig` reads SLIPWAY_ADMIN_EMAIL) */
  email?: string;
  /** @default generated (`resolveServerConfig` reads SLIPWAY_ADMIN_PASSWORD) */
  password?: string;
}

/**
 * Creates the first admin (verified) when the database has no admin yet. Returns the
 * credentials only when the password was generated — the one moment they can be shown;
 * a configured password is the operator's already. `startServer` calls it only once it
 * listens, so a start that fails cannot create an admin whose password nobody saw; a lost
 * password is replaced with `slipway admin reset-password`.
 */
export async function ensureFirstAdmin(
  db: Db,
  options: FirstAdminOptions = {},
): Promise<{ email: string; password: string } | undefined> {
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, 'admin'))
    .limit(1);
  if (admin) return undefined;
  const email = options.email || DEFAULT_ADMIN_EMAIL;
  const generated = !options.password;
  const password = options.password || randomBytes(15).toString('base64url');
  try {
    await insertUser(db, {
      email,
      passwordHash: await hashPassword(password),
      role: 'admin',
      verified: true,
      firstAdmin: true,
    });
  } catch (error) {
    // Another process of this deployment created it at the same moment (the
    // `users_one_first_admin_key` index admits one, whichever email each was given).
    if (error instanceof SlipwayError && error.code === 'CONFLICT') return undefined;
    throw error;
  }
  return generated ? { email, password } : undefined;
}

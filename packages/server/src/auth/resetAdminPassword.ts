import { randomBytes } from 'node:crypto';
import { SlipwayError } from '@slipway/core';
import { users } from '@slipway/db';
import { and, eq, sql } from 'drizzle-orm';
import { revokeAllSessions } from './authService.js';
import { hashPassword } from './passwords.js';
import type { Database } from './userStore.js';

/**
 * Gives an admin a new generated password and ends all their sessions: the way back when
 * the first admin's one-time password was lost. Without `email`, the first admin.
 * `NOT_FOUND` when no such admin exists.
 */
export async function resetAdminPassword(
  db: Database,
  options: { email?: string } = {},
): Promise<{ email: string; password: string }> {
  const which = options.email
    ? sql`lower(${users.email}) = ${options.email.toLowerCase()}`
    : eq(users.firstAdmin, true);
  const [admin] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), which))
    .orderBy(users.createdAt)
    .limit(1);
  if (!admin) {
    throw new SlipwayError({
      code: 'NOT_FOUND',
      component: 'Auth',
      message: options.email
        ? `No admin with email ${options.email}`
        : 'There is no first admin yet',
      recovery: ['Start the server once: slipway serve', 'or name an admin: --email <email>'],
    });
  }
  const password = randomBytes(15).toString('base64url');
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password), updatedAt: new Date() })
    .where(eq(users.id, admin.id));
  await revokeAllSessions(db, admin.id);
  return { email: admin.email, password };
}

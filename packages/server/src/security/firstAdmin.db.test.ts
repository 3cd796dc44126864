import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../auth/ensureFirstAdmin.js';
import { resetAdminPassword } from '../auth/resetAdminPassword.js';
import { verifyPassword } from '../auth/passwords.js';
import { startServer } from '../startServer.js';

describe('first admin', () => {
  let database: TestDatabase;
  let dataDir: string;
  let blocker: Server;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'slipway-first-admin-'));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    blocker.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const admins = async () =>
    (
      await database.pool.query<{ email: string; password_hash: string }>(
        `select email, password_hash from users where role = 'admin'`,
      )
    ).rows;

  // Regression: a first start that could not listen created the admin and lost its password.
  it('creates no admin when the first start fails to listen', async () => {
    const port = (blocker.address() as { port: number }).port;
    await expect(
      startServer({ port, dataDir, databaseUrl: database.url, logStream: devNull(), env: {} }),
    ).rejects.toMatchObject({ code: 'PORT_IN_USE' });
    expect(await admins()).toEqual([]);
  });

  // Regression: two first starts with different SLIPWAY_ADMIN_EMAIL made two admins.
  it('makes one admin when two first starts race with different emails', async () => {
    const results = await Promise.all(
      ['one@example.com', 'two@example.com'].map((email) =>
        ensureFirstAdmin(database.db, { email }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await admins()).toHaveLength(1);
  });

  it('gives the first admin a new password with reset-password', async () => {
    const { email, password } = await resetAdminPassword(database.db);
    const [admin] = await admins();
    expect(admin!.email).toBe(email);
    expect(await verifyPassword(admin!.password_hash, password)).toBe(true);
  });
});

function devNull() {
  return { write: () => true } as unknown as NodeJS.WritableStream & { write(s: string): boolean };
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { ensureFirstAdmin } from './ensureFirstAdmin.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function login(email: string, password: string) {
  return api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
}

it('creates the configured first admin once and keeps admin routes to admins', async () => {
  const configured = { email: 'ops@example.com', password: 'configured admin password' };
  // A configured password is the operator's already: nothing to show.
  expect(await ensureFirstAdmin(api.database.db, configured)).toBeUndefined();
  expect(await ensureFirstAdmin(api.database.db, {})).toBeUndefined();
  const { rows } = await api.database.pool.query(
    `select email, email_verified_at is not null as verified from users where role = 'admin'`,
  );
  expect(rows).toEqual([{ email: 'ops@example.com', verified: true }]);

  const admin = (await login(configured.email, configured.password)).json();
  expect(admin.user.role).toBe('admin');
  const mailbox = await api.app.inject({
    url: '/api/dev/mailbox?limit=5',
    headers: { authorization: `Bearer ${admin.accessToken}` },
  });
  expect(mailbox.statusCode).toBe(200);

  const member = { email: 'member@example.com', password: 'member password 1' };
  await api.app.inject({ method: 'POST', url: '/api/auth/signup', payload: member });
  const { accessToken } = (await login(member.email, member.password)).json();
  const refused = await api.app.inject({
    url: '/api/dev/mailbox',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
});

it('generates a password when none is configured, and returns it only then', async () => {
  await api.database.pool.query(`delete from users where role = 'admin'`);
  const generated = await ensureFirstAdmin(api.database.db, {});
  expect(generated?.email).toBe('admin@slipway.local');
  expect(generated?.password.length).toBeGreaterThanOrEqual(20);
  expect((await login(generated!.email, generated!.password)).statusCode).toBe(200);
  expect(await ensureFirstAdmin(api.database.db, {})).toBeUndefined();
});

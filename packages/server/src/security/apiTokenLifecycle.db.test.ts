import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { securityClient } from '../testing/securityClient.js';

describe('API token lifecycle', () => {
  let api: TestApi;
  const client = securityClient(() => api);
  const { bearer, signup, login, createToken, status } = client;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('gives a token an expiry by default, and a settable one', async () => {
    await signup('expiry@example.com');
    const { accessToken } = await login('expiry@example.com');
    const byDefault = await createToken(accessToken);
    const days = (Date.parse(byDefault.expiresAt!) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(90);
    const short = await createToken(accessToken, { name: 'short', expiresInDays: 2 });
    expect(Math.round((Date.parse(short.expiresAt!) - Date.now()) / 86_400_000)).toBe(2);
  });

  it('does not let a token mint a child that outlives it', async () => {
    await signup('child-expiry@example.com');
    const { accessToken } = await login('child-expiry@example.com');
    const parent = await createToken(accessToken, { name: 'parent', expiresInDays: 1 });
    const child = await createToken(parent.token, { name: 'child', expiresInDays: 3650 });
    expect(child.expiresAt).toBe(parent.expiresAt);
  });

  it('revokes what a token minted when the token is revoked', async () => {
    await signup('cascade@example.com');
    const { accessToken } = await login('cascade@example.com');
    const parent = await createToken(accessToken, { name: 'parent' });
    const child = await createToken(parent.token, { name: 'child' });
    const grandchild = await createToken(child.token, { name: 'grandchild' });
    expect(await status(grandchild.token)).toBe(200);
    const revoked = await api.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${parent.id}`,
      headers: bearer(accessToken),
    });
    expect(revoked.statusCode).toBe(204);
    expect([await status(parent.token), await status(child.token)]).toEqual([401, 401]);
    expect(await status(grandchild.token)).toBe(401);
  });

  it('answers 401, not 500, to a deleted user’s tokens, and deletes their secrets', async () => {
    const admin = await signup('deleter@example.com');
    await api.database.pool.query(`update users set role = 'admin' where id = $1`, [admin.id]);
    const victim = await signup('deleted@example.com');
    const { accessToken } = await login('deleted@example.com');
    const apiToken = await createToken(accessToken);
    const put = await api.app.inject({
      method: 'PUT',
      url: '/api/secrets/MINE',
      headers: bearer(accessToken),
      payload: { value: 'v' },
    });
    expect(put.statusCode).toBe(200);
    const adminToken = (await login('deleter@example.com')).accessToken;
    const deleted = await api.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${victim.id}`,
      headers: bearer(adminToken),
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    for (const token of [accessToken, apiToken.token]) {
      const write = await api.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: bearer(token),
        payload: { name: 'after-delete' },
      });
      expect(write.statusCode, write.body).toBe(401);
      expect(await status(token, '/api/secrets')).toBe(401);
    }
    const { rows } = await api.database.pool.query(
      `select count(*)::int as n from secrets where scope_id = $1`,
      [victim.id],
    );
    expect(rows[0].n).toBe(0);
  });
});

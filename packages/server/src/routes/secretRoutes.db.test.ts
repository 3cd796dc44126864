import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/testApi.js';

const VALUE = 'sk-live-Zq8!"quoted"\\and\\unicode-ключ-🔐';
let api: TestApi;
let alice: string;
let bob: string;
let admin: string;

async function tokenFor(email: string): Promise<string> {
  const credentials = { email, password: 'secret routes password' };
  await api.app.inject({ method: 'POST', url: '/api/auth/signup', payload: credentials });
  return (
    await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials })
  ).json().accessToken;
}

function as(
  token: string,
  request: { method: 'GET' | 'PUT' | 'DELETE'; url: string; payload?: object },
) {
  return api.app.inject({ ...request, headers: { authorization: `Bearer ${token}` } });
}

beforeAll(async () => {
  api = await startTestApi();
  alice = await tokenFor('alice@example.com');
  bob = await tokenFor('bob@example.com');
  await tokenFor('root@example.com');
  await api.database.pool.query(`update users set role = 'admin' where email = 'root@example.com'`);
  admin = await tokenFor('root@example.com');
});
afterAll(() => api.close());

it('stores a secret without ever returning its value', async () => {
  const put = await as(alice, {
    method: 'PUT',
    url: '/api/secrets/OPENAI_API_KEY',
    payload: { value: VALUE },
  });
  expect(put.statusCode, put.body).toBe(200);
  expect(put.json()).toMatchObject({ name: 'OPENAI_API_KEY', scope: { kind: 'user' } });
  const list = await as(alice, { method: 'GET', url: '/api/secrets' });
  expect(list.json().secrets.map((s: { name: string }) => s.name)).toEqual(['OPENAI_API_KEY']);
  const one = await as(alice, { method: 'GET', url: '/api/secrets/OPENAI_API_KEY' });
  expect(one.statusCode).toBe(200);
  for (const res of [put, list, one]) expect(res.body).not.toContain('sk-live');
  const { rows } = await api.database.pool.query('select ciphertext from secrets');
  expect(JSON.stringify(rows)).not.toContain('sk-live');
});

it("answers 404 for another user's secret, whether read, deleted or reached through a project", async () => {
  expect((await as(bob, { method: 'GET', url: '/api/secrets/OPENAI_API_KEY' })).statusCode).toBe(
    404,
  );
  expect((await as(bob, { method: 'DELETE', url: '/api/secrets/OPENAI_API_KEY' })).statusCode).toBe(
    404,
  );
  expect((await as(bob, { method: 'GET', url: '/api/secrets' })).json().secrets).toEqual([]);
  const viaProject = await as(bob, { method: 'GET', url: '/api/secrets?projectId=p1' });
  expect([viaProject.statusCode, viaProject.json().error.code]).toEqual([404, 'NOT_FOUND']);
  expect((await as(alice, { method: 'GET', url: '/api/secrets/OPENAI_API_KEY' })).statusCode).toBe(
    200,
  );
});

it('keeps project secrets apart from user secrets', async () => {
  expect(
    (
      await as(admin, {
        method: 'PUT',
        url: '/api/secrets/DB_PASSWORD?projectId=p1',
        payload: { value: 'project-value-1' },
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (await as(admin, { method: 'GET', url: '/api/secrets?projectId=p1' })).json().secrets,
  ).toHaveLength(1);
  expect((await as(admin, { method: 'GET', url: '/api/secrets' })).json().secrets).toHaveLength(0);
  expect(
    (await as(admin, { method: 'DELETE', url: '/api/secrets/DB_PASSWORD?projectId=p1' }))
      .statusCode,
  ).toBe(204);
});

it('rejects hostile names and oversized bodies', async () => {
  const injected = await as(alice, {
    method: 'PUT',
    url: `/api/secrets/${encodeURIComponent("X'; DROP TABLE secrets;--")}`,
    payload: { value: 'v' },
  });
  expect([injected.statusCode, injected.json().error.code]).toEqual([400, 'INPUT_INVALID']);
  const huge = await as(alice, {
    method: 'PUT',
    url: '/api/secrets/BIG',
    payload: { value: 'x'.repeat(2 * 1024 * 1024) },
  });
  expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  const { rows } = await api.database.pool.query('select count(*)::int as n from secrets');
  expect(rows[0].n).toBe(1);
});

it('never writes a secret value to the log', async () => {
  await as(alice, {
    method: 'PUT',
    url: '/api/secrets/SECOND',
    payload: { value: 'second-secret-value' },
  });
  const log = api.logText();
  expect(log).toContain('/api/secrets');
  for (const value of [VALUE, 'sk-live-Zq8', 'second-secret-value', 'project-value-1']) {
    expect(log).not.toContain(value);
  }
});

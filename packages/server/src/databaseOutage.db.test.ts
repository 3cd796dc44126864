import { randomBytes } from 'node:crypto';
import { openDatabase, type SlipwayDatabase } from '@slipway/db';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from './buildServer.js';
import type { SlipwayApp } from './http/slipwayApp.js';
import { registerApi } from './routes/registerApi.js';
import { startTcpProxy } from './testing/tcpProxy.js';

let testDatabase: TestDatabase;
let proxied: SlipwayDatabase;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let app: SlipwayApp;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  const direct = new URL(testDatabase.url);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(testDatabase.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  proxied = await openDatabase({ url: viaProxy.toString() });
  app = await buildServer({
    log: { level: 'silent' },
    health: { pingDatabase: async () => void (await proxied.pool.query('select 1')) },
    registerApi: registerApi({
      database: proxied,
      authKey: randomBytes(32),
      mailer: { sendVerification: async () => undefined, sendPasswordReset: async () => undefined },
      baseUrl: 'http://slipway.test',
    }),
  });
});

afterAll(async () => {
  await app?.close();
  await proxied?.close();
  await proxy?.close();
  await testDatabase?.drop();
});

it('reports Postgres down with 503s while it is unreachable, and recovers when it returns', async () => {
  const credentials = { email: 'outage@example.com', password: 'outage password 1' };
  await app.inject({ method: 'POST', url: '/api/auth/signup', payload: credentials });
  const { accessToken } = (
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials })
  ).json();
  const me = () =>
    app.inject({ url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });
  expect((await app.inject('/api/health')).statusCode).toBe(200);

  await proxy.cut();
  const health = await app.inject('/api/health');
  expect(health.statusCode).toBe(503);
  expect(health.json()).toMatchObject({ status: 'unavailable', database: { status: 'down' } });
  expect(health.json().database.detail).toMatch(/Postgres is unreachable/);
  const during = await me();
  expect(during.statusCode).toBe(503);
  expect(during.json().error).toMatchObject({ code: 'UNAVAILABLE', component: 'Database' });

  await proxy.restore();
  expect((await app.inject('/api/health')).statusCode).toBe(200);
  const after = await me();
  expect(after.statusCode).toBe(200);
  expect(after.json().email).toBe(credentials.email);
});

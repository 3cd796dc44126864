import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../email/testing/startSmtpPeer.js';
import { startServer } from '../startServer.js';
import { captureLog } from '../testing/captureLog.js';

let database: TestDatabase;
let peer: SmtpPeer;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  peer = await startSmtpPeer();
  dataDir = mkdtempSync(join(tmpdir(), 'slipway-stop-mail-'));
});
afterAll(async () => {
  await peer?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

// Mail waiting on an SMTP retry is durable: stopping must not wait for it (it was reported
// to take 37.5 s through `slipway serve`; in-process the old stop took about 5 s, DBOS's
// completion wait, which is now at most 2 s).
it('stops without waiting for mail retries, which stay queued', async () => {
  const server = await startServer({
    port: 0,
    dataDir,
    databaseUrl: database.url,
    smtpUrl: peer.url,
    logStream: captureLog().stream,
    env: {},
  });
  peer.failNext(100);
  const signup = await fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'retry@example.com', password: 'long enough password' }),
  });
  expect(signup.status).toBe(201);
  for (;;) {
    const { rows } = await database.pool.query<{ attempts: number }>(
      'select attempts from email_outbox',
    );
    if ((rows[0]?.attempts ?? 0) >= 1) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // The stop is bounded by shutdownTimeoutMs (10 s); 20 s leaves room for a loaded machine.
  const stopped = await Promise.race([
    server.close().then(() => 'stopped'),
    new Promise((resolve) => setTimeout(() => resolve('still stopping'), 20_000)),
  ]);
  expect(stopped).toBe('stopped');
  const { rows } = await database.pool.query<{ status: string }>('select status from email_outbox');
  expect(rows.map((row) => row.status)).toEqual(['pending']);
}, 60_000);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from './startServer.js';
import { captureLog } from './testing/captureLog.js';
import { firstLink, startSmtpPeer } from './testing/smtpPeer.js';

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let server: RunningServer;
let dataDir: string;
const log = captureLog();

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpPeer();
  dataDir = mkdtempSync(join(tmpdir(), 'slipway-server-'));
  server = await startServer({
    port: 0,
    dataDir,
    databaseUrl: database.url,
    smtpUrl: smtp.url,
    logStream: log.stream,
    env: {},
  });
});

afterAll(async () => {
  await server?.close();
  await smtp?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor<T>(read: () => T | undefined): Promise<T> {
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('signup mails a verification link over SMTP; following it verifies; login works', async () => {
  const email = 'e2e@example.com';
  const password = 'a long enough password';
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await post('/api/auth/signup', { email, password })).status).toBe(201);

  const mail = await waitFor(() => smtp.messages.find((m) => m.to.includes(email)));
  const link = firstLink(mail.raw, '/api/auth/verify-email');
  expect(link).toMatch(new RegExp(`^${server.url}/api/auth/verify-email\\?token=`));

  const verified = await fetch(link!);
  expect(verified.status).toBe(200);
  expect(await verified.json()).toMatchObject({
    verified: true,
    user: { email, emailVerified: true },
  });

  const login = await post('/api/auth/login', { email, password });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const apps = await fetch(`${server.url}/api/apps`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(apps.status).toBe(200);

  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(metrics).toMatch(/slipway_email_outbox_messages\{status="sent"\} 1/);
  expect(log.text()).not.toContain(password);
  const token = new URL(link!).searchParams.get('token')!;
  expect(log.text()).not.toContain(token);
  // Regression: the sent mail's stored body kept the live link.
  const { rows } = await database.pool.query<{ text: string; html: string }>(
    `select text, html from email_outbox where to_address = $1`,
    [email],
  );
  expect(rows).toHaveLength(1);
  expect(`${rows[0]!.text}${rows[0]!.html}`).not.toContain(token);
  expect(rows[0]!.text).toContain('token=[redacted]');
});

// Regression: with SMTP set, an admin could read live reset links through the dev mailbox.
it('created the first admin once, with a generated password; no dev mailbox with SMTP', async () => {
  expect(server.firstAdmin?.email).toBe('admin@slipway.local');
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(server.firstAdmin),
  });
  const { accessToken } = (await res.json()) as { accessToken: string };
  const mailbox = await fetch(`${server.url}/api/dev/mailbox`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(res.status).toBe(200);
  expect(mailbox.status).toBe(404);
});

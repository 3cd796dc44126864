import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DBOS } from '@dbos-inc/dbos-sdk';
import { emailOutbox } from '@slipway/db';
import {
  createTestDatabase,
  readJsonLine,
  spawnTypeScript,
  type TestDatabase,
} from '@slipway/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { launchDurableWork, shutdownDurableWork } from '../durable/launchDurableWork.js';
import { createEmailService } from './emailService.js';
import { startSmtpPeer, type SmtpPeer } from './testing/startSmtpPeer.js';

const workerFile = fileURLToPath(new URL('./testing/emailWorker.ts', import.meta.url));
let database: TestDatabase;
let peer: SmtpPeer;

beforeAll(async () => {
  database = await createTestDatabase();
  peer = await startSmtpPeer();
  // This process only enqueues, like an `api` process; the child worker sends.
  await launchDurableWork({
    database,
    role: 'api',
    executorId: `api-${randomUUID()}`,
    smtpUrl: peer.url,
  });
});
afterAll(async () => {
  await shutdownDurableWork();
  await peer?.close();
  await database?.drop();
});

async function startWorker(executorId: string) {
  const worker = spawnTypeScript(workerFile, {
    env: { SLIPWAY_TEST_DB_URL: database.url, SMTP_URL: peer.url, SLIPWAY_EXECUTOR_ID: executorId },
  });
  await readJsonLine(worker);
  return worker;
}

async function outboxRow(id: string) {
  const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

it('delivers a mail exactly once when its worker is SIGKILLed in the middle of sending', async () => {
  const executorId = `worker-${randomUUID()}`;
  const email = createEmailService({ database, baseUrl: 'http://slipway.test' });
  const held = peer.holdNext();
  let worker = await startWorker(executorId);
  try {
    const { id } = await email.sendVerification(
      { id: randomUUID(), email: 'grace@example.test' },
      'http://slipway.test/verify?token=crash',
    );
    // The worker has sent DATA and waits for the server's answer.
    await held;
    expect(await outboxRow(id)).toMatchObject({ status: 'sending', attempts: 1 });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    expect(peer.received).toHaveLength(0);

    // Same executor id: DBOS recovers the interrupted workflow at launch.
    worker = await startWorker(executorId);
    const row = await vi.waitFor(
      async () => {
        const current = await outboxRow(id);
        if (current.status !== 'sent') throw new Error(`still ${current.status}`);
        return current;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(row.attempts).toBe(2);
    expect(peer.received.filter((mail) => mail.raw.includes(`<${id}@slipway>`))).toHaveLength(1);
    // The row turns `sent` inside the workflow's last step; the workflow records its own
    // success a moment later, so wait for that too rather than racing it.
    await vi.waitFor(
      async () => expect(await DBOS.getWorkflowStatus(id)).toMatchObject({ status: 'SUCCESS' }),
      { timeout: 30_000, interval: 100 },
    );
  } finally {
    worker.kill('SIGKILL');
  }
});

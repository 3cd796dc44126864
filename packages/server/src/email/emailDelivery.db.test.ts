import { randomUUID } from 'node:crypto';
import { DBOS } from '@dbos-inc/dbos-sdk';
import { emailOutbox, emailVerifications, passwordResets, refreshTokens, users } from '@slipway/db';
import { createTestDatabase, type TestDatabase } from '@slipway/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchDurableWork, shutdownDurableWork } from '../durable/launchDurableWork.js';
import { EMAIL_QUEUE, MAINTENANCE_QUEUE } from '../durable/durableQueues.js';
import { TOKEN_CLEANUP_SCHEDULE, OUTBOX_SWEEP_SCHEDULE } from '../durable/maintenanceWorkflows.js';
import { queueDepths } from '../durable/queueDepths.js';
import { createEmailService, type EmailService } from './emailService.js';
import { startSmtpPeer, type SmtpPeer } from './testing/startSmtpPeer.js';

let database: TestDatabase;
let peer: SmtpPeer;
let email: EmailService;
const user = { id: randomUUID(), email: 'ada@example.test', displayName: 'Ada <script>' };

beforeAll(async () => {
  database = await createTestDatabase();
  peer = await startSmtpPeer();
  await launchDurableWork({
    database,
    role: 'all',
    executorId: `email-test-${randomUUID()}`,
    smtpUrl: peer.url,
    emailRetry: { baseDelayMs: 50, maxAttempts: 4 },
  });
  email = createEmailService({ database, baseUrl: 'http://slipway.test' });
});
afterAll(async () => {
  await shutdownDurableWork();
  await peer?.close();
  await database?.drop();
});

async function settled(id: string) {
  return vi.waitFor(
    async () => {
      const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
      if (!row || (row.status !== 'sent' && row.status !== 'failed'))
        throw new Error(`still ${row?.status}`);
      return row;
    },
    { timeout: 30_000, interval: 100 },
  );
}

describe('email delivery', () => {
  it('delivers a verification mail to the SMTP server, once', async () => {
    const { id } = await email.sendVerification(user, 'http://slipway.test/verify?token=abc');
    const row = await settled(id);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      kind: 'verification',
      lastError: null,
    });
    expect(row.providerMessageId).toBe(`<${id}@slipway>`);
    const delivered = peer.received.filter((mail) => mail.raw.includes(`<${id}@slipway>`));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.to).toEqual(['ada@example.test']);
    expect(delivered[0]!.raw).toContain('Subject: Confirm your email address for Slipway');
    expect(row.html).toContain('Ada &lt;script&gt;');
    expect(row.html).not.toContain('<script>');
  });

  it('retries a failing server with backoff, recording attempts and the last error', async () => {
    peer.failNext(2);
    const { id } = await email.sendPasswordReset(user, 'http://slipway.test/reset?token=def');
    const row = await settled(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(row.lastError).toMatch(/451/);
    expect(peer.received.filter((mail) => mail.raw.includes(`<${id}@slipway>`))).toHaveLength(1);
  });

  it('gives up after the last attempt', async () => {
    peer.failNext(10);
    const { id } = await email.sendBuildStatus({
      user,
      projectName: 'shop',
      status: 'failed',
      link: 'http://slipway.test/runs/1',
    });
    const row = await settled(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 4 });
    expect(row.lastError).toMatch(/451/);
    peer.failNext(0);
  });

  it('does not retry a permanent (5xx) rejection', async () => {
    peer.failNext(1, 550);
    const { id } = await email.sendVerification(user, 'http://slipway.test/verify?token=ghi');
    const row = await settled(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/550/);
  });

  it('lists the outbox newest first', async () => {
    const messages = await email.mailbox.list({ limit: 2 });
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({
      kind: 'verification',
      status: 'failed',
      to: 'ada@example.test',
    });
    // A mail that will never leave keeps no live link (over SMTP, sent or failed).
    expect(messages[0]!.text).toContain('http://slipway.test/verify?token=[redacted]');
    expect(messages[0]!.text).not.toContain('token=ghi');
  });
});

describe('scheduled maintenance', () => {
  it('registers its schedules', async () => {
    expect(await DBOS.getSchedule(TOKEN_CLEANUP_SCHEDULE)).toMatchObject({
      schedule: '0 */15 * * * *',
    });
    expect(await DBOS.getSchedule(OUTBOX_SWEEP_SCHEDULE)).not.toBeNull();
  });

  it('deletes expired verification, reset and refresh tokens and keeps live ones', async () => {
    const [owner] = await database.db
      .insert(users)
      .values({ email: 'tokens@example.test' })
      .returning({ id: users.id });
    const userId = owner!.id;
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    for (const [table, prefix] of [
      [emailVerifications, 'v'],
      [passwordResets, 'p'],
    ] as const) {
      await database.db.insert(table).values([
        { userId, tokenHash: `${prefix}-expired`, expiresAt: past },
        { userId, tokenHash: `${prefix}-live`, expiresAt: future },
      ]);
    }
    const familyId = randomUUID();
    await database.db.insert(refreshTokens).values([
      { userId, familyId, tokenHash: 'r-expired', expiresAt: past },
      { userId, familyId, tokenHash: 'r-live', expiresAt: future },
    ]);

    const handle = await DBOS.triggerSchedule(TOKEN_CLEANUP_SCHEDULE);
    await handle.getResult();

    const hashes = async (
      table: typeof emailVerifications | typeof passwordResets | typeof refreshTokens,
    ) =>
      (await database.db.select({ tokenHash: table.tokenHash }).from(table)).map(
        (row) => row.tokenHash,
      );
    expect(await hashes(emailVerifications)).toEqual(['v-live']);
    expect(await hashes(passwordResets)).toEqual(['p-live']);
    expect(await hashes(refreshTokens)).toEqual(['r-live']);
  });

  it('deletes sent and failed mail after 30 days, keeping newer and unsent mail', async () => {
    const old = new Date(Date.now() - 31 * 24 * 3_600_000);
    const mail = {
      toAddress: 'old@example.test',
      subject: 's',
      html: 'h',
      text: 't',
      kind: 'test',
    };
    const rows = await database.db
      .insert(emailOutbox)
      .values([
        { ...mail, status: 'sent', createdAt: old },
        { ...mail, status: 'failed', createdAt: old },
        { ...mail, status: 'sent' },
      ])
      .returning({ id: emailOutbox.id });
    await (await DBOS.triggerSchedule(TOKEN_CLEANUP_SCHEDULE)).getResult();
    const left = await database.db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'old@example.test'));
    expect(left).toEqual([{ id: rows[2]!.id }]);
  });

  it('sweeps up mail whose workflow never started', async () => {
    const [row] = await database.db
      .insert(emailOutbox)
      .values({
        toAddress: 'stranded@example.test',
        subject: 'Stranded',
        html: '<p>h</p>',
        text: 't',
        kind: 'test',
        createdAt: new Date(Date.now() - 120_000),
      })
      .returning({ id: emailOutbox.id });
    await (await DBOS.triggerSchedule(OUTBOX_SWEEP_SCHEDULE)).getResult();
    const sent = await settled(row!.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(peer.received.filter((mail) => mail.raw.includes(`<${row!.id}@slipway>`))).toHaveLength(
      1,
    );
  });

  it('reports queue depths for every queue', async () => {
    const depths = await queueDepths(database);
    expect(Object.keys(depths).sort()).toEqual([EMAIL_QUEUE, MAINTENANCE_QUEUE].sort());
    for (const depth of Object.values(depths)) expect(depth).toBeGreaterThanOrEqual(0);
  });
});

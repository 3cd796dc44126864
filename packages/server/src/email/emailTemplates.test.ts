import { describe, expect, it } from 'vitest';
import { buildStatusEmail, passwordResetEmail, verificationEmail } from './emailTemplates.js';
import { createMailTransport } from './mailTransport.js';
import { retryDelayMs } from './retryPolicy.js';

const baseUrl = 'http://slipway.test';

describe('email templates', () => {
  it('escapes user data in the HTML part and keeps it readable in the text part', () => {
    const mail = verificationEmail({
      to: { email: 'x@example.test', displayName: '<img src=x onerror=alert(1)> "Bob" & co' },
      link: 'https://slipway.test/verify?token=a&b=<c>',
      baseUrl,
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Bob&quot; &amp; co');
    expect(mail.html).toContain('href="https://slipway.test/verify?token=a&amp;b=%3Cc%3E"');
    expect(mail.text).toContain('Hello <img src=x onerror=alert(1)> "Bob" & co,');
    expect(mail.text).toContain('https://slipway.test/verify?token=a&b=%3Cc%3E');
  });

  it('keeps CR/LF of user data out of the subject', () => {
    const mail = buildStatusEmail({
      to: { email: 'x@example.test' },
      projectName: 'shop\r\nBcc: victim@example.test',
      status: 'failed',
      link: 'https://slipway.test/runs/1',
      baseUrl,
      summary: 'step test failed',
    });
    expect(mail.subject).toBe('Build of shop Bcc: victim@example.test failed');
    expect(mail.text).toContain('step test failed');
  });

  it('refuses a non-http link', () => {
    expect(() =>
      passwordResetEmail({ to: { email: 'x@example.test' }, link: 'javascript:alert(1)', baseUrl }),
    ).toThrow(/javascript:/);
  });
});

describe('retry policy', () => {
  it('doubles the wait after each failure up to the cap', () => {
    const policy = { maxAttempts: 8, baseDelayMs: 5_000, maxDelayMs: 30_000 };
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy, attempt))).toEqual([
      5_000, 10_000, 20_000, 30_000, 30_000,
    ]);
  });
});

describe('dev mailbox transport', () => {
  it('accepts every mail without sending it', async () => {
    const transport = createMailTransport({});
    expect(transport.kind).toBe('dev-mailbox');
    await expect(
      transport.send({ id: 'm1', to: 'x@example.test', subject: 's', html: 'h', text: 't' }),
    ).resolves.toEqual({ messageId: 'dev-mailbox:m1' });
  });
});

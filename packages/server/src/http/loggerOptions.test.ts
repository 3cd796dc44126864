import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm';
import { stdSerializers } from 'pino';
import { redactUrl, scrubQueryParams } from './loggerOptions.js';

describe('log scrubbing', () => {
  it('keeps a failed query but not its bound values', () => {
    const error = new DrizzleQueryError(
      'insert into users (email) values ($1)',
      ['who@example.com'],
      new Error('boom'),
    );
    const text = JSON.stringify(scrubQueryParams(stdSerializers.err(error)));
    expect(text).toContain('insert into users');
    expect(text).not.toContain('who@example.com');
  });

  it('redacts credential query parameters in URLs', () => {
    expect(redactUrl('/api/auth/verify-email?token=abc&x=1')).toBe(
      '/api/auth/verify-email?token=[REDACTED]&x=1',
    );
  });
});

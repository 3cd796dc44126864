import { describe, expect, it } from 'vitest';
import { redactedUrl } from './redactedUrl.js';

describe('redactedUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactedUrl('postgres://slipway:s3cr%40t@127.0.0.1:5433/slipway')).toBe(
      'postgres://slipway:***@127.0.0.1:5433/slipway',
    );
  });

  it('leaves URLs without a password alone', () => {
    expect(redactedUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
  });

  it('hides a key=value password', () => {
    expect(redactedUrl('host=db password=hunter2 user=x')).toBe('host=db password=*** user=x');
  });
});

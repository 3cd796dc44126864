import { describe, expect, it } from 'vitest';
import { isSecretName, secretValuesOf } from './isSecretName.js';

describe('isSecretName', () => {
  it.each([
    'AUTH_SECRET',
    'GITHUB_TOKEN',
    'DB_PASSWORD',
    'STRIPE_API_KEY',
    'OPENAI_APIKEY',
    'GCP_PRIVATE_KEY',
    'AWS_CREDENTIALS',
    'DATABASE_URL',
    'SENTRY_DSN',
  ])('%s is a secret name', (name) => expect(isSecretName(name)).toBe(true));
  it.each(['PORT', 'NODE_ENV', 'PUBLIC_URL', 'KEYBOARD_LAYOUT'])('%s is not', (name) =>
    expect(isSecretName(name)).toBe(false),
  );
  it('picks the non-empty values of secret names', () => {
    expect(secretValuesOf({ PORT: '3000', AUTH_SECRET: 'abc123xyz', API_TOKEN: '' })).toEqual([
      'abc123xyz',
    ]);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalSecretsStore } from './localSecretsStore.js';
import { openSecret, sealSecret } from './secretCipher.js';
import { secretKeyFrom } from './secretKey.js';

const home = mkdtempSync(join(tmpdir(), 'slipway-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe('the secret cipher', () => {
  const key = secretKeyFrom(randomBytes(32));
  it('round-trips a value and detects tampering or another context', () => {
    const sealed = sealSecret(key, 'päss 🔑', 'local:default:A');
    expect(openSecret(key, sealed, 'local:default:A')).toBe('päss 🔑');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0]! ^= 1;
    for (const [tampered, context] of [
      [{ ...sealed, ciphertext: bytes.toString('base64') }, 'local:default:A'],
      [sealed, 'local:default:B'],
    ] as const) {
      expect(() => openSecret(key, tampered, context)).toThrow(
        expect.objectContaining({
          code: 'SECRET_UNREADABLE',
          message: expect.not.stringContaining('päss'),
        }),
      );
    }
  });
});

describe('the local secrets store', () => {
  const store = createLocalSecretsStore({ dir: home });

  it('keeps values encrypted in a 0600 file under a 0600 key generated on first use', async () => {
    await store.set('STRIPE_KEY', 'sk_live_abcdef');
    await store.set('API_TOKEN', 'tok-123456');
    expect(store.get('STRIPE_KEY')).toBe('sk_live_abcdef');
    expect(store.list().map((secret) => secret.name)).toEqual(['API_TOKEN', 'STRIPE_KEY']);
    expect(store.resolve()).toEqual({ API_TOKEN: 'tok-123456', STRIPE_KEY: 'sk_live_abcdef' });
    expect(readFileSync(store.file, 'utf8')).not.toContain('sk_live');
    expect(mode(store.file)).toBe(0o600);
    expect(mode(join(home, 'secret.key'))).toBe(0o600);
  });

  it('separates scopes and removes', async () => {
    const other = createLocalSecretsStore({ dir: home, scope: 'acme' });
    expect(other.get('STRIPE_KEY')).toBeUndefined();
    await other.set('STRIPE_KEY', 'acme-value');
    expect(store.get('STRIPE_KEY')).toBe('sk_live_abcdef');
    expect(await other.remove('STRIPE_KEY')).toBe(true);
    expect(await other.remove('STRIPE_KEY')).toBe(false);
    expect(other.list()).toEqual([]);
  });

  it('refuses names that are not environment variable names', async () => {
    await expect(store.set('no-dashes', 'v')).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });

  it('fails with SECRET_UNREADABLE when the file was tampered with', () => {
    const data = JSON.parse(readFileSync(store.file, 'utf8'));
    const sealed = data.scopes.default.API_TOKEN;
    sealed.authTag = Buffer.alloc(16).toString('base64');
    writeFileSync(store.file, JSON.stringify(data));
    expect(() => store.get('API_TOKEN')).toThrow(
      expect.objectContaining({ code: 'SECRET_UNREADABLE' }),
    );
    expect(store.get('STRIPE_KEY')).toBe('sk_live_abcdef');
  });
});

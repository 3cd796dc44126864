import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSecret, sealSecret } from './secretCipher.js';
import { loadSecretKey, secretKeyFrom } from './secretKey.js';

const key = secretKeyFrom(randomBytes(32));
const context = 'user:u1:API_TOKEN';

describe('secret cipher', () => {
  it('round-trips unicode values with a fresh IV each time', () => {
    const value = 'päss wörd 🔑 \u0000 end';
    const first = sealSecret(key, value, context);
    const second = sealSecret(key, value, context);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
    expect(first.keyId).toBe(key.id);
    expect(openSecret(key, first, context)).toBe(value);
  });

  it('never stores the value in the clear', () => {
    const sealed = sealSecret(key, 'hunter2-hunter2', context);
    expect(JSON.stringify(sealed)).not.toContain('hunter2');
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('hunter2');
  });

  it('refuses another key by its fingerprint', () => {
    const sealed = sealSecret(key, 'v', context);
    const other = secretKeyFrom(randomBytes(32));
    expect(() => openSecret(other, sealed, context)).toThrow(
      expect.objectContaining({
        code: 'SECRET_UNREADABLE',
        message: expect.stringMatching(/encrypted with key/),
      }),
    );
  });

  it('detects tampering with ciphertext, IV, tag or context', () => {
    const sealed = sealSecret(key, 'the value', context);
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0]! ^= 1;
      return bytes.toString('base64');
    };
    for (const tampered of [
      { ...sealed, ciphertext: flip(sealed.ciphertext) },
      { ...sealed, iv: flip(sealed.iv) },
      { ...sealed, authTag: flip(sealed.authTag) },
    ]) {
      expect(() => openSecret(key, tampered, context)).toThrow(
        expect.objectContaining({ code: 'SECRET_UNREADABLE' }),
      );
    }
    expect(() => openSecret(key, sealed, 'user:u2:API_TOKEN')).toThrow(
      expect.objectContaining({
        code: 'SECRET_UNREADABLE',
        message: expect.not.stringContaining('the value'),
      }),
    );
  });
});

describe('loadSecretKey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-key-'));
  beforeAll(() => vi.stubEnv('SLIPWAY_SECRET_KEY', ''));
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a base64 key from the environment', () => {
    const bytes = randomBytes(32);
    const loaded = loadSecretKey({ dataDir: dir, value: bytes.toString('base64') });
    expect(loaded).toMatchObject({ source: 'env', id: secretKeyFrom(bytes).id });
    expect(loaded.bytes.equals(bytes)).toBe(true);
  });

  it('rejects a key that is not 32 bytes', () => {
    expect(() =>
      loadSecretKey({ dataDir: dir, value: randomBytes(16).toString('base64') }),
    ).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('generates a 0600 key file once and reads it back, narrowing loose permissions', () => {
    const first = loadSecretKey({ dataDir: dir });
    const path = join(dir, 'secret.key');
    expect(first.source).toBe('file');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o644);
    const second = loadSecretKey({ dataDir: dir });
    expect(second.id).toBe(first.id);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('reports a damaged key file', () => {
    const other = mkdtempSync(join(tmpdir(), 'slipway-key-'));
    writeFileSync(join(other, 'secret.key'), 'not a key\n', { mode: 0o600 });
    try {
      expect(() => loadSecretKey({ dataDir: other })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, resolveServerConfig } from './resolveServerConfig.js';

describe('resolveServerConfig', () => {
  it('defaults to one local all-in-one process', () => {
    expect(resolveServerConfig({}, {})).toMatchObject({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      role: 'all',
      dev: false,
      corsOrigins: [],
    });
  });

  it('reads the environment and lets explicit options win', () => {
    const env = {
      PORT: '8080',
      SLIPWAY_ROLE: 'worker',
      SLIPWAY_CORS_ORIGINS: 'https://a.example, https://b.example',
    };
    const config = resolveServerConfig({ role: 'api' }, env);
    expect(config).toMatchObject({
      port: 8080,
      role: 'api',
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
  });

  it('parses SLIPWAY_TRUST_PROXY as a flag or addresses', () => {
    const trust = (value: string) =>
      resolveServerConfig({}, { SLIPWAY_TRUST_PROXY: value }).trustProxy;
    expect([trust('true'), trust('10.0.0.0/8,127.0.0.1')]).toEqual([true, '10.0.0.0/8,127.0.0.1']);
  });

  it('names the bad field in CONFIG_INVALID', () => {
    expect(() => resolveServerConfig({}, { SLIPWAY_ROLE: 'boss' })).toThrow(/role/);
    expect(() => resolveServerConfig({ port: 70_000 }, {})).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});

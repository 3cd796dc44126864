import { afterEach, describe, expect, it } from 'vitest';
import { instanceEnv } from './instanceEnv.js';

afterEach(() => {
  delete process.env.SLIPWAY_SECRET_KEY;
});

describe('instanceEnv', () => {
  it("keeps Slipway's secret key from the app and layers defaults, request and PORT", () => {
    process.env.SLIPWAY_SECRET_KEY = 'the-master-key';
    const env = instanceEnv({
      defaults: { NODE_ENV: 'production', A: 'default' },
      requested: { A: 'requested', PORT: '1', UNSET: undefined },
      port: 4321,
    });
    expect(env.SLIPWAY_SECRET_KEY).toBeUndefined();
    expect(env).toMatchObject({ NODE_ENV: 'production', A: 'requested', PORT: '4321' });
    expect('UNSET' in env).toBe(false);
    expect(env.PATH).toBe(process.env.PATH);
  });
});

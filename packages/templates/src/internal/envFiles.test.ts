import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderEnvFiles } from './envFiles.js';

describe('renderEnvFiles', () => {
  it('regression: a config secret holding " or \\ reads back as given (JSON quoting kept the backslash)', () => {
    const secrets = {
      OIDC_CLIENT_SECRET: 'a"b\\c',
      AI_KEY: "it's",
      MULTI: 'line one\nline two',
      PLAIN: 'sk-live_123',
    };
    const { local } = renderEnvFiles({ env: [], secrets, displayName: 'Acme' });
    expect(parseEnv(local)).toEqual(secrets);
    expect(local).toContain('PLAIN=sk-live_123\n');
  });
});

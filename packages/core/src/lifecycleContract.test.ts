import { describe, expect, it } from 'vitest';
import { lifecycleContractSchema } from './lifecycleContract.js';

describe('lifecycleContractSchema', () => {
  it('fills defaults for a minimal single-app contract', () => {
    const contract = lifecycleContractSchema.parse({
      packageManager: { name: 'npm' },
      apps: [{ name: 'web', kind: 'api', start: ['node', 'server.js'], port: 8080 }],
      artifact: { app: 'web' },
    });
    expect(contract).toMatchObject({
      schemaVersion: 1,
      runner: 'workspaces',
      scripts: {},
      apps: [{ name: 'web', path: '.', portEnv: 'PORT', healthPath: '/', env: [] }],
      artifact: { app: 'web', include: [] },
    });
  });

  it.each(['../outside', '/etc', 'a/../../b', 'C:/x', 'a\\b', 'bad\u0000name'])(
    'refuses the app path %j',
    (path) => {
      const result = lifecycleContractSchema.safeParse({
        packageManager: { name: 'pnpm' },
        apps: [{ name: 'api', kind: 'api', path }],
      });
      expect(result.success).toBe(false);
    },
  );

  it('refuses an artifact app that is not declared and an app declared twice', () => {
    const result = lifecycleContractSchema.safeParse({
      packageManager: { name: 'pnpm' },
      apps: [
        { name: 'api', kind: 'api' },
        { name: 'api', kind: 'web' },
      ],
      artifact: { app: 'worker' },
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('app "api" is declared twice');
    expect(messages.some((message) => message.startsWith('"worker" is not one of the apps'))).toBe(
      true,
    );
  });
});

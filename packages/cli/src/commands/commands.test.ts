import { describe, expect, it } from 'vitest';
import { SERVER_ROLES as serverRoles } from '@slipway/server';
import { runCli } from '../testing/runCli.js';
import { SERVER_ROLES } from './serve.js';

describe('slipway --help', () => {
  it('lists every command', async () => {
    const { stdout, code } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of [
      'create',
      'templates',
      'validate',
      'init',
      'init-config',
      'up',
      'status',
      'logs',
      'stats',
      'doctor',
      'pnpm',
      'serve',
    ]) {
      expect(stdout).toContain(`  ${command}`);
    }
  });

  it('knows the same server roles as the server', () => {
    expect(SERVER_ROLES).toEqual(serverRoles);
  });
});

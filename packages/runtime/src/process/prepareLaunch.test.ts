import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareLaunch } from './prepareLaunch.js';

describe('prepareLaunch', () => {
  const env = { PORT: '4321', PATH: '/usr/bin' };

  it('passes the instance port into the arguments, with no shell', () => {
    const launch = prepareLaunch({
      command: 'next',
      args: ['start', '--port', '${PORT}', '${NOPE}'],
      env,
      appRoot: '/a',
    });
    expect(launch).toMatchObject({ command: 'next', args: ['start', '--port', '4321', '${NOPE}'] });
  });

  it("puts the app's bins from its folder up to the artifact root, then this Node, first on PATH", () => {
    const launch = prepareLaunch({
      command: 'vite',
      args: [],
      env,
      appRoot: '/a',
      cwd: '/a/apps/web',
    });
    expect(launch.env.PATH?.split(delimiter)).toEqual([
      '/a/apps/web/node_modules/.bin',
      '/a/apps/node_modules/.bin',
      '/a/node_modules/.bin',
      join(process.execPath, '..'),
      '/usr/bin',
    ]);
  });

  it("runs `node` as this Node and `slipway-static` as the runtime's static server", () => {
    expect(
      prepareLaunch({ command: 'node', args: ['server.js'], env, appRoot: '/a' }).command,
    ).toBe(process.execPath);
    const served = prepareLaunch({ command: 'slipway-static', args: ['dist'], env, appRoot: '/a' });
    expect(served.command).toBe(process.execPath);
    expect(served.args).toEqual([expect.stringMatching(/static[/\\]staticServer\.mjs$/), 'dist']);
  });
});

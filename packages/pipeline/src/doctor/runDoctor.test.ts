import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../testing/testdir.js';
import { doctorExitCode } from './doctorCheck.js';
import { checkPort, runDoctor } from './runDoctor.js';
import { checkNode, checkPnpm } from './toolChecks.js';

describe('slipway doctor checks', () => {
  it('exit codes: 0 all pass, 1 warnings, 2 failures', () => {
    const pass = { name: 'a', status: 'pass' as const, detail: '' };
    expect(doctorExitCode([pass])).toBe(0);
    expect(doctorExitCode([pass, { ...pass, status: 'warn' }])).toBe(1);
    expect(
      doctorExitCode([
        { ...pass, status: 'warn' },
        { ...pass, status: 'fail' },
      ]),
    ).toBe(2);
  });

  it('node against the engines range, pnpm against packageManager', () => {
    expect(checkNode('>=20.19').status).toBe('pass');
    expect(checkNode('>=99').status).toBe('fail');
    expect(checkPnpm(undefined).status).toBe('pass');
    expect(checkPnpm('pnpm@1.0.0')).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('packageManager'),
    });
  });

  it('a taken port is a warning', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      expect((await checkPort(port)).status).toBe('warn');
    } finally {
      server.close();
    }
  });

  it('outside a Slipway project the project check fails; --fix creates the store and drops a broken state', async () => {
    const dir = testdir({ 'package.json': '{"name":"x"}', '.slipway/state.json': '{ torn' });
    const storeDir = join(dir, 'store');
    const before = await runDoctor({ projectDir: dir, storeDir });
    expect(before.checks.find((check) => check.name === 'project')?.status).toBe('fail');
    expect(before.checks.find((check) => check.name === 'run state')?.status).toBe('warn');
    expect(before.checks.find((check) => check.name === 'pnpm store')?.status).toBe('warn');
    expect(before.exitCode).toBe(2);
    const fixed = await runDoctor({ projectDir: dir, storeDir, fix: true });
    expect(fixed.checks.filter((check) => check.fixed).map((check) => check.name)).toEqual([
      'pnpm store',
      'run state',
    ]);
    expect(existsSync(storeDir)).toBe(true);
    expect(existsSync(join(dir, '.slipway/state.json'))).toBe(false);
  });

  it("checks the ports of the contract's apps, named by app", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const contract = `packageManager: { name: npm }\napps:\n  - { name: api, kind: api, port: ${port} }\n  - { name: jobs, kind: worker }\n`;
    const dir = testdir({ 'package.json': '{"name":"x"}', 'slipway.yaml': contract });
    try {
      const report = await runDoctor({ projectDir: dir, storeDir: dir });
      const ports = report.checks.filter((check) => check.name.startsWith('port '));
      expect(ports).toEqual([
        expect.objectContaining({ name: `port ${port} (api)`, status: 'warn' }),
      ]);
      const quiet = await runDoctor({ projectDir: dir, storeDir: dir, appPorts: false });
      expect(quiet.checks.some((check) => check.name.startsWith('port '))).toBe(false);
    } finally {
      server.close();
    }
  });
});

import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../testing/testdir.js';
import { doctorExitCode } from './doctorCheck.js';
import { checkPort, runDoctor } from './runDoctor.js';
import { FUTURE_NODE_REPO, NPM_EXPRESS_REPO, PNPM_TURBO_REPO } from '../testing/foreignRepos.js';
import { checkNodeEngine, checkPackageManagerEngine } from './engineChecks.js';
import { checkPnpm } from './toolChecks.js';

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
    expect(checkNodeEngine('>=20.19').status).toBe('pass');
    expect(checkNodeEngine('>=99').status).toBe('fail');
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

  it('outside a JS repository the project check fails; --fix creates the store and drops a broken state', async () => {
    const dir = testdir({ 'README.md': 'not a package', '.slipway/state.json': '{ torn' });
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

  it("judges Node by the project's engines, not by Slipway's: TOOL_TOO_OLD names the range and the way out", async () => {
    const report = await runDoctor({ projectDir: testdir(FUTURE_NODE_REPO), storeDir: testdir() });
    const node = report.checks.find((check) => check.name === 'node');
    expect(node).toMatchObject({
      status: 'fail',
      code: 'TOOL_TOO_OLD',
      detail: `${process.version} is running, the project needs >=99.0.0`,
      fix: expect.stringContaining('npx -p node@99 -- slipway up'),
    });
    expect(node?.fix).toContain('nvm install 99');
    expect(report.exitCode).toBe(2);
  });

  it('regression: engines.node "^22.21.0" fails on Node 20 instead of passing Slipway\'s own >=20.19', () => {
    expect(checkNodeEngine('^22.21.0', 'v20.19.0')).toMatchObject({
      status: 'fail',
      code: 'TOOL_TOO_OLD',
    });
    expect(checkNodeEngine(undefined, 'v20.19.0')).toMatchObject({ status: 'pass' });
  });

  it('checks the package manager the repository uses against its engines and pin', async () => {
    const npm = await runDoctor({ projectDir: testdir(NPM_EXPRESS_REPO), storeDir: testdir() });
    expect(npm.checks.map((check) => check.name)).toContain('npm');
    expect(npm.checks.find((check) => check.name === 'project')).toMatchObject({
      status: 'pass',
      detail: expect.stringContaining('npm, workspaces, server (api)'),
    });
    const tooOld = await checkPackageManagerEngine({ name: 'pnpm' }, '>=99');
    expect(tooOld).toMatchObject({
      status: 'fail',
      code: 'TOOL_TOO_OLD',
      detail: expect.stringContaining('the project needs >=99'),
    });
    const pnpm = await runDoctor({ projectDir: testdir(PNPM_TURBO_REPO), storeDir: testdir() });
    expect(pnpm.checks.find((check) => check.name === 'pnpm')?.status).toBe('pass');
  });

  it('an unsupported repository is one failing project check with UNSUPPORTED', async () => {
    const report = await runDoctor({
      projectDir: testdir({ 'package.json': '{}', 'bun.lockb': '' }),
      storeDir: testdir(),
    });
    expect(report.checks.find((check) => check.name === 'project')).toMatchObject({
      status: 'fail',
      code: 'UNSUPPORTED',
    });
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

import { describe, expect, it } from 'vitest';
import { lifecycleContractSchema } from '@slipway/core';
import type { LifecycleContractInput } from '@slipway/core';
import type { Deployer, HealthChecker } from '@slipway/core';
import { orderSteps } from '../loadProject.js';
import { testdir, writeFiles } from '../testing/testdir.js';
import { createStepCatalog } from './createStepCatalog.js';

const deployer: Deployer = { deploy: async () => ({ id: 'i', url: 'http://x', driver: 'fake' }) };
const healthChecker: HealthChecker = { check: async () => ({}) };

/** A pnpm + turbo monorepo's contract, in folders no built-in template uses. */
const monorepo: LifecycleContractInput = {
  packageManager: { name: 'pnpm' },
  runner: 'turbo',
  scripts: { build: 'build', typecheck: 'typecheck', lint: 'lint', test: 'test' },
  apps: [
    {
      name: 'server',
      path: 'services/server',
      package: '@acme/server',
      kind: 'api',
      build: { output: ['out'] },
      start: ['node', 'out/main.js'],
      healthPath: '/ready',
    },
    { name: 'site', path: 'services/site', kind: 'static', build: { output: ['public'] } },
  ],
  database: { package: '@acme/server', migrate: 'migrate', seed: 'seed', inputs: ['sql/**'] },
  artifact: { app: 'server', include: ['services/site/public'] },
};

const catalog = (contract: LifecycleContractInput, extra = {}) =>
  orderSteps(
    createStepCatalog({
      projectDir: testdir({ 'package.json': '{"name":"acme"}' }),
      contract: lifecycleContractSchema.parse(contract),
      storeDir: '/store',
      ...extra,
    }),
  );

const commandOf = async (step: ReturnType<typeof catalog>[number]) => {
  const ran: string[][] = [];
  await step
    .run({
      projectDir: '/p',
      runId: 'r',
      signal: new AbortController().signal,
      env: {},
      results: new Map(),
      steps: {},
      log: () => {},
      exec: async (_file, args) => {
        ran.push([...args]);
        return { exitCode: 0, output: '' };
      },
    })
    .catch(() => undefined);
  return ran[0]?.slice(1) ?? [];
};

describe('createStepCatalog', () => {
  it('builds the lifecycle from the contract alone', async () => {
    const steps = catalog(monorepo, { deployer, healthChecker });
    expect(steps.map((step) => [step.name, step.dependsOn])).toEqual([
      ['doctor', []],
      ['install', ['doctor']],
      ['build', ['install']],
      ['typecheck', ['build']],
      ['lint', ['install']],
      ['test', ['build']],
      ['db:migrate', ['build']],
      ['db:seed', ['db:migrate']],
      ['package', ['build']],
      ['deploy', ['typecheck', 'lint', 'test', 'db:migrate', 'db:seed', 'package']],
      ['health', ['deploy']],
      ['report', steps.slice(0, -1).map((step) => step.name)],
    ]);
    const named = (name: string) => steps.find((step) => step.name === name);
    expect(named('build')?.outputs).toEqual(['services/server/out', 'services/site/public']);
    expect(named('health')?.description).toBe('poll /ready until it answers');
    expect(named('db:migrate')?.inputs.files).toEqual(['sql/**']);
    expect(await commandOf(named('test')!)).toEqual(['run', 'test', '--only']);
    expect(await commandOf(named('db:seed')!)).toEqual(['--filter', '@acme/server', 'run', 'seed']);
  });

  it('runs an npm project through npm, without turbo flags, and leaves out what it lacks', async () => {
    const steps = catalog({
      packageManager: { name: 'npm' },
      runner: 'none',
      scripts: { test: 'test' },
      apps: [{ name: 'web', kind: 'api', start: ['node', 'index.js'] }],
      artifact: { app: 'web' },
    });
    expect(steps.map((step) => [step.name, step.dependsOn])).toEqual([
      ['doctor', []],
      ['install', ['doctor']],
      ['test', ['install']],
      ['package', ['install']],
      ['report', ['doctor', 'install', 'test', 'package']],
    ]);
    expect(await commandOf(steps[1]!)).toEqual([
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ]);
    expect(await commandOf(steps[2]!)).toEqual(['run', 'test']);
    expect(steps[1]?.outputs).toEqual(['node_modules/.package-lock.json']);
  });

  it('refuses yarn with a clear TOOL_MISSING', () => {
    expect(() => catalog({ packageManager: { name: 'yarn' } })).toThrowError(
      expect.objectContaining({
        code: 'TOOL_MISSING',
        message: expect.stringContaining('pnpm, npm'),
      }),
    );
  });
});

describe('the catalog keys', () => {
  it('change with the script a step runs and with the packaged app', () => {
    const app = { name: 'web', kind: 'api' as const, start: ['node', 'a.js'] };
    const contract = (test: string, start: string[]) => ({
      packageManager: { name: 'npm' as const },
      scripts: { test },
      apps: [{ ...app, start }],
      artifact: { app: 'web' },
    });
    const configOf = (steps: ReturnType<typeof catalog>, name: string) =>
      JSON.stringify(steps.find((step) => step.name === name)?.inputs.config);
    const base = catalog(contract('test', ['node', 'a.js']));
    const otherScript = catalog(contract('test:ci', ['node', 'a.js']));
    const otherStart = catalog(contract('test', ['node', 'b.js']));
    expect(configOf(otherScript, 'test')).not.toBe(configOf(base, 'test'));
    expect(configOf(otherStart, 'test')).toBe(configOf(base, 'test'));
    expect(configOf(otherStart, 'package')).not.toBe(configOf(base, 'package'));
  });
});

describe('the install step', () => {
  it.each(['pnpm', 'npm'] as const)(
    'keeps its %s command and config once the first install writes the lockfile',
    (name) => {
      const projectDir = testdir({ 'package.json': '{"name":"acme"}' });
      const contract = lifecycleContractSchema.parse({ packageManager: { name } });
      const install = () => {
        const step = createStepCatalog({ projectDir, contract, storeDir: '/store' })[1];
        return JSON.stringify(step?.inputs);
      };
      const before = install();
      writeFiles(projectDir, { 'pnpm-lock.yaml': '', 'package-lock.json': '{}' });
      expect(install()).toBe(before);
    },
  );
});

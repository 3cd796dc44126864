import { describe, expect, it } from 'vitest';
import { SlipwayError, lifecycleContractSchema } from '@slipway/core';
import { testdir } from '../testing/testdir.js';
import {
  BUN_REPO,
  FUTURE_NODE_REPO,
  NPM_EXPRESS_REPO,
  PNPM_TURBO_REPO,
} from '../testing/foreignRepos.js';
import { inferContract } from './inferContract.js';

const json = (value: unknown) => JSON.stringify(value);

function inferError(files: Record<string, string>): SlipwayError {
  try {
    inferContract(testdir(files));
  } catch (error) {
    if (error instanceof SlipwayError) return error;
    throw error;
  }
  throw new Error('inference succeeded');
}

describe('inferContract', () => {
  it('reads a pnpm + turbo repo: a static Vite app and a Node API with its port and health route', () => {
    const { contract, notes } = inferContract(testdir(PNPM_TURBO_REPO));
    expect(contract.packageManager).toEqual({ name: 'pnpm', version: '10.34.9' });
    expect(contract.runner).toBe('turbo');
    expect(contract.scripts).toEqual({ build: 'build' });
    expect(contract.apps).toEqual([
      expect.objectContaining({
        name: 'api',
        path: 'apps/api',
        package: '@shop/api',
        kind: 'api',
        start: ['node', 'src/server.js'],
        port: 4000,
        healthPath: '/health',
      }),
      expect.objectContaining({
        name: 'web',
        path: 'apps/web',
        kind: 'static',
        start: ['slipway-static', 'dist'],
        build: { output: ['dist'] },
        healthPath: '/',
      }),
    ]);
    expect(contract.artifact).toEqual({ app: 'api', include: ['apps/web/dist'] });
    expect(notes).toContain(
      '  port 4000 (the fallback of process.env.PORT in apps/api/src/server.js)',
    );
    expect(notes).toContain('workspace runner: turbo (turbo.json)');
  });

  it('reads npm workspaces with an Express server', () => {
    const { contract } = inferContract(testdir(NPM_EXPRESS_REPO));
    expect(contract.packageManager).toEqual({ name: 'npm' });
    expect(contract.runner).toBe('workspaces');
    expect(contract.scripts).toEqual({ test: 'test' });
    expect(contract.apps).toEqual([
      expect.objectContaining({ name: 'server', kind: 'api', port: 8080, healthPath: '/healthz' }),
    ]);
    expect(contract.artifact?.app).toBe('server');
  });

  it('takes the lockfile when no "packageManager" is pinned', () => {
    const base = { 'package.json': json({ name: 'x', scripts: { start: 'node a.js' } }) };
    expect(inferContract(testdir({ ...base, 'yarn.lock': '' })).contract.packageManager.name).toBe(
      'yarn',
    );
    expect(
      inferContract(testdir({ ...base, 'pnpm-lock.yaml': '' })).contract.packageManager.name,
    ).toBe('pnpm');
    expect(
      inferContract(testdir({ ...base, 'package-lock.json': '{}' })).contract.packageManager.name,
    ).toBe('npm');
  });

  it('finds nx and the project engines', () => {
    const { contract } = inferContract(
      testdir({
        'package.json': json({
          name: 'x',
          workspaces: ['libs/*'],
          engines: { node: '^22.21.0', npm: '>=10' },
        }),
        'nx.json': '{}',
      }),
    );
    expect(contract.runner).toBe('nx');
    expect(contract.engines).toEqual({ node: '^22.21.0', packageManager: '>=10' });
    expect(inferContract(testdir(FUTURE_NODE_REPO)).contract.engines.node).toBe('>=99.0.0');
  });

  it.each([
    {
      start: 'next start -p 4100',
      kind: 'web',
      port: 4100,
      argv: ['next', 'start', '-p', '${PORT}'],
    },
    { start: 'next start', kind: 'web', port: 3000, argv: ['next', 'start', '--port', '${PORT}'] },
    { start: 'PORT=5000 node server.js', kind: 'api', port: 5000, argv: ['node', 'server.js'] },
    {
      start: 'node dist/main.js --port=7000',
      kind: 'api',
      port: 7000,
      argv: ['node', 'dist/main.js', '--port=${PORT}'],
    },
  ])('reads the start script "$start"', ({ start, kind, port, argv }) => {
    const dependencies = { next: '16.0.0' };
    const { contract } = inferContract(
      testdir({ 'package.json': json({ name: 'one', scripts: { start }, dependencies }) }),
    );
    expect(contract.apps[0]).toEqual(
      expect.objectContaining({ name: 'one', kind, port, start: argv }),
    );
  });

  it('starts `vite preview` through vite when vite ships with the app, and serves the build when not', () => {
    const preview = (dependencies: object) =>
      inferContract(
        testdir({
          'package.json': json({
            name: 'v',
            scripts: { start: 'vite preview', build: 'vite build' },
            ...dependencies,
          }),
        }),
      ).contract.apps[0];
    expect(preview({ dependencies: { vite: '8.0.0' } })).toEqual(
      expect.objectContaining({
        kind: 'web',
        port: 4173,
        start: ['vite', 'preview', '--port', '${PORT}', '--strictPort', '--host', '127.0.0.1'],
      }),
    );
    expect(preview({ devDependencies: { vite: '8.0.0' } })).toEqual(
      expect.objectContaining({ kind: 'static', start: ['slipway-static', 'dist'] }),
    );
  });

  it('runs a start script that needs a shell through sh, and takes the port from .env', () => {
    const { contract, notes } = inferContract(
      testdir({
        'package.json': json({
          name: 's',
          scripts: { start: 'npm run migrate && node server.js' },
        }),
        '.env.example': 'PORT=9090\n',
      }),
    );
    expect(contract.apps[0]).toEqual(
      expect.objectContaining({
        start: ['sh', '-c', 'npm run migrate && node server.js'],
        port: 9090,
      }),
    );
    expect(notes).toContain('  port 9090 (PORT in .env.example)');
  });

  it("finds the database scripts and skips npm init's placeholder test", () => {
    const { contract } = inferContract(
      testdir({
        'package.json': json({
          name: 'd',
          scripts: {
            test: 'echo "Error: no test specified" && exit 1',
            'db:migrate': 'x',
            'db:seed': 'y',
          },
        }),
      }),
    );
    expect(contract.scripts.test).toBeUndefined();
    expect(contract.database).toEqual({ migrate: 'db:migrate', seed: 'db:seed', inputs: ['**'] });
  });

  it("gives every inferred contract the schema's blessing", () => {
    const { contract } = inferContract(testdir(PNPM_TURBO_REPO));
    expect(lifecycleContractSchema.parse(contract)).toEqual(contract);
  });

  it("does not take a workspace root's `turbo run start` for an app", () => {
    const files = {
      ...PNPM_TURBO_REPO,
      'package.json': json({
        name: 'r',
        packageManager: 'pnpm@10.34.9',
        scripts: { start: 'turbo run start' },
      }),
    };
    expect(inferContract(testdir(files)).contract.apps.map((app) => app.name)).toEqual([
      'api',
      'web',
    ]);
  });

  it('reports a broken pnpm-workspace.yaml as YAML_SYNTAX', () => {
    const files = { 'package.json': '{}', 'pnpm-workspace.yaml': 'packages: [apps/*\n' };
    expect(inferError(files)).toMatchObject({ code: 'YAML_SYNTAX' });
  });

  it('reads yarn workspaces declared as { packages }', () => {
    const { contract } = inferContract(
      testdir({
        'package.json': json({ name: 'y', workspaces: { packages: ['apps/*'] } }),
        'yarn.lock': '',
        'apps/site/package.json': json({ name: 'site', scripts: { start: 'node index.js' } }),
      }),
    );
    expect(contract).toMatchObject({ packageManager: { name: 'yarn' }, runner: 'workspaces' });
    expect(contract.apps.map((app) => app.path)).toEqual(['apps/site']);
  });

  it('refuses a bun repository with one UNSUPPORTED error naming what is supported', () => {
    const error = inferError(BUN_REPO);
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toContain('bun.lockb (bun)');
    expect(error.message).toContain(
      'pnpm (pnpm-lock.yaml), npm (package-lock.json) or yarn (yarn.lock)',
    );
  });

  it('refuses a Deno project, a folder without package.json and a foreign packageManager', () => {
    expect(inferError({ 'deno.json': '{}' }).message).toContain('deno.json and no package.json');
    expect(inferError({ 'README.md': 'hi' })).toMatchObject({
      code: 'PROJECT_NOT_FOUND',
      message: expect.stringContaining('no package.json'),
    });
    expect(inferError({ 'package.json': json({ packageManager: 'bun@1.2.0' }) }).message).toContain(
      '"packageManager": "bun@1.2.0"',
    );
  });
});

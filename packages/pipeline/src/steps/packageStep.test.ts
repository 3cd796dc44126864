import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifecycleContractSchema } from '@slipway/core';
import { runProcess } from '../engine/runProcess.js';
import type { StepContext } from '../engine/stepDefinition.js';
import { testdir } from '../testing/testdir.js';
import { packageManagerFor } from './packageManager.js';
import { packageStep } from './packageStep.js';

function contextFor(projectDir: string, lines: string[]): StepContext {
  const signal = new AbortController().signal;
  const log = (line: string) => void lines.push(line);
  return {
    projectDir,
    runId: 'run-1',
    signal,
    env: process.env,
    results: new Map(),
    steps: {},
    log,
    exec: (command, args, options = {}) =>
      runProcess({
        command,
        args,
        cwd: join(projectDir, options.cwd ?? ''),
        env: { ...process.env, ...options.env },
        signal,
        onLine: log,
      }),
  };
}

// An npm workspace whose server needs a sibling package; nothing comes from a registry.
const workspace = {
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['services/*'] }),
  'services/server/package.json': JSON.stringify({
    name: '@acme/server',
    dependencies: { '@acme/shared': '*' },
  }),
  'services/server/main.js': "import '@acme/shared';\n",
  'services/shared/package.json': JSON.stringify({ name: '@acme/shared', main: 'index.js' }),
  'services/shared/index.js': 'export {};\n',
  'public/index.html': '<p>hi</p>\n',
  '.env.local': 'SECRET=1\n',
  '.env.example': 'SECRET=\n',
};

describe('the package step', () => {
  it('packages an npm workspace app with its production dependencies and a manifest from the contract', async () => {
    const projectDir = testdir(workspace);
    const contract = lifecycleContractSchema.parse({
      packageManager: { name: 'npm' },
      apps: [
        {
          name: 'server',
          path: 'services/server',
          kind: 'api',
          start: ['node', 'main.js'],
          portEnv: 'HTTP_PORT',
          healthPath: '/ready',
        },
      ],
      artifact: { app: 'server', include: ['public'] },
    });
    const step = packageStep({
      contract,
      pm: packageManagerFor(contract),
      storeDir: '/unused',
      dependsOn: [],
      inputs: {},
      packageDirs: new Map(),
    });
    const lines: string[] = [];
    const outcome = await step.run(contextFor(projectDir, lines)).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${lines.join('\n')}`);
    });
    const artifact = (outcome as { artifact: { path: string } }).artifact;
    const unpacked = mkdtempSync(join(tmpdir(), 'slipway-artifact-'));
    try {
      execFileSync('tar', ['-xzf', artifact.path, '-C', unpacked]);
      const manifest = JSON.parse(readFileSync(join(unpacked, 'slipway-artifact.json'), 'utf8'));
      expect(manifest).toMatchObject({
        app: 'server',
        cwd: 'services/server',
        start: ['node', 'main.js'],
        portEnv: 'HTTP_PORT',
        healthPath: '/ready',
      });
      expect(existsSync(join(unpacked, 'public/index.html'))).toBe(true);
      expect(existsSync(join(unpacked, 'node_modules/@acme/shared'))).toBe(true);
      expect(existsSync(join(unpacked, '.env.local'))).toBe(false);
      expect(existsSync(join(unpacked, '.env.example'))).toBe(true);
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
    }
  }, 120_000);

  it('packages a single pnpm package by copy, leaving out state, the embedded database and secrets', async () => {
    const projectDir = testdir({
      'package.json': JSON.stringify({ name: 'solo', private: true }),
      'server.js': '\n',
      '.data/db.bin': 'rows',
      '.slipway/state.json': '{}',
      '.env': 'TOKEN=1\n',
    });
    const contract = lifecycleContractSchema.parse({
      packageManager: { name: 'pnpm' },
      runner: 'none',
      apps: [{ name: 'solo', kind: 'worker', start: ['node', 'server.js'] }],
      database: { migrate: 'migrate', dataDir: '.data' },
      artifact: { app: 'solo' },
    });
    const files = await packaged(projectDir, contract);
    expect(files).toEqual(expect.arrayContaining(['./server.js', './slipway-artifact.json']));
    expect(files.filter((file) => /\.data|\.slipway\/|\.env$/.test(file))).toEqual([]);
  }, 120_000);
});

async function packaged(
  projectDir: string,
  contract: ReturnType<typeof lifecycleContractSchema.parse>,
): Promise<string[]> {
  const storeDir = join(projectDir, '..', `${projectDir.split('/').at(-1)}-store`);
  const step = packageStep({
    contract,
    pm: packageManagerFor(contract),
    storeDir,
    dependsOn: [],
    inputs: {},
    packageDirs: new Map(),
  });
  const lines: string[] = [];
  const outcome = await step.run(contextFor(projectDir, lines)).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${lines.join('\n')}`);
  });
  const { path } = (outcome as { artifact: { path: string } }).artifact;
  rmSync(storeDir, { recursive: true, force: true });
  return execFileSync('tar', ['-tzf', path], { encoding: 'utf8' }).split('\n');
}

import { describe, expect, it } from 'vitest';
import type { Deployer, HealthChecker } from '@slipway/core';
import { orderSteps } from '../loadProject.js';
import { testdir } from '../testing/testdir.js';
import { createStepCatalog } from './createStepCatalog.js';

const manifest = (name: string, scripts: Record<string, string>) =>
  JSON.stringify({ name, scripts });

function saasLike(rootScripts: Record<string, string>) {
  return testdir({
    'package.json': manifest('acme', rootScripts),
    'pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/*\n',
    'apps/api/package.json': manifest('@acme/api', {
      build: 'tsc',
      'db:migrate': 'node m.js',
      'db:seed': 'node s.js',
    }),
    'packages/db/package.json': manifest('@acme/db', { build: 'tsc' }),
  });
}

const deployer: Deployer = { deploy: async () => ({ id: 'i', url: 'http://x', driver: 'fake' }) };
const healthChecker: HealthChecker = { check: async () => ({}) };

describe('createStepCatalog', () => {
  it('builds the saas lifecycle from the scripts the project has', () => {
    const dir = saasLike({
      build: 'turbo run build',
      typecheck: 'turbo run typecheck',
      lint: 'biome lint .',
      test: 'turbo run test',
    });
    const steps = orderSteps(
      createStepCatalog({ projectDir: dir, storeDir: '/store', deployer, healthChecker }),
    );
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
      [
        'report',
        [
          'doctor',
          'install',
          'build',
          'typecheck',
          'lint',
          'test',
          'db:migrate',
          'db:seed',
          'package',
          'deploy',
          'health',
        ],
      ],
    ]);
    expect(steps.find((step) => step.name === 'build')?.outputs).toEqual([
      'apps/api/dist',
      'packages/db/dist',
    ]);
  });

  it('leaves out steps the project has no script for, and deploy without a deployer', () => {
    const dir = saasLike({ build: 'tsc -b' });
    const names = createStepCatalog({ projectDir: dir }).map((step) => step.name);
    expect(names).toEqual([
      'doctor',
      'install',
      'build',
      'db:migrate',
      'db:seed',
      'package',
      'report',
    ]);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCleanup, planCleanup } from './cleanupProject.js';
import { fakeStep } from './engine/testing/fakeSteps.js';
import { testdir } from './testing/testdir.js';

describe('--cleanup', () => {
  it('removes state, runs, artifacts and build outputs; keeps node_modules and .data', async () => {
    const dir = testdir({
      '.slipway/state.json': '{}',
      '.slipway/project.json': '{}',
      '.slipway/runs/r1/build.log': '',
      '.slipway/artifacts/latest.json': '{}',
      'apps/api/dist/server.js': '',
      'node_modules/.modules.yaml': '',
      '.data/pglite/x': '',
    });
    const calls: never[] = [];
    const steps = [
      fakeStep('install', { calls, outputs: ['node_modules/.modules.yaml'] }),
      fakeStep('build', { calls, outputs: ['apps/api/dist', 'apps/web/dist'] }),
      fakeStep('db:migrate', { calls, outputs: ['.data'] }),
    ];
    const plan = planCleanup(dir, steps);
    expect(plan.remove.sort()).toEqual([
      '.slipway/artifacts',
      '.slipway/runs',
      '.slipway/state.json',
      'apps/api/dist',
    ]);
    await applyCleanup(dir, plan);
    for (const path of plan.remove) expect(existsSync(join(dir, path))).toBe(false);
    expect(existsSync(join(dir, '.slipway/project.json'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/.modules.yaml'))).toBe(true);
    expect(existsSync(join(dir, '.data/pglite/x'))).toBe(true);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeRun } from './executeRun.js';
import { loadProject } from '../loadProject.js';
import { planRun } from './planRun.js';
import type { PlanOptions } from './planRun.js';
import type { RunStore } from './runStore.js';
import type { StepDefinition } from './stepDefinition.js';
import type { StepName } from './stepName.js';
import { buildError, fakeStep, memoryStore } from './testing/fakeSteps.js';
import { testdir } from '../testing/testdir.js';

/** install ← build ← (typecheck, test) ← report, with inputs like the real catalog's. */
function fixture(options: { failBuild?: () => boolean } = {}) {
  const dir = testdir({
    'package.json': '{"name":"demo"}',
    'src/app.ts': 'export const a = 1;\n',
    'src/app.test.ts': 'test\n',
  });
  const calls: StepName[] = [];
  const steps: StepDefinition[] = [
    fakeStep('install', { calls, files: ['package.json'] }),
    fakeStep('build', {
      calls,
      dependsOn: ['install'],
      files: ['src/**'],
      outputs: ['build.out'],
      fail: () => (options.failBuild?.() ? buildError('src/app.ts') : undefined),
    }),
    fakeStep('typecheck', { calls, dependsOn: ['build'], files: ['src/**'] }),
    fakeStep('test', { calls, dependsOn: ['build'], files: ['src/**'] }),
    fakeStep('report', { calls, dependsOn: ['install', 'build', 'typecheck', 'test'] }),
  ];
  return { dir, calls, steps };
}

async function up(
  fx: { dir: string; steps: StepDefinition[] },
  store: RunStore,
  options: PlanOptions = {},
) {
  const project = await loadProject({ dir: fx.dir, steps: fx.steps, store, env: {} });
  const plan = planRun(project, options);
  return { plan, result: await executeRun(plan, { store, concurrency: 2 }) };
}

describe('executeRun', () => {
  it('runs every step once, then nothing on an immediate second run', async () => {
    const fx = fixture();
    const { store } = memoryStore();
    const first = await up(fx, store);
    expect(first.result.status).toBe('succeeded');
    expect([...fx.calls].sort()).toEqual(['build', 'install', 'report', 'test', 'typecheck']);
    fx.calls.length = 0;
    const second = await up(fx, store);
    expect(second.plan.steps.every((step) => step.action === 'cached')).toBe(true);
    expect(second.result.executed).toEqual([]);
    expect(fx.calls).toEqual([]);
  });

  it('explains a miss with the input that changed and reruns only what depends on it', async () => {
    const fx = fixture();
    const { store } = memoryStore();
    await up(fx, store);
    fx.calls.length = 0;
    writeFileSync(join(fx.dir, 'src/app.ts'), 'export const a = 2;\n');
    const { plan, result } = await up(fx, store);
    const build = plan.steps.find((step) => step.name === 'build');
    expect(build?.action).toBe('run');
    expect(build?.reason).toBe('src/app.ts changed');
    expect(plan.steps.find((step) => step.name === 'install')?.action).toBe('cached');
    expect(result.executed).not.toContain('install');
    expect(fx.calls).toContain('build');
  });

  it('resumes at the failed step after a failure; the earlier steps stay cached', async () => {
    let broken = true;
    const fx = fixture({ failBuild: () => broken });
    const memory = memoryStore();
    const failed = await up(fx, memory.store);
    expect(failed.result.status).toBe('failed');
    expect(failed.result.error?.code).toBe('BUILD_FAILED');
    const state = memory.current();
    expect(state?.failedStep).toBe('build');
    expect(state?.steps.build?.status).toBe('failed');
    expect(state?.steps.build?.error?.recovery).toContain('Then: slipway up   (resumes here)');
    expect(state?.steps.typecheck?.status).toBe('blocked');
    broken = false;
    fx.calls.length = 0;
    const resumed = await up(fx, memory.store);
    expect(resumed.plan.resumingAt).toBe('build');
    expect(resumed.result.status).toBe('succeeded');
    expect(fx.calls).not.toContain('install');
    expect(fx.calls[0]).toBe('build');
  });

  it('a failed step that a later run skips is still "failed last time" afterwards', async () => {
    const fx = fixture({ failBuild: () => true });
    const memory = memoryStore();
    await up(fx, memory.store);
    await up(fx, memory.store, { skip: ['build'] });
    expect(memory.current()?.planned).toEqual(['install', 'build', 'typecheck', 'test', 'report']);
    const project = await loadProject({
      dir: fx.dir,
      steps: fx.steps,
      store: memory.store,
      env: {},
    });
    expect(planRun(project).steps.find((step) => step.name === 'build')?.reason).toBe(
      'failed last time',
    );
  });

  it('saves the state after every step', async () => {
    const fx = fixture();
    const memory = memoryStore();
    await up(fx, memory.store);
    // One save at the start, one when each step starts and ends, one at the end.
    expect(memory.saves.length).toBeGreaterThanOrEqual(2 + fx.steps.length * 2);
    expect(memory.saves.at(-1)?.status).toBe('succeeded');
  });

  it('reruns a hit whose declared output is gone', async () => {
    const fx = fixture();
    const { store } = memoryStore();
    await up(fx, store);
    fx.calls.length = 0;
    writeFileSync(join(fx.dir, 'unrelated.txt'), 'x');
    const { rmSync } = await import('node:fs');
    rmSync(join(fx.dir, 'build.out'));
    const { plan } = await up(fx, store);
    expect(plan.steps.find((step) => step.name === 'build')?.reason).toBe(
      'outputs missing: build.out',
    );
    expect(fx.calls).toContain('build');
  });

  it('--force ignores the cache', async () => {
    const fx = fixture();
    const { store } = memoryStore();
    await up(fx, store);
    fx.calls.length = 0;
    await up(fx, store, { force: true });
    expect(fx.calls).toHaveLength(fx.steps.length);
  });

  it('--skip and --only leave steps out; --resume-from runs that step and what follows', async () => {
    const fx = fixture();
    const { store } = memoryStore();
    await up(fx, store, { skip: ['test'] });
    expect(fx.calls).not.toContain('test');
    fx.calls.length = 0;
    const only = await up(fx, store, { only: ['test'] });
    expect(fx.calls).toEqual(['test']);
    expect(only.plan.steps.find((step) => step.name === 'build')?.reason).toBe('not in --only');
    fx.calls.length = 0;
    await up(fx, store, { resumeFrom: 'typecheck', force: true });
    expect(fx.calls.sort()).toEqual(['report', 'typecheck']);
  });

  it('runs independent steps in parallel, never more than the limit', async () => {
    const fx = fixture();
    let running = 0;
    let peak = 0;
    const slow = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
    };
    const steps = fx.steps.map((step) =>
      step.name === 'typecheck' || step.name === 'test'
        ? fakeStep(step.name, { calls: fx.calls, dependsOn: ['build'], effect: slow })
        : step,
    );
    const { store } = memoryStore();
    const project = await loadProject({ dir: fx.dir, steps, store, env: {} });
    await executeRun(planRun(project), { store, concurrency: 2 });
    expect(peak).toBe(2);
    running = 0;
    peak = 0;
    await executeRun(planRun(project, { force: true }), { store, concurrency: 1 });
    expect(peak).toBe(1);
  });

  it('an abort marks the step interrupted and the next run resumes there', async () => {
    const fx = fixture();
    const controller = new AbortController();
    const steps = fx.steps.map((step) =>
      step.name === 'build'
        ? fakeStep('build', {
            calls: fx.calls,
            dependsOn: ['install'],
            effect: (context) => {
              controller.abort();
              return context
                .exec(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
                .then(() => undefined);
            },
          })
        : step,
    );
    const memory = memoryStore();
    const project = await loadProject({ dir: fx.dir, steps, store: memory.store, env: {} });
    const result = await executeRun(planRun(project), {
      store: memory.store,
      signal: controller.signal,
    });
    expect(result.status).toBe('interrupted');
    expect(result.error?.code).toBe('INTERRUPTED');
    expect(memory.current()?.steps.build?.status).toBe('interrupted');
    const next = planRun(
      await loadProject({ dir: fx.dir, steps: fx.steps, store: memory.store, env: {} }),
    );
    expect(next.resumingAt).toBe('build');
    expect(next.steps.find((step) => step.name === 'install')?.action).toBe('cached');
  });

  it('redacts known secret values from logs, events and errors', async () => {
    const dir = testdir({ 'package.json': '{}' });
    const secret = 's3cr3t-value';
    const step: StepDefinition = {
      name: 'build',
      description: 'prints a secret',
      dependsOn: [],
      inputs: {},
      async run(context) {
        await context.exec(process.execPath, ['-e', `console.log("token=${secret}")`]);
        context.log(`again ${secret}`);
        throw new Error(`failed with ${secret}`);
      },
    };
    const memory = memoryStore();
    const lines: string[] = [];
    const project = await loadProject({ dir, steps: [step], store: memory.store, env: {} });
    await executeRun(planRun(project), {
      store: memory.store,
      secrets: [secret],
      onEvent: (event) => event.type === 'step:log' && lines.push(event.line),
    });
    const log = memory.logs.get('build')?.join('\n') ?? '';
    expect(log).toContain('token=[REDACTED]');
    expect(log).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(secret);
    expect(JSON.stringify(memory.current())).not.toContain(secret);
  });

  it('a plan alone (--dry-run) runs and writes nothing', async () => {
    const fx = fixture();
    const before = readFileSync(join(fx.dir, 'src/app.ts'), 'utf8');
    const memory = memoryStore();
    const project = await loadProject({
      dir: fx.dir,
      steps: fx.steps,
      store: memory.store,
      env: {},
    });
    const plan = planRun(project);
    expect(plan.steps.map((step) => step.action)).toEqual(['run', 'run', 'run', 'run', 'run']);
    expect(fx.calls).toEqual([]);
    expect(memory.saves).toEqual([]);
    expect(existsSync(join(fx.dir, '.slipway'))).toBe(false);
    expect(readFileSync(join(fx.dir, 'src/app.ts'), 'utf8')).toBe(before);
  });
});

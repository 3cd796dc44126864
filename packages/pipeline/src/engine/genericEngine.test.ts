import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeRun } from './executeRun.js';
import { planRun } from './planRun.js';
import type { ProjectSnapshot } from './projectSnapshot.js';
import type { RunStore } from './runStore.js';
import { snapshotFiles } from './snapshotFiles.js';
import type { StepDefinition } from './stepDefinition.js';
import { memoryStore } from './testing/fakeSteps.js';
import { testdir } from '../testing/testdir.js';

/** A made-up catalog for a folder that is no JS workspace: no package.json, no tools. */
function notesCatalog(calls: string[]): StepDefinition[] {
  const step = (name: string, dependsOn: string[], write: string): StepDefinition => ({
    name,
    description: `made-up step ${name}`,
    dependsOn,
    inputs: { files: ['notes/**'], config: { write } },
    outputs: [write],
    async run(context) {
      calls.push(name);
      context.log(`${name} writes ${write}`);
      writeFileSync(join(context.projectDir, write), name);
      return { wrote: write, after: [...context.results.keys()] };
    },
  });
  return [
    step('gather notes', [], 'gathered.txt'),
    step('render:html', ['gather notes'], 'index.html'),
    step('render:pdf', ['gather notes'], 'notes.pdf'),
    step('publish/everything', ['render:html', 'render:pdf'], 'published.txt'),
  ];
}

async function snapshot(dir: string, steps: StepDefinition[], store: RunStore) {
  const project: ProjectSnapshot = {
    dir,
    steps,
    files: snapshotFiles(dir),
    env: {},
    previous: await store.load(),
    missingOutputs: new Map(),
  };
  return project;
}

describe('the engine', () => {
  it('plans, runs, caches and resumes a catalog of arbitrary step names', async () => {
    const dir = testdir({ 'notes/a.md': '# a' });
    const calls: string[] = [];
    const steps = notesCatalog(calls);
    const { store, logs } = memoryStore();

    const first = await executeRun(planRun(await snapshot(dir, steps, store)), { store });
    expect(first.status).toBe('succeeded');
    expect(calls[0]).toBe('gather notes');
    expect(calls.at(-1)).toBe('publish/everything');
    expect(first.state.steps['publish/everything']?.outcome).toMatchObject({
      after: expect.arrayContaining(['render:html', 'render:pdf']),
    });
    expect(logs.get('render:pdf')).toEqual(['render:pdf writes notes.pdf']);

    const again = planRun(await snapshot(dir, steps, store));
    expect(again.steps.map((step) => step.action)).toEqual([
      'cached',
      'cached',
      'cached',
      'cached',
    ]);

    writeFileSync(join(dir, 'notes/b.md'), '# b');
    const plan = planRun(await snapshot(dir, steps, store), { skip: ['render:pdf'] });
    expect(plan.steps.map((step) => [step.name, step.action])).toEqual([
      ['gather notes', 'run'],
      ['render:html', 'run'],
      ['render:pdf', 'skip'],
      ['publish/everything', 'run'],
    ]);
    calls.length = 0;
    await executeRun(plan, { store });
    expect(calls).toEqual(['gather notes', 'render:html', 'publish/everything']);
  });

  it('imports nothing from the catalog or any other part of the pipeline', () => {
    const here = new URL('.', import.meta.url).pathname;
    const sources = readdirSync(here, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    const leaving = sources.flatMap((file) =>
      [
        ...readFileSync(join(here, file), 'utf8').matchAll(
          /(?:from\s+|import\s*\(?\s*)'(\.{1,2}\/[^']+)'/g,
        ),
      ]
        .map(([, specifier]) => resolve(dirname(join(here, file)), specifier!))
        .filter((target) => !target.startsWith(here))
        .map((target) => `${file} imports ${target}`),
    );
    expect(leaving).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { PlannedStep } from './planRun.js';
import { scheduleSteps } from './scheduleSteps.js';

const planned = (name: string, dependsOn: string[] = []): PlannedStep => ({
  name,
  description: name,
  dependsOn,
  action: 'run',
  reason: 'never ran',
  changes: [],
  key: name,
});

/** Runs steps that finish when the test says so, recording what is running at each start. */
function harness() {
  const done = new Set<string>();
  const log: string[] = [];
  const running = new Set<string>();
  let peak = 0;
  return {
    done,
    log,
    peak: () => peak,
    run: async (step: PlannedStep) => {
      running.add(step.name);
      peak = Math.max(peak, running.size);
      log.push(step.name);
      await Promise.resolve();
      running.delete(step.name);
      done.add(step.name);
    },
  };
}

describe('scheduleSteps', () => {
  it('starts ready steps in order, never more than the concurrency, dependencies first', async () => {
    const h = harness();
    const steps = [planned('a'), planned('b'), planned('c', ['a', 'b']), planned('d')];
    const left = await scheduleSteps({
      steps,
      concurrency: 2,
      isDone: (step) => h.done.has(step),
      mayStart: () => true,
      run: h.run,
    });
    expect(left).toEqual([]);
    expect(h.log.indexOf('c')).toBeGreaterThan(Math.max(h.log.indexOf('a'), h.log.indexOf('b')));
    expect(h.log.slice(0, 2)).toEqual(['a', 'b']);
    expect(h.peak()).toBe(2);
  });

  it('starts nothing new once it may not, and returns the steps that never started', async () => {
    const h = harness();
    let stopped = false;
    const left = await scheduleSteps({
      steps: [planned('a'), planned('b', ['a']), planned('c', ['b'])],
      concurrency: 4,
      isDone: (step) => h.done.has(step),
      mayStart: () => !stopped,
      run: async (step) => {
        await h.run(step);
        stopped = true;
      },
    });
    expect(h.log).toEqual(['a']);
    expect(left.map((step) => step.name)).toEqual(['b', 'c']);
  });
});

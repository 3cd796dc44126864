import type { PlannedStep } from './planRun.js';
import type { StepName } from './stepName.js';

export interface ScheduleOptions {
  /** Steps to run, dependencies first; ties start in this order. */
  steps: readonly PlannedStep[];
  /** Steps running at once (at least 1). */
  concurrency: number;
  /** Whether a dependency no longer holds its dependents up. */
  isDone(step: StepName): boolean;
  /** Whether new steps may still start (false after a failure or an abort). */
  mayStart(): boolean;
  run(step: PlannedStep): Promise<void>;
}

/**
 * Starts every step whose dependencies are done, in order, at most `concurrency` at a
 * time, until none is running; once `mayStart` turns false, running steps finish and no
 * new one starts. Resolves with the steps that never started.
 */
export async function scheduleSteps(options: ScheduleOptions): Promise<PlannedStep[]> {
  const waiting = [...options.steps];
  const running = new Map<StepName, Promise<void>>();
  for (;;) {
    if (options.mayStart()) {
      for (const step of [...waiting]) {
        if (running.size >= options.concurrency) break;
        if (!step.dependsOn.every((dep) => options.isDone(dep))) continue;
        waiting.splice(waiting.indexOf(step), 1);
        running.set(
          step.name,
          options.run(step).finally(() => running.delete(step.name)),
        );
      }
    }
    if (running.size === 0) return waiting;
    await Promise.race(running.values());
  }
}

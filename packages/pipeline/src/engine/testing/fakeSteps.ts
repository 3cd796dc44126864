import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core/errors';
import type { RunState } from '../runState.js';
import type { LogSink, RunStore } from '../runStore.js';
import type { StepContext, StepDefinition } from '../stepDefinition.js';
import type { StepName } from '../stepName.js';

/** An in-memory RunStore that keeps every saved state and log line. */
export function memoryStore(initial?: RunState) {
  let state = initial;
  const saves: RunState[] = [];
  const logs = new Map<string, string[]>();
  const store: RunStore = {
    load: async () => (state ? structuredClone(state) : undefined),
    save: async (next) => {
      state = structuredClone(next);
      saves.push(state);
    },
    openLog: async (runId: string, step: StepName): Promise<LogSink> => {
      const lines: string[] = [];
      logs.set(step, lines);
      return {
        location: `${runId}/${step}.log`,
        write: (line) => lines.push(line),
        close: async () => undefined,
      };
    },
    clear: async () => {
      state = undefined;
    },
  };
  return { store, saves, logs, current: () => state };
}

export interface FakeStepOptions {
  dependsOn?: StepName[];
  files?: string[];
  /** Records each real execution here. */
  calls: StepName[];
  /** Throws this when set (checked at run time, so tests can flip it). */
  fail?: () => SlipwayError | undefined;
  /** Runs inside the step, e.g. to write a file or wait. */
  effect?: (context: StepContext) => Promise<void> | void;
  outputs?: string[];
}

/** A step that records its executions and writes `out/<name>` as its output. */
export function fakeStep(name: StepName, options: FakeStepOptions): StepDefinition {
  return {
    name,
    description: `fake ${name}`,
    dependsOn: options.dependsOn ?? [],
    inputs: { files: options.files ?? [] },
    ...(options.outputs ? { outputs: options.outputs } : {}),
    async run(context) {
      options.calls.push(name);
      await options.effect?.(context);
      const error = options.fail?.();
      if (error) throw error;
      writeFileSync(join(context.projectDir, `${name.replace(':', '-')}.out`), 'done');
      return { done: name };
    },
  };
}

export function buildError(file: string): SlipwayError {
  return new SlipwayError({
    code: 'BUILD_FAILED',
    component: 'Pipeline',
    message: `build failed: ${file}`,
    location: { file, line: 1 },
  });
}

import { join } from 'node:path';
import type { RunEvent } from './runEvents.js';
import { runProcess } from './runProcess.js';
import type { StepRecord } from './runState.js';
import type { LogSink } from './runStore.js';
import type { StepContext, StepOutcome } from './stepDefinition.js';
import type { StepName } from './stepName.js';

export interface StepContextInput {
  step: StepName;
  runId: string;
  projectDir: string;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  sink: LogSink;
  results: ReadonlyMap<StepName, StepOutcome>;
  steps: Readonly<Record<StepName, StepRecord>>;
  redact(line: string): string;
  emit(event: RunEvent): void;
}

/**
 * What a running step sees. Every line — from `log` or from a command's output — is
 * redacted before it reaches the step's log file or an event.
 */
export function createStepContext(input: StepContextInput): StepContext {
  const { step, runId, projectDir, env, signal, redact } = input;
  const log = (line: string) => {
    const clean = redact(line);
    input.sink.write(clean);
    input.emit({ type: 'step:log', runId, step, line: clean });
  };
  return {
    projectDir,
    runId,
    signal,
    env,
    results: input.results,
    steps: input.steps,
    log,
    exec: (command, args, options = {}) =>
      runProcess({
        command,
        args,
        cwd: join(projectDir, options.cwd ?? ''),
        env: { ...env, ...options.env },
        signal,
        onLine: log,
        redact,
      }),
  };
}

import type { SlipwayError } from '@slipway/core/errors';
import { createRedactor } from '@slipway/secrets';
import { createFileTracker } from './createFileTracker.js';
import { createStateRecorder } from './createStateRecorder.js';
import type { StateRecorder } from './createStateRecorder.js';
import { newRunId } from './newRunId.js';
import type { RunPlan } from './planRun.js';
import type { RunEvent } from './runEvents.js';
import type { RunState, RunStatus } from './runState.js';
import type { RunStore } from './runStore.js';
import { runStep } from './runStep.js';
import type { StepRunnerContext } from './runStep.js';
import { scheduleSteps } from './scheduleSteps.js';
import { snapshotFiles } from './snapshotFiles.js';
import type { FileSnapshot } from './snapshotFiles.js';
import type { StepName } from './stepName.js';

export interface ExecuteOptions {
  store: RunStore;
  /** Aborting stops running commands (their whole process groups) and leaves resumable state. */
  signal?: AbortSignal;
  /** Steps running at once. @default 2 */
  concurrency?: number;
  onEvent?: (event: RunEvent) => void;
  /** Known secret values, replaced by `[REDACTED]` in logs, events and errors. */
  secrets?: readonly string[];
  /** @default a new sortable id */
  runId?: string;
  /** Re-hashes the project's files after a step ran. @default snapshotFiles */
  snapshot?: (projectDir: string) => FileSnapshot;
}

export interface RunResult {
  runId: string;
  status: RunStatus;
  state: RunState;
  durationMs: number;
  /** Steps that really ran a command or did work, in start order. */
  executed: StepName[];
  /** Steps whose cache key matched. */
  cached: StepName[];
  /** The first failure; `status` is then `failed` or `interrupted`. */
  error?: SlipwayError;
}

/**
 * Executes a plan: ready steps start in catalog order, at most `concurrency` at a time.
 * Each step's key is re-computed just before it starts (earlier steps may have changed
 * files) and after it succeeds (a step may write its own inputs, as install writes the
 * lockfile). The state is saved after every step that runs. After the first failure no new step
 * starts; running ones finish. Failures are returned, not thrown.
 *
 * @example
 * const result = await executeRun(plan, { store, signal, concurrency: 2, onEvent: render });
 * if (result.error) throw result.error; // a SlipwayError with recovery commands
 */
export async function executeRun(plan: RunPlan, options: ExecuteOptions): Promise<RunResult> {
  const release = await options.store.lock?.();
  try {
    return await execute(plan, options);
  } finally {
    await release?.();
  }
}

async function execute(plan: RunPlan, options: ExecuteOptions): Promise<RunResult> {
  const started = performance.now();
  const run = runnerContext(plan, options);
  const { recorder } = run;
  await recorder.begin();
  run.emit({ type: 'run:started', runId: run.runId, plan });
  for (const step of plan.steps.filter((planned) => planned.action === 'skip')) {
    run.emit({ type: 'step:skipped', runId: run.runId, step: step.name, reason: step.reason });
  }
  const notStarted = await scheduleSteps({
    steps: plan.steps.filter((step) => step.action !== 'skip'),
    concurrency: Math.max(1, options.concurrency ?? 2),
    isDone: recorder.isDone,
    mayStart: () => !recorder.failure() && !run.signal.aborted,
    run: (step) => runStep(step, run),
  });
  recorder.recordBlocked(notStarted.map((step) => step.name));
  const durationMs = Math.round(performance.now() - started);
  const state = await recorder.finish(durationMs, run.signal.aborted);
  run.emit({ type: 'run:finished', runId: run.runId, state });
  return result(recorder, durationMs);
}

function runnerContext(plan: RunPlan, options: ExecuteOptions): StepRunnerContext {
  const runId = options.runId ?? newRunId();
  const rehash = () => (options.snapshot ?? snapshotFiles)(plan.project.dir);
  return {
    runId,
    plan,
    store: options.store,
    signal: options.signal ?? new AbortController().signal,
    redact: createRedactor(options.secrets ?? []).redact,
    emit: options.onEvent ?? (() => undefined),
    recorder: createStateRecorder({ plan, runId, store: options.store }),
    files: createFileTracker(plan.project.files, rehash),
  };
}

function result(recorder: StateRecorder, durationMs: number): RunResult {
  const { state } = recorder;
  const failure = recorder.failure();
  return {
    runId: state.runId,
    status: state.status,
    state,
    durationMs,
    executed: [...recorder.executed],
    cached: [...recorder.cached],
    ...(failure ? { error: failure.error } : {}),
  };
}

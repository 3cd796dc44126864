import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheEntry, StateRecorder, StepEnd } from './createStateRecorder.js';
import { createStepContext } from './createStepContext.js';
import type { FileTracker } from './createFileTracker.js';
import type { PlannedStep, RunPlan } from './planRun.js';
import type { RunEvent } from './runEvents.js';
import type { StepRecord } from './runState.js';
import type { LogSink, RunStore } from './runStore.js';
import type { StepDefinition } from './stepDefinition.js';
import { stepFingerprint } from './stepFingerprint.js';
import { toStepError } from './toStepError.js';

/** What the step runner shares across the steps of one run. */
export interface StepRunnerContext {
  runId: string;
  plan: RunPlan;
  store: RunStore;
  signal: AbortSignal;
  redact: (line: string) => string;
  emit: (event: RunEvent) => void;
  recorder: StateRecorder;
  files: FileTracker;
}

/**
 * Runs one planned step: re-checks its key just before it would start (earlier steps may
 * have changed files) and records a hit without running it; otherwise runs it with its
 * own log and records its end, keyed by its inputs as they are after it ran (a step may
 * write its own inputs, as install writes the lockfile). Never throws for a step failure.
 */
export async function runStep(planned: PlannedStep, run: StepRunnerContext): Promise<void> {
  const definition = run.plan.project.steps.find((step) => step.name === planned.name);
  if (!definition) return;
  const record = run.recorder.state.steps[planned.name];
  if (await isHit(definition, record, run)) {
    run.recorder.recordCached(planned.name);
    run.emit({ type: 'step:cached', runId: run.runId, step: planned.name });
    // Nothing a resume needs changed, so no save: a no-op run writes the state twice.
    return;
  }
  const reason = planned.action === 'run' ? planned.reason : 'an earlier step changed its inputs';
  run.files.stepStarted();
  const sink = await run.store.openLog(run.runId, planned.name);
  const started = { startedAt: new Date().toISOString(), reason, log: sink.location };
  const saved = run.recorder.recordStarted(planned.name, started);
  run.emit({ type: 'step:started', runId: run.runId, step: planned.name, reason });
  await saved;
  try {
    const end = await execute(definition, sink, run);
    run.recorder.recordEnded(planned.name, started, end);
    run.emit(endEvent(run.runId, planned.name, end));
  } finally {
    await sink.close();
    await run.recorder.save();
  }
}

async function execute(
  definition: StepDefinition,
  sink: LogSink,
  run: StepRunnerContext,
): Promise<StepEnd> {
  const clock = performance.now();
  const elapsed = () => Math.round(performance.now() - clock);
  try {
    const outcome = await runDefinition(definition, sink, run);
    const cache = cacheEntry(definition, run);
    return { status: 'succeeded', durationMs: elapsed(), outcome, ...(cache ? { cache } : {}) };
  } catch (thrown) {
    const error = toStepError(definition.name, thrown, { signal: run.signal, redact: run.redact });
    const status = error.code === 'INTERRUPTED' ? 'interrupted' : 'failed';
    return { status, durationMs: elapsed(), error };
  }
}

async function runDefinition(definition: StepDefinition, sink: LogSink, run: StepRunnerContext) {
  try {
    return (await definition.run(contextFor(definition, sink, run))) ?? {};
  } finally {
    run.files.stepEnded();
  }
}

function contextFor(definition: StepDefinition, sink: LogSink, run: StepRunnerContext) {
  return createStepContext({
    step: definition.name,
    runId: run.runId,
    projectDir: run.plan.project.dir,
    env: run.plan.project.env,
    signal: run.signal,
    sink,
    results: run.recorder.results,
    steps: run.recorder.state.steps,
    redact: run.redact,
    emit: run.emit,
  });
}

function fingerprint(definition: StepDefinition, run: StepRunnerContext) {
  return stepFingerprint(definition, {
    files: run.files.current(),
    env: run.plan.project.env,
    keyOf: (dep) => run.recorder.state.steps[dep]?.cacheKey,
  });
}

function cacheEntry(definition: StepDefinition, run: StepRunnerContext): CacheEntry | undefined {
  if (definition.cacheable === false) return undefined;
  const after = fingerprint(definition, run);
  return { cacheKey: after.key, inputs: after.inputs };
}

async function isHit(
  definition: StepDefinition,
  record: StepRecord | undefined,
  run: StepRunnerContext,
): Promise<boolean> {
  const key = fingerprint(definition, run).key;
  if (run.plan.options.force || definition.cacheable === false) return false;
  if (!record?.cacheKey || record.cacheKey !== key) return false;
  const dir = run.plan.project.dir;
  if (!(definition.outputs ?? []).every((path) => existsSync(join(dir, path)))) return false;
  if (!definition.isCurrent) return true;
  return definition
    .isCurrent({
      projectDir: dir,
      outcome: record.outcome,
      results: run.recorder.results,
      steps: run.recorder.state.steps,
    })
    .catch(() => false);
}

function endEvent(runId: string, step: string, end: StepEnd): RunEvent {
  return end.status === 'succeeded'
    ? { type: 'step:finished', runId, step, durationMs: end.durationMs, outcome: end.outcome }
    : { type: 'step:failed', runId, step, durationMs: end.durationMs, error: end.error };
}

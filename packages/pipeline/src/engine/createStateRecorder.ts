import type { SlipwayError } from '@slipway/core/errors';
import type { RunPlan } from './planRun.js';
import type { RunState, StepRecord } from './runState.js';
import type { RunStore } from './runStore.js';
import type { StepOutcome } from './stepDefinition.js';
import type { StepName } from './stepName.js';

/** What a step that started executing records, whatever its end. */
export interface StartedStep {
  startedAt: string;
  reason: string;
  /** Where its log lives. */
  log: string;
}

/** The end of an executed step. */
export type StepEnd =
  | { status: 'succeeded'; durationMs: number; outcome: StepOutcome; cache?: CacheEntry }
  | { status: 'failed' | 'interrupted'; durationMs: number; error: SlipwayError };

/** The key a success is cached under, with the input digests that explain a later miss. */
export interface CacheEntry {
  cacheKey: string;
  inputs: Record<string, string>;
}

/** A run's state, and the only writer of it to the run store. */
export interface StateRecorder {
  /** The live state: step contexts and the report read it while the run goes on. */
  readonly state: RunState;
  /** What finished steps handed on (also those cached from an earlier run). */
  readonly results: ReadonlyMap<StepName, StepOutcome>;
  /** Steps that really ran, in start order. */
  readonly executed: readonly StepName[];
  /** Steps whose cache key matched. */
  readonly cached: readonly StepName[];
  /** The first failure, which stops new steps from starting. */
  failure(): { step: StepName; error: SlipwayError } | undefined;
  /** Whether a dependency no longer holds anyone up (done, or not in this project). */
  isDone(step: StepName): boolean;
  /** Marks every planned step pending or skipped and saves. */
  begin(): Promise<void>;
  recordCached(step: StepName): void;
  recordStarted(step: StepName, started: StartedStep): Promise<void>;
  recordEnded(step: StepName, started: StartedStep, end: StepEnd): void;
  /** Steps that never started because the run stopped first. */
  recordBlocked(steps: readonly StepName[]): void;
  /** Sets the run's status, saves, and returns the final state. */
  finish(durationMs: number, aborted: boolean): Promise<RunState>;
  /** Persists a copy of the state now; saves are serialised so a slow write never lands after a newer one. */
  save(): Promise<void>;
}

const DONE: ReadonlySet<string> = new Set(['succeeded', 'cached', 'skipped']);

export function createStateRecorder(input: {
  plan: RunPlan;
  runId: string;
  store: RunStore;
}): StateRecorder {
  const { plan, runId, store } = input;
  const known = new Set(plan.project.steps.map((step) => step.name));
  const results = new Map<StepName, StepOutcome>();
  const executed: StepName[] = [];
  const cached: StepName[] = [];
  let failure: { step: StepName; error: SlipwayError } | undefined;
  let saving: Promise<void> = Promise.resolve();
  const state: RunState = {
    schemaVersion: 1,
    runId,
    status: 'running',
    startedAt: new Date().toISOString(),
    planned: plan.steps.map((step) => step.name),
    steps: structuredClone(plan.project.previous?.steps ?? {}),
  };
  const save = () => {
    const snapshot = structuredClone(state);
    saving = saving.then(() => store.save(snapshot));
    return saving;
  };

  return {
    state,
    results,
    executed,
    cached,
    failure: () => failure,
    isDone(step) {
      const status = state.steps[step]?.status;
      return !known.has(step) || (status !== undefined && DONE.has(status));
    },
    begin() {
      for (const step of plan.steps) markPlanned(state, results, step);
      return save();
    },
    recordCached(step) {
      state.steps[step] = { ...state.steps[step], status: 'cached', reason: 'inputs unchanged' };
      cached.push(step);
    },
    recordStarted(step, started) {
      executed.push(step);
      state.steps[step] = { status: 'running', runId, ...started };
      return save();
    },
    recordEnded(step, started, end) {
      state.steps[step] = endedRecord(runId, started, end);
      if (end.status === 'succeeded') results.set(step, end.outcome);
      else failure ??= { step, error: end.error };
    },
    recordBlocked(steps) {
      const reason = failure ? `not started: ${failure.step} failed` : 'not started';
      for (const step of steps)
        state.steps[step] = { ...state.steps[step], status: 'blocked', reason };
    },
    async finish(durationMs, aborted) {
      const interrupted = failure?.error.code === 'INTERRUPTED' || aborted;
      state.status =
        !failure && !interrupted ? 'succeeded' : interrupted ? 'interrupted' : 'failed';
      state.finishedAt = new Date().toISOString();
      state.durationMs = durationMs;
      if (failure) {
        state.failedStep = failure.step;
        state.error = failure.error.toJSON();
      }
      await save();
      return state;
    },
    save,
  };
}

/** A planned step starts the run pending (or skipped), with what it handed on last time. */
function markPlanned(
  state: RunState,
  results: Map<StepName, StepOutcome>,
  step: RunPlan['steps'][number],
): void {
  const previous = state.steps[step.name];
  if (previous?.outcome) results.set(step.name, previous.outcome);
  const status = step.action === 'skip' ? 'skipped' : 'pending';
  state.steps[step.name] = { ...previous, status, reason: step.reason };
  // A skipped step keeps its last error, so a later plan still says it failed.
  if (status === 'pending') delete state.steps[step.name]?.error;
}

function endedRecord(runId: string, started: StartedStep, end: StepEnd): StepRecord {
  const base = { status: end.status, runId, durationMs: end.durationMs, ...started };
  if (end.status !== 'succeeded') return { ...base, error: end.error.toJSON() };
  return { ...base, ...end.cache, outcome: { ...end.outcome } };
}

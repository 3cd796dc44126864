import type { SlipwayErrorJson } from '@slipway/core/errors';
import type { runs, runSteps } from '@slipway/db';
import type { RunState, StepRecord, StepStatus } from '@slipway/pipeline';

type RunRow = typeof runs.$inferSelect;
type StepRow = typeof runSteps.$inferSelect;

/** The `runs` columns the engine's state owns (trigger and queue time belong to the caller). */
export function runColumns(state: RunState) {
  return {
    status: state.status,
    planned: state.planned ?? null,
    startedAt: new Date(state.startedAt),
    finishedAt: state.finishedAt ? new Date(state.finishedAt) : null,
    durationMs: state.durationMs ?? null,
    failedStep: state.failedStep ?? null,
    error: (state.error as unknown as Record<string, unknown> | undefined) ?? null,
  };
}

/** One `run_steps` row per step record, in the state's order. */
export function stepRows(state: RunState): (typeof runSteps.$inferInsert)[] {
  return Object.entries(state.steps).map(([name, record], position) => ({
    runId: state.runId,
    name,
    position,
    status: record.status,
    sourceRunId: record.runId ?? null,
    startedAt: record.startedAt ? new Date(record.startedAt) : null,
    durationMs: record.durationMs ?? null,
    cacheKey: record.cacheKey ?? null,
    inputs: record.inputs ?? null,
    reason: record.reason ?? null,
    error: (record.error as unknown as Record<string, unknown> | undefined) ?? null,
    log: record.log ?? null,
    outcome: record.outcome ?? null,
  }));
}

/** The engine's state back from a run and its steps (ordered by position). */
export function stateFromRows(run: RunRow, steps: readonly StepRow[]): RunState {
  const state: RunState = {
    schemaVersion: 1,
    runId: run.id,
    status: run.status as RunState['status'],
    startedAt: (run.startedAt ?? run.queuedAt).toISOString(),
    steps: Object.fromEntries(steps.map((row) => [row.name, stepRecord(row)])),
  };
  if (run.finishedAt) state.finishedAt = run.finishedAt.toISOString();
  if (run.durationMs !== null) state.durationMs = run.durationMs;
  if (run.failedStep !== null) state.failedStep = run.failedStep;
  if (run.error !== null) state.error = run.error as unknown as SlipwayErrorJson;
  if (run.planned !== null) state.planned = run.planned;
  return state;
}

function stepRecord(row: StepRow): StepRecord {
  const record: StepRecord = { status: row.status as StepStatus };
  if (row.sourceRunId !== null) record.runId = row.sourceRunId;
  if (row.startedAt) record.startedAt = row.startedAt.toISOString();
  if (row.durationMs !== null) record.durationMs = row.durationMs;
  if (row.cacheKey !== null) record.cacheKey = row.cacheKey;
  if (row.inputs !== null) record.inputs = row.inputs;
  if (row.reason !== null) record.reason = row.reason;
  if (row.error !== null) record.error = row.error as unknown as SlipwayErrorJson;
  if (row.log !== null) record.log = row.log;
  if (row.outcome !== null) record.outcome = row.outcome;
  return record;
}

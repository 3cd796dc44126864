import type { SlipwayErrorJson } from '@slipway/core/errors';
import type { StepName } from './stepName.js';

export type StepStatus =
  'pending' | 'running' | 'succeeded' | 'cached' | 'skipped' | 'failed' | 'interrupted' | 'blocked';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';

/** One step's record in `.slipway/state.json`. */
export interface StepRecord {
  status: StepStatus;
  /** The run that last executed the step (a cached step keeps the run it came from). */
  runId?: string;
  startedAt?: string;
  durationMs?: number;
  /** The key of the last successful execution; cleared when the step fails. */
  cacheKey?: string;
  /** Input id (`file:…`, `env:…`, `tool:…`, `config`, `dep:…`) → digest, to explain misses. */
  inputs?: Record<string, string>;
  /** Why it ran, was skipped or was a hit. */
  reason?: string;
  error?: SlipwayErrorJson;
  /** The log file, relative to the project root. */
  log?: string;
  /** What the step handed on (artifact, URL, …). */
  outcome?: Record<string, unknown>;
}

/**
 * `.slipway/state.json`: the last run plus, per step, what is known to be done. Written
 * atomically after every step, so a run killed at any moment resumes at the step it was in.
 */
export interface RunState {
  schemaVersion: 1;
  runId: string;
  status: RunStatus;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  /** The step the run failed or was interrupted at; the next `slipway up` resumes there. */
  failedStep?: StepName;
  error?: SlipwayErrorJson;
  /** The steps this run planned, in order; other records are kept from older runs for the cache. */
  planned?: StepName[];
  steps: Record<StepName, StepRecord>;
}

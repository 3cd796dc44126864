import type { SlipwayError } from '@slipway/core/errors';
import type { RunPlan } from './planRun.js';
import type { RunState } from './runState.js';
import type { StepOutcome } from './stepDefinition.js';
import type { StepName } from './stepName.js';

/** What `executeRun` reports while it works; the CLI renders these, the server streams them. */
export type RunEvent =
  | { type: 'run:started'; runId: string; plan: RunPlan }
  | { type: 'step:started'; runId: string; step: StepName; reason: string }
  | { type: 'step:log'; runId: string; step: StepName; line: string }
  | { type: 'step:cached'; runId: string; step: StepName }
  | { type: 'step:skipped'; runId: string; step: StepName; reason: string }
  | {
      type: 'step:finished';
      runId: string;
      step: StepName;
      durationMs: number;
      outcome: StepOutcome;
    }
  | {
      type: 'step:failed';
      runId: string;
      step: StepName;
      durationMs: number;
      error: SlipwayError;
    }
  | { type: 'run:finished'; runId: string; state: RunState };

import type { RunState } from './runState.js';
import type { FileSnapshot } from './snapshotFiles.js';
import type { StepDefinition } from './stepDefinition.js';
import type { StepName } from './stepName.js';

/**
 * Everything the planner needs, read from disk once by `loadProject` so `planRun` stays
 * pure: the project's steps, its hashed files, the environment, the previous run and the
 * declared outputs that are missing.
 */
export interface ProjectSnapshot {
  readonly dir: string;
  /** The project's steps, dependencies before dependents. */
  readonly steps: readonly StepDefinition[];
  readonly files: FileSnapshot;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly previous: RunState | undefined;
  /** Step → declared outputs not found on disk. */
  readonly missingOutputs: ReadonlyMap<StepName, readonly string[]>;
}

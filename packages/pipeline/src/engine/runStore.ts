import type { RunState } from './runState.js';
import type { StepName } from './stepName.js';

/** A step's log: lines are already redacted when they arrive. */
export interface LogSink {
  write(line: string): void;
  close(): Promise<void>;
  /** Where the log lives, for people (a path relative to the project, or a URL). */
  readonly location: string;
}

/**
 * Where runs are kept. The CLI uses `createFileRunStore` (`.slipway/` in the project); the
 * server will keep runs in its database behind the same interface.
 */
export interface RunStore {
  load(): Promise<RunState | undefined>;
  /** Persists the whole state; must be atomic (a crash leaves the old or the new state). */
  save(state: RunState): Promise<void>;
  openLog(runId: string, step: StepName): Promise<LogSink>;
  /** Removes the state and every run's logs. */
  clear(): Promise<void>;
  /**
   * Takes the project's run lock, so two runs never write one state; resolves with its
   * release. Throws a `CONFLICT` SlipwayError while another live run holds it.
   */
  lock?(): Promise<() => Promise<void>>;
}

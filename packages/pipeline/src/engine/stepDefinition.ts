import type { StepRecord } from './runState.js';
import type { StepName } from './stepName.js';

/**
 * What a step's result depends on. Each input becomes a digest; together with the keys
 * of the steps it depends on they make the step's content-hash cache key.
 */
export interface StepInputs {
  /** Globs relative to the project root (picomatch syntax); matching files are hashed. */
  files?: readonly string[];
  /** Globs of files left out of `files`, e.g. tests for `build`. */
  ignore?: readonly string[];
  /** Environment variable names whose values count; values are hashed, never stored. */
  env?: readonly string[];
  /** Tool name → version, e.g. `{ node: 'v20.19.0', pnpm: '10.34.9' }`. */
  tools?: Readonly<Record<string, string>>;
  /** Any JSON-serialisable configuration the step's behaviour depends on. */
  config?: unknown;
}

/** The result of one command a step ran. `output` is redacted and capped to its tail. */
export interface ExecResult {
  exitCode: number;
  output: string;
}

export interface ExecOptions {
  /** Relative to the project root. @default the project root */
  cwd?: string;
  /** Added to the run's environment. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What a step receives when it runs. */
export interface StepContext {
  readonly projectDir: string;
  readonly runId: string;
  readonly signal: AbortSignal;
  /** The environment steps run with (the run's env plus secrets). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Results of the steps that finished earlier in this run (or in the run they were cached from). */
  readonly results: ReadonlyMap<StepName, StepOutcome>;
  /** The run's step records so far (status, durations, cache keys), for the report. */
  readonly steps: Readonly<Record<StepName, StepRecord>>;
  /** Writes a line to the step's log (redacted) and emits it as an event. */
  log(line: string): void;
  /**
   * Runs a command in its own process group, streaming its output to the step's log.
   * Aborting the run kills the whole group. Resolves with the exit code; a command that
   * cannot start rejects with a `TOOL_MISSING` SlipwayError.
   */
  exec(command: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

/** Data a step hands to later steps and to the report (e.g. the artifact, a URL). */
export type StepOutcome = Readonly<Record<string, unknown>>;

/** One step of the lifecycle. Steps are plain values; the catalog builds them per project. */
export interface StepDefinition {
  readonly name: StepName;
  readonly description: string;
  /** Steps that must succeed (or be cached) before this one starts. */
  readonly dependsOn: readonly StepName[];
  readonly inputs: StepInputs;
  /** Paths relative to the project root that must exist for a cache hit. */
  readonly outputs?: readonly string[];
  /** `false` for steps that must run every time (e.g. `report`). @default true */
  readonly cacheable?: boolean;
  /**
   * A cache hit also needs this to hold, for what file hashes cannot see (e.g. the
   * deployed instance still runs). Must be quick and side-effect free.
   */
  isCurrent?(context: CurrentContext): Promise<boolean>;
  /** Throws a SlipwayError when the step fails; resolves with data for later steps. */
  run(context: StepContext): Promise<StepOutcome | void>;
}

/** What `StepDefinition.isCurrent` sees. */
export interface CurrentContext {
  readonly projectDir: string;
  /** What the step handed on when it last succeeded. */
  readonly outcome: StepOutcome | undefined;
  readonly results: ReadonlyMap<StepName, StepOutcome>;
  readonly steps: Readonly<Record<StepName, StepRecord>>;
}

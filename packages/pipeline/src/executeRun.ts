import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SlipwayError } from '@slipway/core/errors';
import { createStepContext } from './createStepContext.js';
import { fingerprintStep } from './fingerprintStep.js';
import type { Fingerprint } from './fingerprintStep.js';
import { newRunId } from './newRunId.js';
import type { PlannedStep, RunPlan } from './planRun.js';
import { createRedactor } from '@slipway/secrets';
import type { RunEvent } from './runEvents.js';
import type { RunState, RunStatus, StepRecord } from './runState.js';
import type { RunStore } from './runStore.js';
import { snapshotFiles } from './snapshotFiles.js';
import type { FileSnapshot } from './snapshotFiles.js';
import type { StepDefinition, StepOutcome } from './stepDefinition.js';
import type { StepName } from './stepNames.js';
import { toStepError } from './toStepError.js';

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

const DONE: ReadonlySet<string> = new Set(['succeeded', 'cached', 'skipped']);

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
    return await new Execution(plan, options).execute();
  } finally {
    await release?.();
  }
}

class Execution {
  private readonly runId: string;
  private readonly signal: AbortSignal;
  private readonly redact: (line: string) => string;
  private readonly emit: (event: RunEvent) => void;
  private readonly definitions: Map<StepName, StepDefinition>;
  private readonly results = new Map<StepName, StepOutcome>();
  private readonly state: RunState;
  private readonly executed: StepName[] = [];
  private readonly cached: StepName[] = [];
  private files: FileSnapshot;
  private stale = false;
  private executing = 0;
  private failure: SlipwayError | undefined;
  private failedStep: StepName | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly plan: RunPlan,
    private readonly options: ExecuteOptions,
  ) {
    this.runId = options.runId ?? newRunId();
    this.signal = options.signal ?? new AbortController().signal;
    this.redact = createRedactor(options.secrets ?? []).redact;
    this.emit = options.onEvent ?? (() => undefined);
    this.definitions = new Map(plan.project.steps.map((step) => [step.name, step]));
    this.files = plan.project.files;
    this.state = {
      schemaVersion: 1,
      runId: this.runId,
      status: 'running',
      startedAt: new Date().toISOString(),
      planned: plan.steps.map((step) => step.name),
      steps: structuredClone(plan.project.previous?.steps ?? {}),
    };
  }

  async execute(): Promise<RunResult> {
    const started = performance.now();
    for (const step of this.plan.steps) {
      const previous = this.state.steps[step.name];
      if (previous?.outcome) this.results.set(step.name, previous.outcome);
      const status = step.action === 'skip' ? 'skipped' : 'pending';
      this.state.steps[step.name] = { ...previous, status, reason: step.reason };
      // A skipped step keeps its last error, so a later plan still says it failed.
      if (status === 'pending') delete this.state.steps[step.name]?.error;
    }
    await this.save();
    this.emit({ type: 'run:started', runId: this.runId, plan: this.plan });
    for (const step of this.plan.steps) {
      if (step.action === 'skip') {
        this.emit({
          type: 'step:skipped',
          runId: this.runId,
          step: step.name,
          reason: step.reason,
        });
      }
    }
    await this.schedule();
    return this.finish(Math.round(performance.now() - started));
  }

  private async schedule(): Promise<void> {
    const waiting = this.plan.steps.filter((step) => step.action !== 'skip');
    const running = new Map<StepName, Promise<void>>();
    const concurrency = Math.max(1, this.options.concurrency ?? 2);
    for (;;) {
      if (!this.failure && !this.signal.aborted) {
        for (const step of [...waiting]) {
          if (running.size >= concurrency) break;
          if (!step.dependsOn.every((dep) => this.isDone(dep))) continue;
          waiting.splice(waiting.indexOf(step), 1);
          running.set(
            step.name,
            this.runStep(step).finally(() => running.delete(step.name)),
          );
        }
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    for (const step of waiting) {
      const record = this.state.steps[step.name];
      const reason = this.failedStep ? `not started: ${this.failedStep} failed` : 'not started';
      this.state.steps[step.name] = { ...record, status: 'blocked', reason };
    }
  }

  private isDone(name: StepName): boolean {
    const status = this.state.steps[name]?.status;
    return !this.definitions.has(name) || (status !== undefined && DONE.has(status));
  }

  private fingerprint(definition: StepDefinition): Fingerprint {
    if (this.stale) {
      this.files = (this.options.snapshot ?? snapshotFiles)(this.plan.project.dir);
      this.stale = this.executing > 0;
    }
    const depKeys = Object.fromEntries(
      definition.dependsOn.map((dep) => [dep, this.state.steps[dep]?.cacheKey ?? 'none']),
    );
    return fingerprintStep({
      inputs: definition.inputs,
      files: this.files,
      env: this.plan.project.env,
      depKeys,
    });
  }

  private async runStep(planned: PlannedStep): Promise<void> {
    const definition = this.definitions.get(planned.name);
    if (!definition) return;
    const record = this.state.steps[planned.name];
    const before = this.fingerprint(definition);
    if (await this.isHit(definition, record, before.key)) {
      this.state.steps[planned.name] = { ...record, status: 'cached', reason: 'inputs unchanged' };
      this.cached.push(planned.name);
      this.emit({ type: 'step:cached', runId: this.runId, step: planned.name });
      // Nothing a resume needs changed, so no save: a no-op run writes the state twice.
      return;
    }
    const reason = planned.action === 'run' ? planned.reason : 'an earlier step changed its inputs';
    const startedAt = new Date().toISOString();
    this.executed.push(planned.name);
    this.executing += 1;
    this.stale = true;
    const sink = await this.options.store.openLog(this.runId, planned.name);
    this.state.steps[planned.name] = {
      status: 'running',
      runId: this.runId,
      startedAt,
      reason,
      log: sink.location,
    };
    this.emit({ type: 'step:started', runId: this.runId, step: planned.name, reason });
    await this.save();
    const clock = performance.now();
    try {
      const outcome =
        (await definition.run(
          createStepContext({
            step: planned.name,
            runId: this.runId,
            projectDir: this.plan.project.dir,
            env: this.plan.project.env,
            signal: this.signal,
            sink,
            results: this.results,
            steps: this.state.steps,
            redact: this.redact,
            emit: this.emit,
          }),
        )) ?? {};
      this.executing -= 1;
      const after = this.fingerprint(definition);
      const durationMs = Math.round(performance.now() - clock);
      this.state.steps[planned.name] = {
        status: 'succeeded',
        runId: this.runId,
        startedAt,
        durationMs,
        ...(definition.cacheable === false ? {} : { cacheKey: after.key, inputs: after.inputs }),
        reason,
        log: sink.location,
        outcome: { ...outcome },
      };
      this.results.set(planned.name, outcome);
      this.emit({
        type: 'step:finished',
        runId: this.runId,
        step: planned.name,
        durationMs,
        outcome,
      });
    } catch (thrown) {
      this.executing -= 1;
      const error = toStepError(planned.name, thrown, { signal: this.signal, redact: this.redact });
      const durationMs = Math.round(performance.now() - clock);
      const status = error.code === 'INTERRUPTED' ? 'interrupted' : 'failed';
      this.state.steps[planned.name] = {
        status,
        runId: this.runId,
        startedAt,
        durationMs,
        reason,
        log: sink.location,
        error: error.toJSON(),
      };
      if (!this.failure) {
        this.failure = error;
        this.failedStep = planned.name;
      }
      this.emit({ type: 'step:failed', runId: this.runId, step: planned.name, durationMs, error });
    } finally {
      await sink.close();
      await this.save();
    }
  }

  private async isHit(
    definition: StepDefinition,
    record: StepRecord | undefined,
    key: string,
  ): Promise<boolean> {
    if (this.plan.options.force || definition.cacheable === false) return false;
    if (!record?.cacheKey || record.cacheKey !== key) return false;
    const dir = this.plan.project.dir;
    if (!(definition.outputs ?? []).every((path) => existsSync(join(dir, path)))) return false;
    if (!definition.isCurrent) return true;
    return definition
      .isCurrent({
        projectDir: dir,
        outcome: record.outcome,
        results: this.results,
        steps: this.state.steps,
      })
      .catch(() => false);
  }

  /** Saves are serialised so a slow write never lands after a newer one. */
  private save(): Promise<void> {
    const snapshot = structuredClone(this.state);
    this.saving = this.saving.then(() => this.options.store.save(snapshot));
    return this.saving;
  }

  private async finish(durationMs: number): Promise<RunResult> {
    const interrupted = this.failure?.code === 'INTERRUPTED' || this.signal.aborted;
    const status: RunStatus =
      !this.failure && !interrupted ? 'succeeded' : interrupted ? 'interrupted' : 'failed';
    this.state.status = status;
    this.state.finishedAt = new Date().toISOString();
    this.state.durationMs = durationMs;
    if (this.failedStep) this.state.failedStep = this.failedStep;
    if (this.failure) this.state.error = this.failure.toJSON();
    await this.save();
    this.emit({ type: 'run:finished', runId: this.runId, state: this.state });
    return {
      runId: this.runId,
      status,
      state: this.state,
      durationMs,
      executed: this.executed,
      cached: this.cached,
      ...(this.failure ? { error: this.failure } : {}),
    };
  }
}

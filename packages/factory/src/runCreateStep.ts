import { executeRun, planRun } from '@slipway/pipeline';
import type { RunResult, RunState, RunStore } from '@slipway/pipeline';
import type { ProjectPlan } from '@slipway/templates';
import { createDeferredRunStore } from './deferredRunStore.js';
import { createStep } from './createStep.js';
import type { UpEvent, UpOptions } from './upProject.js';

/**
 * Runs the `create` step on its own: the rest of the lifecycle is planned from the
 * project's files, which exist only afterwards. The step gets a state record, a log and a
 * cache key like any other; they are kept in memory until the project is written, then
 * saved in the project's store, where the lifecycle's plan continues the same run.
 */
export async function runCreateStep(
  options: UpOptions & {
    plan: ProjectPlan;
    env: Readonly<Record<string, string | undefined>>;
    secrets: readonly string[];
  },
): Promise<RunResult> {
  const step = createStep({
    plan: options.plan,
    targetDir: options.projectDir,
    templateDigest: options.create?.template.digest ?? '',
  });
  const none = new Map<string, string>();
  const plan = planRun({
    dir: options.projectDir,
    steps: [step],
    files: none,
    env: options.env,
    previous: undefined,
    missingOutputs: new Map(),
  });
  const store = createDeferredRunStore();
  const result = await executeRun(plan, {
    store,
    signal: options.signal,
    concurrency: 1,
    secrets: options.secrets,
    // The run goes on with the lifecycle, which reports the one `run:finished`.
    onEvent: (event) => (event.type === 'run:finished' ? undefined : options.onEvent?.(event)),
    // `create` reads no project file: nothing to hash after it wrote hundreds.
    snapshot: () => none,
  });
  if (result.status === 'succeeded') await store.flushInto(options.ports.store);
  return result;
}

/**
 * The lifecycle's part of a run that began with `create`: its saved state, events and
 * result list `create` first and count its time, so the run reads as one.
 */
export function withCreateRecord(
  created: RunResult,
  context: { store: RunStore; options: Pick<UpOptions, 'onEvent'> },
): {
  store: RunStore;
  onEvent: (event: UpEvent) => void;
  merge(result: RunResult): RunResult;
} {
  const { store } = context;
  const merged = (state: RunState): RunState => ({
    ...state,
    startedAt: created.state.startedAt,
    planned: ['create', ...(state.planned ?? []).filter((name) => name !== 'create')],
    ...(state.durationMs === undefined
      ? {}
      : { durationMs: state.durationMs + created.durationMs }),
  });
  return {
    store: {
      load: () => store.load(),
      save: (state) => store.save(merged(state)),
      openLog: (runId, step) => store.openLog(runId, step),
      clear: () => store.clear(),
      ...(store.lock ? { lock: store.lock.bind(store) } : {}),
    },
    onEvent: (event) =>
      context.options.onEvent?.(
        event.type === 'run:finished' ? { ...event, state: merged(event.state) } : event,
      ),
    merge: (result) => ({
      ...result,
      state: merged(result.state),
      durationMs: result.durationMs + created.durationMs,
      executed: ['create', ...result.executed],
    }),
  };
}

import { existsSync } from 'node:fs';
import {
  appendTelemetry,
  applyCleanup,
  executeRun,
  planCleanup,
  planRun,
  telemetryEnabled,
  telemetryRecord,
} from '@slipway/pipeline';
import type {
  CleanupPlan,
  PlanOptions,
  RunEvent,
  RunPlan,
  RunResult,
  StepDefinition,
} from '@slipway/pipeline';
import type { ProjectPlan } from '@slipway/templates';
import type { PlanCreateOptions } from './createProject.js';
import { lifecycleSteps, snapshotLifecycle, templateOf } from './lifecycleCatalog.js';
import type { ProjectPorts } from './ports.js';
import { projectSecretValues } from './projectSecretValues.js';
import { runCreateStep, withCreateRecord } from './runCreateStep.js';

/**
 * What `upProject` reports while it works: the run's events, plus the end of a
 * `cleanup`. A run that creates its project starts twice with the same `runId`: once
 * with the `create` step's plan, then with the lifecycle's; `run:finished` comes once.
 */
export type UpEvent = RunEvent | { type: 'cleanup:finished'; removed: readonly string[] };

export interface UpOptions {
  projectDir: string;
  ports: ProjectPorts;
  /** The environment steps and the instance start from; the secrets are added to it. */
  env: Readonly<Record<string, string | undefined>>;
  /** When `projectDir` does not exist, the run creates it first, as its `create` step. */
  create?: PlanCreateOptions;
  plan?: PlanOptions;
  /** Plan only: run and write nothing. */
  dryRun?: boolean;
  /** Stop the instances and remove outputs, artifacts and run state before planning. */
  cleanup?: boolean;
  /** @default 2 */
  concurrency?: number;
  /** Where `db:migrate` / `db:seed` apply. @default the project's embedded database */
  databaseUrl?: string;
  healthTimeoutMs?: number;
  onEvent?: (event: UpEvent) => void;
  /** Aborting stops running commands and leaves state the next run resumes from. */
  signal?: AbortSignal;
  /** Flag names for the local telemetry record (kept only when telemetry is on). */
  telemetry?: { flags: readonly string[] };
}

export type UpResult =
  /** A dry run of a project that does not exist yet: its files; the lifecycle needs them. */
  | { kind: 'create-planned'; plan: ProjectPlan; targetDir: string }
  /** A dry run: the plan with predicted hits and misses, and what a cleanup would remove. */
  | { kind: 'planned'; plan: RunPlan; cleanup?: CleanupPlan }
  /** The run; a failure is `run.error`, never thrown. */
  | { kind: 'ran'; run: RunResult };

/**
 * `up`: create the project when asked, plan its lifecycle, and run it — doctor, install,
 * build, checks, database, package, deploy, health, report — cached and resumable.
 * Bad input (an unknown step, no project) throws a SlipwayError; a failing step does not.
 *
 * @example
 * const result = await upProject({ projectDir, ports: createLocalPorts({ projectDir }), env });
 * if (result.kind === 'ran' && result.run.error) render(result.run.error);
 */
export async function upProject(options: UpOptions): Promise<UpResult> {
  const { projectDir, ports } = options;
  const creating =
    options.create && !existsSync(projectDir) ? await planCreate(options.create) : undefined;
  if (creating && options.dryRun) {
    return { kind: 'create-planned', plan: creating, targetDir: projectDir };
  }
  const secrets = runSecrets(options);
  const created = creating && (await runCreateStep({ ...options, ...secrets, plan: creating }));
  if (created && created.status !== 'succeeded') return { kind: 'ran', run: created };
  const template = templateOf(projectDir);
  const steps = lifecycleSteps({ ...options, runtime: ports.runtime });
  // A project this run just created has nothing to clean up.
  const cleanup = options.cleanup && !created ? await cleanUp(options, steps) : undefined;
  const project = await snapshotLifecycle({
    projectDir,
    steps,
    store: ports.store,
    env: secrets.env,
  });
  // A dry run of a cleanup removed nothing: plan as the run after it would, from scratch.
  const fresh = cleanup && options.dryRun ? { ...project, previous: undefined } : project;
  const plan = planRun(fresh, { ...options.plan });
  if (options.dryRun) return { kind: 'planned', plan, ...(cleanup ? { cleanup } : {}) };
  const run = await execute(plan, { options, created, secrets: secrets.secrets });
  await recordTelemetry(run, { options, template });
  return { kind: 'ran', run };
}

/** The template engine loads only when a project is created, never on a no-op `up`. */
async function planCreate(options: PlanCreateOptions): Promise<ProjectPlan> {
  const { planCreate: plan } = await import('./createProject.js');
  return plan(options);
}

/**
 * The run's environment — the caller's, the secrets source's values, and turbo kept
 * quiet — and the values to redact from its logs.
 */
function runSecrets(options: UpOptions): {
  env: Readonly<Record<string, string | undefined>>;
  secrets: string[];
} {
  const stored = options.ports.secrets.resolve();
  const env = { ...options.env, ...stored, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
  const secrets = [options.databaseUrl, ...Object.values(stored)].filter(isSet);
  return { env, secrets };
}

/** Plans a cleanup; unless this is a dry run, stops the instances and applies it. */
async function cleanUp(options: UpOptions, steps: readonly StepDefinition[]): Promise<CleanupPlan> {
  const plan = planCleanup(options.projectDir, steps);
  if (options.dryRun) return plan;
  await options.ports.instances.remove();
  await applyCleanup(options.projectDir, plan);
  await options.ports.store.clear();
  options.onEvent?.({ type: 'cleanup:finished', removed: plan.remove });
  return plan;
}

async function execute(
  plan: RunPlan,
  context: { options: UpOptions; created: RunResult | undefined; secrets: readonly string[] },
): Promise<RunResult> {
  const { options, created } = context;
  const recorded = created && withCreateRecord(created, { store: options.ports.store, options });
  const result = await executeRun(plan, {
    store: recorded?.store ?? options.ports.store,
    signal: options.signal,
    concurrency: options.concurrency,
    secrets: projectSecretValues(options.projectDir, context.secrets),
    onEvent: recorded?.onEvent ?? options.onEvent,
    ...(created ? { runId: created.runId } : {}),
  });
  return recorded ? recorded.merge(result) : result;
}

async function recordTelemetry(
  run: RunResult,
  context: { options: UpOptions; template: string },
): Promise<void> {
  const { telemetry, env } = context.options;
  if (!telemetry || !telemetryEnabled(env)) return;
  const record = telemetryRecord(run, { flags: [...telemetry.flags], template: context.template });
  await appendTelemetry(record).catch(() => undefined);
}

function isSet(value: string | undefined): value is string {
  return Boolean(value);
}

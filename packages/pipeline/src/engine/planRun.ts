import { SlipwayError } from '@slipway/core/errors';
import { explainMiss } from './explainMiss.js';
import type { ProjectSnapshot } from './projectSnapshot.js';
import type { StepDefinition } from './stepDefinition.js';
import type { StepName } from './stepName.js';
import { stepFingerprint } from './stepFingerprint.js';

export interface PlanOptions {
  /** Run only these steps; their dependencies are taken as done. */
  only?: readonly StepName[];
  /** Leave these steps out. */
  skip?: readonly StepName[];
  /** Start here: steps this one does not lead to are left out. */
  resumeFrom?: StepName;
  /** Ignore the cache: every planned step runs. */
  force?: boolean;
}

/** What will happen to a step, and why. */
export type StepAction = 'run' | 'cached' | 'skip';

export interface PlannedStep {
  name: StepName;
  description: string;
  dependsOn: readonly StepName[];
  action: StepAction;
  /** One line for people: `never ran`, `src/x.ts changed`, `--skip`, … */
  reason: string;
  /** The inputs that changed since the last success (empty on a hit). */
  changes: readonly string[];
  /** The predicted cache key. */
  key: string;
}

/** A run's plan: the DAG with predicted hits and misses. Printing it is `--dry-run`. */
export interface RunPlan {
  readonly project: ProjectSnapshot;
  readonly options: Readonly<PlanOptions>;
  /** Dependencies before dependents. */
  readonly steps: readonly PlannedStep[];
  /** Set when the previous run failed or was interrupted at a step this run includes. */
  readonly resumingAt?: StepName;
}

/**
 * Plans a run without side effects: which steps run, which are predicted cache hits and
 * which are left out, with the reason for each miss. `executeRun` re-checks every key
 * just before the step, since earlier steps may change files.
 *
 * @example
 * const project = await loadProject({ dir, steps: createStepCatalog({ projectDir: dir }), store });
 * const plan = planRun(project, { skip: ['lint'] });
 * plan.steps.map((s) => `${s.name}: ${s.action} (${s.reason})`); // ['build: run (src/x.ts changed)', …]
 */
export function planRun(project: ProjectSnapshot, options: PlanOptions = {}): RunPlan {
  const byName = new Map(project.steps.map((step) => [step.name, step]));
  for (const name of [...(options.only ?? []), ...(options.skip ?? []), options.resumeFrom]) {
    if (name !== undefined && !byName.has(name)) throw unknownStep(name, project);
  }
  const included = selectSteps(project.steps, options);
  const predicted = new Map<StepName, string>();
  const steps: PlannedStep[] = [];
  for (const step of project.steps) {
    const previous = project.previous?.steps[step.name];
    const fingerprint = stepFingerprint(step, {
      files: project.files,
      env: project.env,
      keyOf: (dep) => predicted.get(dep) ?? project.previous?.steps[dep]?.cacheKey,
    });
    const exclusion = included.get(step.name);
    const base = { name: step.name, description: step.description, dependsOn: step.dependsOn };
    if (exclusion !== undefined) {
      steps.push({ ...base, action: 'skip', reason: exclusion, changes: [], key: fingerprint.key });
      continue;
    }
    predicted.set(step.name, fingerprint.key);
    const missing = project.missingOutputs.get(step.name) ?? [];
    const hit =
      !options.force &&
      step.cacheable !== false &&
      previous?.cacheKey === fingerprint.key &&
      missing.length === 0;
    if (hit) {
      steps.push({
        ...base,
        action: 'cached',
        reason: 'inputs unchanged',
        changes: [],
        key: fingerprint.key,
      });
      continue;
    }
    const changes =
      previous?.cacheKey && previous.inputs ? explainMiss(previous.inputs, fingerprint.inputs) : [];
    const reason = options.force
      ? '--force'
      : step.cacheable === false
        ? 'runs every time'
        : !previous?.cacheKey
          ? previous?.error
            ? `${previous.error.code === 'INTERRUPTED' ? 'interrupted' : 'failed'} last time`
            : 'never ran'
          : missing.length > 0
            ? `outputs missing: ${missing.join(', ')}`
            : changes.join(', ') || 'inputs changed';
    steps.push({ ...base, action: 'run', reason, changes, key: fingerprint.key });
  }
  const failed = project.previous?.failedStep;
  const resumingAt =
    failed && steps.some((step) => step.name === failed && step.action !== 'skip')
      ? failed
      : undefined;
  return { project, options, steps, ...(resumingAt ? { resumingAt } : {}) };
}

/** Step → why it is left out; steps not in the map are included. */
function selectSteps(
  steps: readonly StepDefinition[],
  options: PlanOptions,
): Map<StepName, string> {
  const excluded = new Map<StepName, string>();
  if (options.only && options.only.length > 0) {
    for (const step of steps)
      if (!options.only.includes(step.name)) excluded.set(step.name, 'not in --only');
  }
  if (options.resumeFrom) {
    const downstream = new Set<StepName>([options.resumeFrom]);
    for (const step of steps) {
      if (step.dependsOn.some((dep) => downstream.has(dep))) downstream.add(step.name);
    }
    for (const step of steps) {
      if (!downstream.has(step.name) && !excluded.has(step.name)) {
        excluded.set(step.name, `before --resume-from ${options.resumeFrom}`);
      }
    }
  }
  for (const name of options.skip ?? []) excluded.set(name, '--skip');
  return excluded;
}

function unknownStep(name: string, project: ProjectSnapshot): SlipwayError {
  return new SlipwayError({
    code: 'INPUT_INVALID',
    component: 'Pipeline',
    message: `this project has no step "${name}"; it has: ${project.steps.map((s) => s.name).join(', ')}`,
    recovery: ['Run: slipway up --dry-run   (lists the steps)'],
  });
}

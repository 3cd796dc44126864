import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectSnapshot } from './engine/projectSnapshot.js';
import type { RunStore } from './engine/runStore.js';
import { snapshotFiles } from './engine/snapshotFiles.js';
import type { StepDefinition } from './engine/stepDefinition.js';
import type { StepName } from './engine/stepName.js';

export interface LoadProjectOptions {
  dir: string;
  steps: readonly StepDefinition[];
  store: RunStore;
  /** The environment steps see and env inputs are hashed from. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Reads what planning needs: hashes the project's files, loads the previous run and looks
 * up declared outputs. Reads only; spawns and writes nothing (so `--dry-run` stays clean).
 */
export async function loadProject(options: LoadProjectOptions): Promise<ProjectSnapshot> {
  const steps = orderSteps(options.steps);
  const missingOutputs = new Map<StepName, string[]>();
  for (const step of steps) {
    const missing = (step.outputs ?? []).filter((path) => !existsSync(join(options.dir, path)));
    if (missing.length > 0) missingOutputs.set(step.name, missing);
  }
  return {
    dir: options.dir,
    steps,
    files: snapshotFiles(options.dir),
    env: options.env ?? process.env,
    previous: await options.store.load(),
    missingOutputs,
  };
}

/**
 * Orders steps so dependencies come first, keeping catalog order among equals. A
 * dependency on a step the project does not have is dropped (e.g. `deploy` without a
 * deployer); a cycle is a bug in the catalog.
 */
export function orderSteps(steps: readonly StepDefinition[]): StepDefinition[] {
  const names = new Set(steps.map((step) => step.name));
  const pruned = steps.map((step) => ({
    ...step,
    dependsOn: step.dependsOn.filter((dep) => names.has(dep)),
  }));
  const ordered: StepDefinition[] = [];
  const placed = new Set<StepName>();
  while (ordered.length < pruned.length) {
    const next = pruned.find(
      (step) => !placed.has(step.name) && step.dependsOn.every((dep) => placed.has(dep)),
    );
    if (!next) throw new Error(`step dependencies form a cycle: ${[...names].join(', ')}`);
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

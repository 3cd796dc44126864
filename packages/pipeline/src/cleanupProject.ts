import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RUNS_DIR, STATE_PATH } from './engine/fileRunStore.js';
import { ARTIFACTS_DIR } from './steps/packageStep.js';
import type { StepDefinition } from './engine/stepDefinition.js';

export interface CleanupPlan {
  /** Paths relative to the project that exist and will be removed. */
  remove: string[];
}

/**
 * Plans `--cleanup`: the run state, every run's logs, the artifacts and the steps'
 * declared outputs except `node_modules` (the shared store makes a reinstall cheap, but a
 * cold one is still the slowest step) and the local database under `.data` (user data).
 */
export function planCleanup(projectDir: string, steps: readonly StepDefinition[]): CleanupPlan {
  const outputs = steps
    .flatMap((step) => step.outputs ?? [])
    .filter((path) => !path.startsWith('node_modules') && !path.startsWith('.data'));
  const candidates = [STATE_PATH, RUNS_DIR, ARTIFACTS_DIR, ...outputs, '.turbo'];
  const unique = [...new Set(candidates)];
  // A path inside another one that goes is not listed twice.
  const remove = unique.filter(
    (path) => !unique.some((other) => other !== path && path.startsWith(`${other}/`)),
  );
  return { remove: remove.filter((path) => existsSync(join(projectDir, path))) };
}

/** Applies a cleanup plan. */
export async function applyCleanup(projectDir: string, plan: CleanupPlan): Promise<void> {
  for (const path of plan.remove)
    await rm(join(projectDir, path), { recursive: true, force: true });
}

import { fingerprintStep } from './fingerprintStep.js';
import type { Fingerprint } from './fingerprintStep.js';
import type { FileSnapshot } from './snapshotFiles.js';
import type { StepDefinition } from './stepDefinition.js';
import type { StepName } from './stepName.js';

export interface StepFingerprintInput {
  files: FileSnapshot;
  env: Readonly<Record<string, string | undefined>>;
  /** A dependency's cache key: predicted while planning, recorded while executing. */
  keyOf(dependency: StepName): string | undefined;
}

/**
 * A step's cache key from its inputs and its dependencies' keys (`none` for one that
 * never succeeded). The one key function: `planRun` predicts with it and `executeRun`
 * re-checks with it, so a predicted hit and a real hit cannot disagree on the recipe.
 */
export function stepFingerprint(step: StepDefinition, input: StepFingerprintInput): Fingerprint {
  const depKeys = Object.fromEntries(
    step.dependsOn.map((dep) => [dep, input.keyOf(dep) ?? 'none']),
  );
  return fingerprintStep({ inputs: step.inputs, files: input.files, env: input.env, depKeys });
}

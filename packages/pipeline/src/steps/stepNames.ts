/**
 * The JS-workspace catalog's steps, in catalog order: the order `slipway up` lists them
 * and the order ties are broken in when several steps are ready at once. The engine knows
 * none of these names.
 */
export const STEP_NAMES = [
  'doctor',
  'create',
  'install',
  'build',
  'typecheck',
  'lint',
  'test',
  'db:migrate',
  'db:seed',
  'package',
  'deploy',
  'health',
  'report',
] as const;

/** A step of the JS-workspace catalog. */
export type CatalogStepName = (typeof STEP_NAMES)[number];

/** Narrows a string (a flag value, a state key) to a step of the JS-workspace catalog. */
export function isStepName(value: string): value is CatalogStepName {
  return (STEP_NAMES as readonly string[]).includes(value);
}

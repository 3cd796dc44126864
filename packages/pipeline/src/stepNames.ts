/**
 * Every lifecycle step, in catalog order: the order `slipway up` lists them and the
 * order ties are broken in when several steps are ready at once.
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

export type StepName = (typeof STEP_NAMES)[number];

/** Narrows a string (a flag value, a state key) to a step name. */
export function isStepName(value: string): value is StepName {
  return (STEP_NAMES as readonly string[]).includes(value);
}

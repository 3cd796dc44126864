import { SlipwayError } from '@slipway/core/errors';
import { STEP_NAMES } from '@slipway/pipeline';
import type { StepName } from '@slipway/pipeline';

/** `slipway up` flags as commander parses them. */
export interface UpFlags {
  resumeFrom?: string;
  skip?: string;
  only?: string;
  dryRun?: boolean;
  force?: boolean;
  cleanup?: boolean;
  concurrency?: string;
  databaseUrl?: string;
  /** A project config: when the folder does not exist, `up` creates the project first. */
  config?: string;
  /** Seconds a new instance has to pass its health check. */
  healthTimeout?: string;
  /** `--no-deploy` sets it to false. */
  deploy?: boolean;
  /** Scope of the local secrets store injected into the run and the instance. @default 'default' */
  scope?: string;
  verbose?: boolean;
  json?: boolean;
}

/** `build,test` → `['build', 'test']`; an unknown name is bad input. */
export function parseSteps(value: string | undefined, flag: string): StepName[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(STEP_NAMES as readonly string[]).includes(name)) {
      throw new SlipwayError({
        code: 'INPUT_INVALID',
        component: 'CLI',
        message: `${flag}: "${name}" is not a step; steps are ${STEP_NAMES.join(', ')}`,
      });
    }
  }
  return names as StepName[];
}

export function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 2;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'CLI',
      message: `--concurrency must be a whole number from 1 to 32, got "${value}"`,
    });
  }
  return n;
}

/** `--health-timeout 30` → 30_000 ms; undefined keeps the runtime's default (60 s). */
export function parseHealthTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'CLI',
      message: `--health-timeout must be seconds from 1 to 3600, got "${value}"`,
    });
  }
  return Math.round(seconds * 1000);
}

/** The flags a run used, without their values, for telemetry. */
export function flagNames(flags: UpFlags): string[] {
  const names: string[] = [];
  for (const [key, value] of Object.entries(flags)) {
    if (value === undefined || value === false || key === 'deploy') continue;
    names.push(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  }
  if (flags.deploy === false) names.push('--no-deploy');
  return names.sort();
}

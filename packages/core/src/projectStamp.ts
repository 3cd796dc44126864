import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SlipwayError } from './slipwayError.js';
import { formatZodIssues } from './formatZodIssues.js';
import { lifecycleContractSchema } from './lifecycleContract.js';

/** Where a project made by `slipway create` records how it was made. */
export const STAMP_PATH = '.slipway/project.json';

/**
 * `.slipway/project.json`: everything needed to re-render the project, and the lifecycle
 * contract resolved from the template when it was made. Never holds secrets. Stamps written
 * before the contract existed have none; `resolveContract` then falls back to
 * `slipway.yaml` and inference.
 */
export const projectStampSchema = z.object({
  schemaVersion: z.literal(1),
  template: z.object({ name: z.string(), version: z.string(), digest: z.string() }),
  project: z.object({
    name: z.string(),
    repoName: z.string(),
    displayName: z.string(),
    description: z.string(),
  }),
  modules: z.array(z.string()),
  moduleSettings: z.record(z.string(), z.record(z.string(), z.unknown())),
  answers: z.record(z.string(), z.unknown()),
  auth: z.record(z.string(), z.unknown()).nullable(),
  ai: z.object({ providers: z.array(z.record(z.string(), z.unknown())) }),
  environments: z.record(z.string(), z.unknown()),
  contract: lifecycleContractSchema.optional(),
  slipwayVersion: z.string(),
  createdAt: z.string(),
});

export type ProjectStamp = z.output<typeof projectStampSchema>;

/**
 * Reads and validates a project's stamp; undefined when the project has none (a
 * repository Slipway did not create). A stamp that is there but unreadable is an error.
 */
export function findProjectStamp(projectDir: string): ProjectStamp | undefined {
  const path = join(projectDir, STAMP_PATH);
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new SlipwayError({
      code: 'JSON_SYNTAX',
      component: 'Project',
      message: `${path} is not valid JSON: ${(cause as Error).message}`,
      location: { file: path },
      cause,
    });
  }
  const parsed = projectStampSchema.safeParse(value);
  if (!parsed.success) {
    throw new SlipwayError({
      code: 'CONFIG_INVALID',
      component: 'Project',
      message: `${path} is not a valid project stamp: ${formatZodIssues(parsed.error).join('; ')}`,
      location: { file: path },
    });
  }
  return parsed.data;
}

/** Like `findProjectStamp`, but a project without a stamp is `PROJECT_NOT_FOUND`. */
export function readProjectStamp(projectDir: string): ProjectStamp {
  const stamp = findProjectStamp(projectDir);
  if (stamp) return stamp;
  throw new SlipwayError({
    code: 'PROJECT_NOT_FOUND',
    component: 'Project',
    message: `${projectDir} is not a Slipway project (no ${STAMP_PATH})`,
    recovery: ['Run it inside a project made by `slipway create`', 'Or: slipway create <dir>'],
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core/errors';

/**
 * `@slipway/templates`' `STAMP_PATH`, repeated so `slipway up` can check it is in a project
 * without loading the template engine (a unit test keeps the two equal).
 */
export const PROJECT_STAMP_PATH = '.slipway/project.json';

/**
 * The name of the template a project was made from, read from its stamp without
 * validating the rest (the `doctor` step validates it). Throws `PROJECT_NOT_FOUND`
 * outside a Slipway project.
 */
export function projectTemplate(projectDir: string): string {
  const path = join(projectDir, PROJECT_STAMP_PATH);
  if (!existsSync(path)) {
    throw new SlipwayError({
      code: 'PROJECT_NOT_FOUND',
      component: 'Project',
      message: `${projectDir} is not a Slipway project (no ${PROJECT_STAMP_PATH})`,
      recovery: ['Run it inside a project made by `slipway create`', 'Or: slipway create <dir>'],
    });
  }
  try {
    const stamp = JSON.parse(readFileSync(path, 'utf8')) as { template?: { name?: unknown } };
    return typeof stamp.template?.name === 'string' ? stamp.template.name : 'unknown';
  } catch {
    return 'unknown';
  }
}

import { SlipwayError } from '@slipway/core';
import type { LifecycleContract } from '@slipway/core';

/**
 * The contract of a repository without a stamp or `slipway.yaml`, read from its manifests.
 * Until inference lands, such a repository is refused as before.
 */
export function inferContract(projectDir: string): {
  contract: LifecycleContract;
  notes: string[];
} {
  throw new SlipwayError({
    code: 'PROJECT_NOT_FOUND',
    component: 'Project',
    message: `${projectDir} is not a Slipway project (no .slipway/project.json or slipway.yaml)`,
    recovery: ['Run it inside a project made by `slipway create`', 'Or: slipway create <dir>'],
  });
}

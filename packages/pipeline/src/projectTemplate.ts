import { readProjectStamp } from '@slipway/core';
import { resolveContract } from './contract/resolveContract.js';

/**
 * What a project was made from, for telemetry and reports: its template's name from the
 * stamp; for a repository Slipway did not create, where its contract comes from
 * (`slipway.yaml` or `inferred`). Throws `PROJECT_NOT_FOUND` or `UNSUPPORTED` where no
 * contract can be had; an unreadable stamp gives `unknown` (the `doctor` step reports why).
 */
export function projectTemplate(projectDir: string): string {
  try {
    return readProjectStamp(projectDir).template.name;
  } catch (error) {
    if ((error as { code?: string }).code !== 'PROJECT_NOT_FOUND') return 'unknown';
    return resolveContract(projectDir).source;
  }
}

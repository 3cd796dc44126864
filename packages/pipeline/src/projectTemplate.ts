import { readProjectStamp } from '@slipway/core';

/**
 * The name of the template a project was made from, from its stamp. Throws
 * `PROJECT_NOT_FOUND` outside a Slipway project; an unreadable stamp gives `unknown` (the
 * `doctor` step reports why).
 */
export function projectTemplate(projectDir: string): string {
  try {
    return readProjectStamp(projectDir).template.name;
  } catch (error) {
    if ((error as { code?: string }).code === 'PROJECT_NOT_FOUND') throw error;
    return 'unknown';
  }
}

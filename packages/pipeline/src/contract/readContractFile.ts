import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SlipwayError, formatZodIssues, lifecycleContractSchema } from '@slipway/core';
import type { LifecycleContract } from '@slipway/core';

/** The contract file a repository may carry at its root; it overrides inference. */
export const CONTRACT_FILE = 'slipway.yaml';

/**
 * Reads `slipway.yaml` with the contract schema; undefined when there is none. Invalid
 * YAML or a field the schema refuses is `CONFIG_INVALID`, naming the field's path.
 */
export function readContractFile(projectDir: string): LifecycleContract | undefined {
  const path = join(projectDir, CONTRACT_FILE);
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw invalid(path, [(cause as Error).message]);
  }
  const parsed = lifecycleContractSchema.safeParse(value);
  if (!parsed.success) throw invalid(path, formatZodIssues(parsed.error));
  return parsed.data;
}

function invalid(path: string, issues: readonly string[]): SlipwayError {
  return new SlipwayError({
    code: 'CONFIG_INVALID',
    component: 'Project',
    message: `${path} is not a valid lifecycle contract:\n    ${issues.join('\n    ')}`,
    location: { file: path },
    recovery: [`Fix ${CONTRACT_FILE} (schema: packages/core/schemas/lifecycle-contract.json)`],
  });
}

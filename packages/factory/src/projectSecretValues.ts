import { join } from 'node:path';
import { readEnvFile, secretValuesOf } from '@slipway/secrets';

/**
 * Known secret values of a project, for redaction: values in `.env.local` whose names are
 * secret names (the template's generated session secrets, provider keys), plus extra
 * values such as a `--database-url` that may carry a password.
 */
export function projectSecretValues(
  projectDir: string,
  extra: readonly (string | undefined)[] = [],
): string[] {
  const values = extra.filter((value): value is string => Boolean(value));
  return [...values, ...secretValuesOf(readEnvFile(join(projectDir, '.env.local')))];
}

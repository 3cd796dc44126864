import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SECRET_NAME = /SECRET|TOKEN|PASSWORD|API_KEY|PRIVATE/i;

/**
 * Known secret values of a project, for redaction: values in `.env.local` whose names look
 * secret (the template's generated session secrets, provider keys), plus extra values such
 * as a database URL that may carry a password.
 */
export function projectSecretValues(
  projectDir: string,
  extra: readonly (string | undefined)[] = [],
): string[] {
  const values = extra.filter((value): value is string => Boolean(value));
  const file = join(projectDir, '.env.local');
  if (!existsSync(file)) return values;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/.exec(line);
    if (match?.[1] && match[2] && SECRET_NAME.test(match[1])) values.push(match[2]);
  }
  return values;
}

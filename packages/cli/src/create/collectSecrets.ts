import type { ProjectConfig, SecretValue } from '@slipway/core';

/**
 * Secret values the project config gives for `.env.local`, by environment variable:
 * the auth client secret as `AUTH_CLIENT_SECRET`, each AI provider's key as
 * `AI_<NAME>_API_KEY`. Inline values and `{ env: NAME }` are read now; `{ secret: NAME }`
 * references stay references, resolved from the secrets store when the app runs.
 */
export function collectSecrets(config: ProjectConfig | undefined): Record<string, string> {
  const secrets: Record<string, string> = {};
  const add = (name: string, value: SecretValue | undefined) => {
    const resolved = readSecret(value);
    if (resolved !== undefined) secrets[name] = resolved;
  };
  add('AUTH_CLIENT_SECRET', config?.auth?.clientSecret);
  for (const provider of config?.ai?.providers ?? []) {
    add(`AI_${provider.name.toUpperCase().replaceAll('-', '_')}_API_KEY`, provider.apiKey);
  }
  return secrets;
}

function readSecret(value: SecretValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if ('env' in value) return process.env[value.env];
  return undefined;
}

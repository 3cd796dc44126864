import pc from 'picocolors';
import { SlipwayError } from '@slipway/core';
import { createLocalSecretsStore } from '@slipway/secrets';
import { readSecretValue } from './readSecretValue.js';

interface ScopeFlags {
  scope?: string;
  json?: boolean;
}

/** `slipway secrets set NAME [value]`: the value from the argument, stdin or a hidden prompt. */
export async function runSecretsSet(options: {
  name: string;
  value: string | undefined;
  flags: ScopeFlags;
}): Promise<void> {
  const store = createLocalSecretsStore({ scope: options.flags.scope });
  const value = options.value ?? (await readSecretValue(options.name));
  const info = await store.set(options.name, value);
  console.log(`${pc.green('✔')} saved ${info.name} (scope ${info.scope}) in ${store.file}`);
}

/** `slipway secrets get NAME`: the one command that prints a value. */
export async function runSecretsGet(name: string, flags: ScopeFlags): Promise<void> {
  const value = createLocalSecretsStore({ scope: flags.scope }).get(name);
  if (value === undefined) throw notFound(name, flags.scope);
  process.stdout.write(`${value}\n`);
}

export async function runSecretsList(flags: ScopeFlags): Promise<void> {
  const secrets = createLocalSecretsStore({ scope: flags.scope }).list();
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, secrets }, null, 2)}\n`);
    return;
  }
  if (secrets.length === 0) {
    console.log(`No secrets in scope ${flags.scope ?? 'default'}.`);
    return;
  }
  for (const secret of secrets) console.log(`${secret.name}  ${pc.dim(secret.updatedAt)}`);
}

export async function runSecretsRemove(name: string, flags: ScopeFlags): Promise<void> {
  const removed = await createLocalSecretsStore({ scope: flags.scope }).remove(name);
  if (!removed) throw notFound(name, flags.scope);
  console.log(`${pc.green('✔')} removed ${name}`);
}

function notFound(name: string, scope = 'default'): SlipwayError {
  return new SlipwayError({
    code: 'NOT_FOUND',
    component: 'Secrets',
    message: `No secret ${name} in scope ${scope}.`,
    recovery: [`slipway secrets list --scope ${scope}`],
  });
}

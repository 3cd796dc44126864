import type { Command } from 'commander';
import type { ActionRunner } from './actionRunner.js';

interface ScopeFlags {
  scope?: string;
  json?: boolean;
}

const SCOPE_HELP = 'secrets scope, e.g. a project name (default: "default")';

/**
 * `slipway secrets set|get|list|rm|materialize`: the local store under `~/.slipway`.
 * Values are printed by `get` only.
 */
export function registerSecretsCommand(program: Command, withExitCode: ActionRunner): void {
  const secrets = program
    .command('secrets')
    .description('Keep secrets encrypted under ~/.slipway and hand them to commands')
    .enablePositionalOptions();
  const run = async () => import('../secrets/runSecrets.js');
  secrets
    .command('set')
    .description('Store a secret; without <value> it is read from stdin (or prompted, hidden)')
    .argument('<name>', 'environment-variable name, e.g. STRIPE_KEY')
    .argument('[value]', 'the value (prefer stdin: arguments land in shell history)')
    .option('--scope <name>', SCOPE_HELP)
    .action(async (name: string, value: string | undefined, flags: ScopeFlags) =>
      (await run()).runSecretsSet({ name, value, flags }),
    );
  secrets
    .command('get')
    .description('Print a secret value')
    .argument('<name>')
    .option('--scope <name>', SCOPE_HELP)
    .action(async (name: string, flags: ScopeFlags) => (await run()).runSecretsGet(name, flags));
  secrets
    .command('list')
    .description('List secret names (never values)')
    .option('--scope <name>', SCOPE_HELP)
    .option('--json', 'print JSON')
    .action(async (flags: ScopeFlags) => (await run()).runSecretsList(flags));
  secrets
    .command('rm')
    .description('Remove a secret')
    .argument('<name>')
    .option('--scope <name>', SCOPE_HELP)
    .action(async (name: string, flags: ScopeFlags) => (await run()).runSecretsRemove(name, flags));
  secrets
    .command('materialize')
    .description(
      'Write the secrets to a 0600 env file, run <command> with SLIPWAY_ENV_FILE set to it, remove the file when it exits',
    )
    .argument('<command...>', 'the command and its arguments, after --')
    .option('--scope <name>', SCOPE_HELP)
    .option('-o, --output <file>', 'where to write the env file (default: a private temp folder)')
    .passThroughOptions()
    .addHelpText(
      'after',
      `
Examples:
  $ slipway secrets materialize -- sh -c 'cat "$SLIPWAY_ENV_FILE"'
  $ slipway secrets materialize -o .env.runtime -- docker compose --env-file .env.runtime up`,
    )
    .action(
      withExitCode(async (command: string[], flags: ScopeFlags & { output?: string }) =>
        (await import('../secrets/runMaterialize.js')).runMaterialize(command, flags),
      ),
    );
}

import type { Command } from 'commander';
import type { CreateFlags } from '../create/createFlags.js';

export function registerCreateCommand(program: Command): void {
  program
    .command('create')
    .description(
      'Generate a project from a template: plan it in memory, validate it, then write it atomically',
    )
    .argument('<dir>', 'folder to create (its name is the default repository name)')
    .option(
      '-t, --template <name|path>',
      'built-in template name or template folder (default: saas)',
    )
    .option(
      '-n, --name <scope>',
      'project name: the package scope, e.g. acme → @acme/api (default: from <dir>)',
    )
    .option(
      '--repo-name <name>',
      'repository / folder name, kept apart from the scope (default: <dir> name)',
    )
    .option('-m, --modules <list>', 'comma-separated modules, e.g. access,kb ("" for none)')
    .option('-c, --config <file>', 'project config file (setup.yaml); flags override it')
    .option('--set <key=value>', 'answer a template parameter (repeatable)', collect, [])
    .option('--dry-run', 'print the file tree with sizes and what would change; write nothing')
    .option('--diff', 'with --dry-run, also print a unified diff of changed files')
    .option(
      '-f, --force',
      'write into a non-empty folder, replacing generated files (keeps .env.local)',
    )
    .option('-y, --yes', 'never prompt; use defaults for what is not given')
    .option('--json', 'print a machine-readable result')
    .addHelpText(
      'after',
      `
Examples:
  $ slipway create acme-stack --name acme --modules access,kb
  $ slipway create my-app --config setup.yaml --dry-run
  $ slipway create my-app --set awsRegion=eu-west-1 --yes`,
    )
    // The engine loads only when the command runs, so `slipway --help` starts fast.
    .action(async (dir: string, flags: CreateFlags) =>
      (await import('../create/runCreate.js')).runCreate(dir, flags),
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

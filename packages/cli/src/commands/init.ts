import type { Command } from 'commander';

export interface InitFlags {
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
}

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(
      'Read a JS repository Slipway did not create and write what it inferred to slipway.yaml, for review',
    )
    .argument('[dir]', 'repository folder', '.')
    .option('--dry-run', 'print the inferred slipway.yaml; write nothing')
    .option('-f, --force', 'overwrite an existing slipway.yaml')
    .option('--json', 'print the contract and the notes as JSON')
    .addHelpText(
      'after',
      `
Reads package.json files, lockfiles (pnpm, npm, yarn), turbo.json / nx.json / workspaces,
the start scripts (node, tsx, next start, vite preview, Vite builds with no server) and
the ports and health routes the apps name. While slipway.yaml exists, \`slipway up\` uses it
instead of inferring; \`slipway validate\` checks it.

Examples:
  $ slipway init --dry-run     # what Slipway would run, nothing written
  $ slipway init               # write slipway.yaml, then review and commit it
  $ slipway init --force       # infer again over an existing slipway.yaml`,
    )
    .action(async (dir: string, flags: InitFlags) =>
      (await import('../lifecycle/runInitCommand.js')).runInitCommand(dir, flags),
    );
}

import type { Command } from 'commander';

export function registerDevCommand(program: Command): void {
  program
    .command('dev')
    .description(
      "Run the project's dev servers (pnpm dev: web with hot reload, api in watch mode) with secrets as env",
    )
    .argument('[dir]', 'project folder', '.')
    .option('--scope <name>', 'secrets scope to inject (default: "default")')
    .action(async (dir: string, flags: { scope?: string }) =>
      (await import('../runtime/runDev.js')).runDev(dir, flags),
    );
}

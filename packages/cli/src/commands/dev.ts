import type { Command } from 'commander';
import type { ActionRunner } from './actionRunner.js';

export function registerDevCommand(program: Command, run: ActionRunner): void {
  program
    .command('dev')
    .description(
      "Run the project's dev servers (pnpm dev: web with hot reload, api in watch mode) with secrets as env",
    )
    .argument('[dir]', 'project folder', '.')
    .option('--scope <name>', 'secrets scope to inject (default: "default")')
    .action(
      run(async (dir: string, flags: { scope?: string }) =>
        (await import('../runtime/runDev.js')).runDev(dir, flags),
      ),
    );
}

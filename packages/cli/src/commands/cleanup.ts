import type { Command } from 'commander';

export function registerCleanupCommand(program: Command): void {
  program
    .command('cleanup')
    .description(
      "Stop the project's instances and delete their folders, logs and records (.slipway/instances)",
    )
    .argument('[dir]', 'project folder', '.')
    .option('--json', 'print the removed instance ids as JSON')
    .action(async (dir: string, flags: { json?: boolean }) =>
      (await import('../runtime/runCleanup.js')).runCleanup(dir, flags),
    );
}

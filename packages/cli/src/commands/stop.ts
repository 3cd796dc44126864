import type { Command } from 'commander';

export function registerStopCommand(program: Command): void {
  program
    .command('stop')
    .description("Stop the project's running instances (their records and logs are kept)")
    .argument('[dir]', 'project folder', '.')
    .option('--json', 'print the stopped instances as JSON')
    .action(async (dir: string, flags: { json?: boolean }) =>
      (await import('../runtime/runStop.js')).runStop(dir, flags),
    );
}

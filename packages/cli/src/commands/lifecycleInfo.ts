import type { Command } from 'commander';

/** `slipway status`, `slipway logs`, `slipway stats`: reading what `slipway up` left. */
export function registerLifecycleInfoCommands(program: Command): void {
  program
    .command('status')
    .description("The last run's steps (status, duration, cache) and the project's instances")
    .argument('[dir]', 'project folder', '.')
    .option('--json', 'print the state and instances as JSON')
    .action(async (dir: string, flags: { json?: boolean }) =>
      (await import('../lifecycle/runStatus.js')).runStatus(dir, flags),
    );
  program
    .command('logs')
    .description("Print a step's log from the last run that executed it (all steps without one)")
    .argument('[step]', 'a step, e.g. build or db:migrate')
    .option('-C, --dir <dir>', 'project folder', '.')
    .option('-f, --follow', 'keep printing as the log grows (Ctrl-C to stop)')
    .action(async (step: string | undefined, flags: { dir: string; follow?: boolean }) =>
      (await import('../lifecycle/runLogs.js')).runLogs(step, flags),
    );
  program
    .command('stats')
    .description('Runs, success rate, median and p95 duration, phase breakdown, common errors')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: { json?: boolean }) =>
      (await import('../lifecycle/runStats.js')).runStats(flags),
    );
}

import type { Command } from 'commander';
import type { ActionRunner } from './actionRunner.js';
import type { UpFlags } from '../lifecycle/upFlags.js';

export function registerUpCommand(program: Command, run: ActionRunner): void {
  program
    .command('up')
    .description(
      'Run the lifecycle — doctor, install, build, typecheck, lint, test, db, package, deploy, health, report — cached and resumable',
    )
    .argument('[dir]', 'project folder', '.')
    .option('--resume-from <step>', 'start at this step (after a failure `up` resumes on its own)')
    .option('--skip <steps>', 'comma-separated steps to leave out')
    .option('--only <steps>', 'comma-separated steps to run alone')
    .option(
      '--dry-run',
      'print the plan with predicted cache hits and misses; run and write nothing',
    )
    .option('--force', 'ignore the cache: run every planned step')
    .option('--cleanup', 'stop instances, remove outputs, artifacts and run state, then start over')
    .option('--concurrency <n>', 'steps running at once (default 2)')
    .option(
      '--database-url <url>',
      'apply migrations and seeds here (default: the embedded database)',
    )
    .option(
      '-c, --config <file>',
      "when [dir] does not exist, create the project from this config as the run's first step",
    )
    .option(
      '--health-timeout <seconds>',
      'how long a new instance has to pass its health check (default 60)',
    )
    .option('--no-deploy', 'stop after package: no deploy and no health check')
    .option(
      '--scope <name>',
      'secrets scope (slipway secrets) injected as env into steps and the instance',
      'default',
    )
    .option('--verbose', "stream every step's output")
    .option('--json', 'print the run (or the plan) as JSON')
    .addHelpText(
      'after',
      `
Steps: [create,] doctor, install, build, typecheck, lint, test, db:migrate, db:seed, package, deploy, health, report
State: .slipway/state.json · logs: .slipway/runs/<run>/<step>.log · report: .slipway/runs/<run>/report.json

Examples:
  $ slipway up                       # everything; a re-run does only what changed
  $ slipway up --dry-run             # the plan and why each step would run
  $ slipway up --only test --force   # just the tests, ignoring the cache
  $ slipway up --skip lint,test --no-deploy`,
    )
    .action(
      run(async (dir: string, flags: UpFlags) =>
        (await import('../lifecycle/runUp.js')).runUp(dir, flags),
      ),
    );
}

import type { Command } from 'commander';
import type { DoctorFlags } from '../lifecycle/runDoctorCommand.js';
import type { ActionRunner } from './actionRunner.js';

export function registerDoctorCommand(program: Command, run: ActionRunner): void {
  program
    .command('doctor')
    .description(
      "Pre-flight checks: node and the package manager against the project's engines, git, disk, port, project; exit 0 pass, 1 warnings, 2 failures",
    )
    .argument('[dir]', 'project folder (checks the machine alone outside a project)', '.')
    .option('--fix', 'repair what can be repaired')
    .option('--port <port>', "check this port is free (default: the ports of the contract's apps)")
    .option('--target <targets>', 'also check tools for: docker, aws, kubernetes, postgres')
    .option('--json', 'print the checks as JSON')
    .action(
      run(async (dir: string, flags: DoctorFlags) =>
        (await import('../lifecycle/runDoctorCommand.js')).runDoctorCommand(dir, flags),
      ),
    );
}

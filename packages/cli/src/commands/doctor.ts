import type { Command } from 'commander';

export function registerDoctorCommand(program: Command): void {
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
    .action(async (dir: string, flags: DoctorFlags) =>
      (await import('../lifecycle/runDoctorCommand.js')).runDoctorCommand(dir, flags),
    );
}

export interface DoctorFlags {
  fix?: boolean;
  port?: string;
  target?: string;
  json?: boolean;
}

import type { Command } from 'commander';
import type { ActionRunner } from './actionRunner.js';
import { registerAdminCommand } from './admin.js';
import { registerCleanupCommand } from './cleanup.js';
import { registerCreateCommand } from './create.js';
import { registerDevCommand } from './dev.js';
import { registerDoctorCommand } from './doctor.js';
import { registerLifecycleInfoCommands } from './lifecycleInfo.js';
import { registerInitCommand } from './init.js';
import { registerInitConfigCommand } from './initConfig.js';
import { registerPnpmCommand } from './pnpm.js';
import { registerSecretsCommand } from './secrets.js';
import { registerServeCommand } from './serve.js';
import { registerStopCommand } from './stop.js';
import { registerTemplatesCommand } from './templates.js';
import { registerUpCommand } from './up.js';
import { registerValidateCommand } from './validate.js';

/**
 * Every command registers itself on the program. One file per command under
 * `commands/`; add its register function here, in the order `--help` lists them. A
 * command whose handler resolves with an exit code passes it through `run`.
 */
export const COMMANDS: ReadonlyArray<(program: Command, run: ActionRunner) => void> = [
  registerCreateCommand,
  registerTemplatesCommand,
  registerValidateCommand,
  registerInitCommand,
  registerInitConfigCommand,
  registerUpCommand,
  registerLifecycleInfoCommands,
  registerDoctorCommand,
  registerDevCommand,
  registerStopCommand,
  registerCleanupCommand,
  registerSecretsCommand,
  registerPnpmCommand,
  registerServeCommand,
  registerAdminCommand,
];

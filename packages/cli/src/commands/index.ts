import type { Command } from 'commander';
import { registerAdminCommand } from './admin.js';
import { registerCleanupCommand } from './cleanup.js';
import { registerCreateCommand } from './create.js';
import { registerDevCommand } from './dev.js';
import { registerDoctorCommand } from './doctor.js';
import { registerLifecycleInfoCommands } from './lifecycleInfo.js';
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
 * `commands/`; add its register function here, in the order `--help` lists them.
 */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerCreateCommand,
  registerTemplatesCommand,
  registerValidateCommand,
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

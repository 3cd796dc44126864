import type { Command } from 'commander';
import { registerCreateCommand } from './create.js';
import { registerInitConfigCommand } from './initConfig.js';
import { registerPnpmCommand } from './pnpm.js';
import { registerServeCommand } from './serve.js';
import { registerTemplatesCommand } from './templates.js';
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
  registerPnpmCommand,
  registerServeCommand,
];

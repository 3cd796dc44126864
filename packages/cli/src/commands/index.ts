import type { Command } from 'commander';

/**
 * Every command registers itself on the program. One file per command under
 * `commands/`; add its register function here.
 */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [];

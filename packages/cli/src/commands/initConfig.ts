import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SlipwayError } from '@slipway/core/errors';
import { EXAMPLE_CONFIG } from '../create/exampleConfig.js';

export function registerInitConfigCommand(program: Command): void {
  program
    .command('init-config')
    .description('Print an example project config (setup.yaml) with every option explained')
    .option('-o, --output <file>', 'write it to a file instead of standard output')
    .option('-f, --force', 'overwrite the output file if it exists')
    .action((flags: { output?: string; force?: boolean }) => {
      if (!flags.output) {
        process.stdout.write(EXAMPLE_CONFIG);
        return;
      }
      const file = resolve(flags.output);
      if (existsSync(file) && !flags.force) {
        throw new SlipwayError({
          code: 'TARGET_NOT_EMPTY',
          component: 'CLI',
          message: `${file} already exists`,
          recovery: ['Choose another file, or add --force to overwrite it'],
        });
      }
      writeFileSync(file, EXAMPLE_CONFIG, { flag: flags.force ? 'w' : 'wx' });
      console.log(`Wrote ${file}. Next: slipway create <dir> --config ${flags.output}`);
    });
}

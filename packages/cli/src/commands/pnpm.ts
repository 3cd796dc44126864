import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import type { ActionRunner } from './actionRunner.js';
import { bundledPnpm } from '@slipway/pipeline/pnpm';

// The resolver lives in @slipway/pipeline (its steps run pnpm too); re-exported for the
// CLI's other commands. `@slipway/pipeline/pnpm` is one small module, cheap at start-up.
export { bundledPnpm };

export function registerPnpmCommand(program: Command, run: ActionRunner): void {
  program
    .command('pnpm')
    .description(
      'Run the pnpm bundled with Slipway in the current folder (e.g. slipway pnpm install)',
    )
    .argument('[args...]', 'arguments for pnpm')
    .allowUnknownOption()
    .passThroughOptions()
    .helpOption(false)
    .action(
      run(
        (args: string[]) =>
          new Promise<number>((resolveExit) => {
            const child = spawn(process.execPath, [bundledPnpm(), ...args], { stdio: 'inherit' });
            child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 128 : 1)));
          }),
      ),
    );
}

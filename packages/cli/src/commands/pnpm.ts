import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';

const require = createRequire(import.meta.url);

/** The pnpm entry point Slipway ships with, so users never install pnpm themselves. */
export function bundledPnpm(): string {
  // pnpm exports only its package.json (as "."): locate that and join the bin path.
  return join(dirname(require.resolve('pnpm')), 'bin', 'pnpm.cjs');
}

export function registerPnpmCommand(program: Command): void {
  program
    .command('pnpm')
    .description(
      'Run the pnpm bundled with Slipway in the current folder (e.g. slipway pnpm install)',
    )
    .argument('[args...]', 'arguments for pnpm')
    .allowUnknownOption()
    .passThroughOptions()
    .helpOption(false)
    .action(async (args: string[]) => {
      process.exitCode = await new Promise<number>((resolveExit) => {
        const child = spawn(process.execPath, [bundledPnpm(), ...args], { stdio: 'inherit' });
        child.on('exit', (code, signal) => resolveExit(code ?? (signal ? 128 : 1)));
      });
    });
}

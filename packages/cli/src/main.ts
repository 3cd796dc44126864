import { Command, CommanderError } from 'commander';
import { EXIT_CODE, SlipwayError, errorToJson, renderFinding } from '@slipway/core/errors';
import { paintSeverity } from './output/paint.js';
import type { ActionRunner } from './commands/actionRunner.js';
import { COMMANDS } from './commands/index.js';
import { SLIPWAY_VERSION } from './version.js';

/**
 * Runs the CLI with `argv` (as `process.argv`) and resolves to the process exit code.
 * The one place that turns errors into text and exit codes.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = createProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return reportError(error, argv.includes('--json'));
  }
}

/** The `slipway` program; `onExit` receives the exit code a command's handler resolved with. */
export function createProgram(onExit: (code: number) => void = () => undefined): Command {
  const run: ActionRunner =
    (handler) =>
    async (...args) =>
      onExit((await handler(...args)) ?? 0);
  const program = new Command('slipway')
    .description('Slipway — describe an app or pick a template; get a real, running project.')
    .version(SLIPWAY_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Global options go before the command, so `slipway pnpm --version` reaches pnpm.
    .enablePositionalOptions()
    .exitOverride();
  for (const register of COMMANDS) register(program, run);
  return program;
}

function reportError(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // Commander already printed help, the version or the usage problem.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: errorToJson(error) }, null, 2)}\n`);
  } else if (error instanceof SlipwayError) {
    process.stderr.write(`${renderFinding(error, { paint: paintSeverity })}\n`);
  } else {
    process.stderr.write(`${renderFinding(errorToJson(error), { paint: paintSeverity })}\n`);
    if (error instanceof Error && error.stack && process.env.SLIPWAY_DEBUG) {
      process.stderr.write(`${error.stack}\n`);
    }
  }
  return error instanceof SlipwayError ? EXIT_CODE[error.code] : 1;
}

/**
 * Wraps a command handler for commander. A handler resolves with its exit code (nothing
 * means 0) and never sets `process.exitCode`: `main` makes the code the process's, so
 * `--json` or not, one outcome exits with one code.
 */
export type ActionRunner = <A extends unknown[]>(
  handler: (...args: A) => Promise<number | void>,
) => (...args: A) => Promise<void>;

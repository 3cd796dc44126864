import { constants } from 'node:os';
import { createLocalSecretsStore, materializeSecrets } from '@slipway/secrets';

/**
 * `slipway secrets materialize -- <command…>`. Ctrl-C reaches the command through the
 * terminal; this process ignores it, waits for the command, removes the file, and exits
 * with the command's code. SIGTERM is passed on to the command.
 */
export async function runMaterialize(
  command: string[],
  flags: { scope?: string; output?: string },
): Promise<number> {
  const [program, ...args] = command as [string, ...string[]];
  const values = createLocalSecretsStore({ scope: flags.scope }).resolve();
  const controller = new AbortController();
  const ignore = () => {};
  const forward = () => controller.abort();
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  try {
    const result = await materializeSecrets({
      values,
      command: program,
      args,
      file: flags.output,
      // The key that decrypts the store stays with Slipway.
      env: { ...process.env, SLIPWAY_SECRET_KEY: undefined },
      signal: controller.signal,
    });
    const signalNumber = result.signal ? constants.signals[result.signal] : undefined;
    return result.exitCode ?? 128 + (signalNumber ?? 0);
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', forward);
    process.off('SIGHUP', forward);
  }
}

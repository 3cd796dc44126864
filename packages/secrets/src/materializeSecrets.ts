import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';
import { formatEnvFile } from './formatEnvFile.js';

export interface MaterializeSecretsOptions {
  /** The secrets to write. */
  values: Readonly<Record<string, string>>;
  command: string;
  args?: readonly string[];
  /** Where to write the env file. @default `<fresh 0700 temp dir>/secrets.env` */
  file?: string;
  cwd?: string;
  /** The command's environment, plus `SLIPWAY_ENV_FILE`. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Aborting sends the command SIGTERM; the file goes when it exits. */
  signal?: AbortSignal;
  /** @default 'inherit' */
  stdio?: 'inherit' | 'ignore';
}

export interface MaterializeSecretsResult {
  /** The command's exit code; null when a signal ended it. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Where the file was; it no longer exists. */
  file: string;
}

/**
 * Writes `values` to a 0600 env file, runs `command` with `SLIPWAY_ENV_FILE` pointing at
 * it, and removes the file when the command exits — also when it fails to start, and
 * (synchronously) when this process exits first: secrets reach the disk in plain text
 * only on request and only while the command runs. Only SIGKILL of this process can
 * leave the file behind.
 */
export async function materializeSecrets(
  options: MaterializeSecretsOptions,
): Promise<MaterializeSecretsResult> {
  const temporaryDir =
    options.file === undefined ? mkdtempSync(join(tmpdir(), 'slipway-secrets-')) : undefined;
  const file = options.file ?? join(temporaryDir as string, 'secrets.env');
  const remove = () => {
    rmSync(file, { force: true });
    if (temporaryDir !== undefined) rmSync(temporaryDir, { recursive: true, force: true });
  };
  process.on('exit', remove);
  try {
    // `wx`: never overwrite (or follow a symlink planted at) an existing file.
    writeFileSync(file, formatEnvFile(options.values), { mode: 0o600, flag: 'wx' });
    return await run(options, file);
  } finally {
    remove();
    process.off('exit', remove);
  }
}

function run(options: MaterializeSecretsOptions, file: string): Promise<MaterializeSecretsResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.command, [...(options.args ?? [])], {
      cwd: options.cwd,
      env: { ...(options.env ?? process.env), SLIPWAY_ENV_FILE: file },
      stdio: options.stdio ?? 'inherit',
    });
    const onAbort = () => child.kill('SIGTERM');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.once('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new SlipwayError({
              code: 'TOOL_MISSING',
              component: 'Secrets',
              message: `Cannot run "${options.command}": no such command.`,
              cause: error,
            })
          : error,
      );
    });
    child.once('exit', (exitCode, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ exitCode, signal, file });
    });
  });
}

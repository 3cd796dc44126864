import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { expect } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(join(root, 'packages/cli/package.json'));

export const SLIPWAY_BIN = join(root, 'packages/cli/bin/slipway.js');
export const PNPM_BIN = join(dirname(require.resolve('pnpm')), 'bin', 'pnpm.cjs');
/** One content-addressed store for every generated project, so installs after the first are links. */
export const PNPM_STORE =
  process.env.SLIPWAY_PNPM_STORE ?? join(homedir(), '.slipway', 'pnpm-store');

/**
 * PATH as a user's shell has it: without the `node_modules/.bin` folders that `npm test`
 * and npx put first. Those hold a pnpm, which would hide a generated project's need for
 * one (turbo looks pnpm up on PATH).
 */
export const USER_PATH = (process.env.PATH ?? '')
  .split(':')
  .filter((entry) => !entry.endsWith('/node_modules/.bin'))
  .join(':');

export interface RunResult {
  code: number;
  output: string;
}

/** Runs a command to completion, capturing stdout and stderr together. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
) {
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      // NO_COLOR: assertions read plain text even where CI=true turns colour on.
      env: {
        ...process.env,
        PATH: USER_PATH,
        TURBO_TELEMETRY_DISABLED: '1',
        DO_NOT_TRACK: '1',
        NO_COLOR: '1',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Like `run`, but throws with the last lines of output when the command fails. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const tail = result.output.split('\n').slice(-60).join('\n');
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code} in ${options.cwd}:\n${tail}`,
    );
  }
  return result.output;
}

/** The JSON document `slipway … --json` prints after its progress lines. */
export function jsonFrom<T>(output: string): T {
  const start = output.indexOf('{\n');
  expect(start, output).toBeGreaterThanOrEqual(0);
  return JSON.parse(output.slice(start)) as T;
}

export const pnpm = (args: readonly string[], cwd: string) =>
  runOk(process.execPath, [PNPM_BIN, ...args], { cwd });
export const slipway = (args: readonly string[], cwd: string) =>
  run(process.execPath, [SLIPWAY_BIN, ...args], { cwd });

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface StartedProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved. */
  log(): string;
}

/** Starts a long-running process (a server), capturing its output. */
export function start(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): StartedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, PATH: USER_PATH, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('error', (error) => (output += `\n[spawn error] ${error.message}`));
  return { child, log: () => output };
}

/**
 * Polls `url` until it answers (any status) or `timeoutMs` passes; returns the response.
 * Gives up at once when `owner` (the server process) has exited.
 */
export async function waitForHttp(
  url: string,
  options: { timeoutMs?: number; owner?: StartedProcess } = {},
): Promise<Response> {
  const { timeoutMs = 30_000, owner } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (
      owner &&
      (owner.child.exitCode !== null ||
        owner.child.signalCode !== null ||
        owner.log().includes('[spawn error]'))
    ) {
      throw new Error(`the server exited before ${url} answered:\n${owner.log().slice(-3000)}`);
    }
    try {
      return await fetch(url);
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Stops a child process and waits for it to exit. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

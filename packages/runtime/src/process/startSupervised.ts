import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SlipwayError } from '@slipway/core';
import type { RestartPolicy } from '../instanceDriver.js';
import { isProcessAlive } from '@slipway/core/process';
import { tailLines } from '../internal/tailLines.js';
import type { StartCommand } from './resolveStartCommand.js';
import { readSupervisorState } from './supervisorState.js';

const require = createRequire(import.meta.url);

export interface SupervisedPaths {
  dir: string;
  appRoot: string;
  logFile: string;
  stateFile: string;
}

export interface StartSupervisedOptions {
  paths: SupervisedPaths;
  start: StartCommand;
  env: Record<string, string>;
  secretNames: readonly string[];
  restart?: RestartPolicy;
}

/** Grace period between SIGTERM and SIGKILL when an app is stopped. */
export const STOP_TIMEOUT_MS = 10_000;
/** How long a loaded machine may take to start Node and the supervisor. */
const SPAWN_TIMEOUT_MS = 20_000;

/**
 * Starts the supervisor detached (its own process group, no stdio tied to this process),
 * so it and the app outlive the CLI; resolves with its pid once it reports the app spawned.
 * Secret values reach it only through its environment, never through a file.
 */
export async function startSupervised(options: StartSupervisedOptions): Promise<number> {
  const { paths, start } = options;
  const configFile = join(paths.dir, 'supervisor.config.json');
  const config = {
    command: start.command,
    args: start.args,
    cwd: start.cwd,
    logFile: paths.logFile,
    stateFile: paths.stateFile,
    redactEnv: options.secretNames,
    restart: {
      maxRestarts: options.restart?.maxRestarts ?? 5,
      initialDelayMs: options.restart?.initialDelayMs ?? 500,
      maxDelayMs: options.restart?.maxDelayMs ?? 10_000,
      stableAfterMs: options.restart?.stableAfterMs ?? 30_000,
    },
    stopTimeoutMs: STOP_TIMEOUT_MS,
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  const supervisor = spawn(
    process.execPath,
    [require.resolve('@slipway/runtime/supervisor'), configFile],
    { cwd: start.cwd, env: options.env, detached: true, stdio: 'ignore' },
  );
  supervisor.unref();
  const pid = supervisor.pid;
  if (pid === undefined) throw new Error('the supervisor did not start');
  await waitForFirstReport(pid, paths);
  return pid;
}

async function waitForFirstReport(pid: number, paths: SupervisedPaths): Promise<void> {
  const deadline = Date.now() + SPAWN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (readSupervisorState(paths.stateFile) !== undefined) return;
    if (!isProcessAlive(pid)) break;
    await sleep(50);
  }
  throw new SlipwayError({
    code: 'STEP_FAILED',
    component: 'Runtime',
    message: `The instance supervisor did not start.\n${tailLines(paths.logFile, 20).join('\n')}`,
    recovery: [`cat ${paths.logFile}`],
  });
}

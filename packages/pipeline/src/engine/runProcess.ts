import { spawn } from 'node:child_process';
import { SlipwayError } from '@slipway/core/errors';
import type { ExecResult } from './stepDefinition.js';

export interface RunProcessOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  /** Receives each output line (stdout and stderr interleaved), before redaction. */
  onLine(line: string): void;
  /** Applied to the captured tail. @default identity */
  redact?: (line: string) => string;
}

/** Lines of output kept for error messages. */
const TAIL_LINES = 400;
/** Grace period between SIGTERM and SIGKILL when a run is aborted. */
const KILL_GRACE_MS = 3_000;

/** Process groups still running; killed if Slipway itself exits first (a second Ctrl-C). */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/**
 * Runs a command in its own process group (so `pnpm → turbo → tsc` all stop together)
 * and resolves with its exit code and the tail of its output. Aborting sends SIGTERM to
 * the group, then SIGKILL after a grace period.
 */
export function runProcess(options: RunProcessOptions): Promise<ExecResult> {
  installExitHook();
  const redact = options.redact ?? ((line: string) => line);
  return new Promise<ExecResult>((resolve, reject) => {
    if (options.signal.aborted) return reject(interrupted(options.command));
    const child = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const tail: string[] = [];
    const take = (line: string) => {
      options.onLine(line);
      tail.push(redact(line));
      if (tail.length > TAIL_LINES) tail.shift();
    };
    const flushOut = lineSplitter(take);
    const flushErr = lineSplitter(take);
    child.stdout.on('data', (chunk: Buffer) => flushOut.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => flushErr.push(chunk));
    const pid = child.pid;
    if (pid !== undefined) liveGroups.add(pid);
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      killGroup(pid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      options.signal.removeEventListener('abort', onAbort);
      if (pid !== undefined) liveGroups.delete(pid);
      reject(
        error.code === 'ENOENT'
          ? new SlipwayError({
              code: 'TOOL_MISSING',
              component: 'Pipeline',
              message: `${options.command} is not installed or not on PATH`,
              recovery: ['Run: slipway doctor'],
              cause: error,
            })
          : error,
      );
    });
    child.on('close', (code, signalName) => {
      options.signal.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      if (pid !== undefined) liveGroups.delete(pid);
      flushOut.end();
      flushErr.end();
      if (options.signal.aborted) return reject(interrupted(options.command));
      resolve({ exitCode: code ?? (signalName ? 128 : 1), output: tail.join('\n') });
    });
  });
}

function interrupted(command: string): SlipwayError {
  return new SlipwayError({
    code: 'INTERRUPTED',
    component: 'Pipeline',
    message: `stopped ${command} (interrupted)`,
    recovery: ['Run: slipway up   (resumes where it stopped)'],
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
}

function lineSplitter(onLine: (line: string) => void) {
  let pending = '';
  return {
    push(chunk: Buffer) {
      pending += chunk.toString('utf8');
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    },
    end() {
      if (pending) onLine(pending);
      pending = '';
    },
  };
}

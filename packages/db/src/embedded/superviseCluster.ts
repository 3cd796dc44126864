import type { ChildProcess } from 'node:child_process';
import { startParentWatchdog, type ParentWatchdog } from './parentWatchdog.js';

/** The embedded postmaster as the server reports it in health and metrics. */
export interface EmbeddedStatus {
  state: 'running' | 'restarting' | 'stopped';
  /** Restarts after the postmaster died on its own, since start. */
  restarts: number;
  /** Why it last died (exit code or signal), if it did. */
  lastExit?: string;
}

export interface ClusterSupervisor {
  status(): EmbeddedStatus;
  /** Stops supervising, then stops the postmaster with `signal`, SIGKILL after `timeoutMs`. */
  stop(signal: NodeJS.Signals, timeoutMs: number): Promise<void>;
}

export interface SuperviseOptions {
  child: ChildProcess;
  /** Starts a replacement postmaster (same port and data); rejects when it cannot. */
  restart(): Promise<ChildProcess>;
  lockPath: string;
  /** Backoff of restarts: doubles from `minDelayMs` up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Keeps the embedded postmaster running: when it exits without being asked to, it is
 * started again after a backoff (200 ms, doubling to 10 s between failed attempts). Each
 * postmaster gets a parent watchdog, so it also exits when this process dies.
 */
export function superviseCluster(options: SuperviseOptions): ClusterSupervisor {
  const minDelay = options.minDelayMs ?? 200;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const status: EmbeddedStatus = { state: 'running', restarts: 0 };
  let child = options.child;
  let watchdog: ParentWatchdog | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;

  const watch = (postmaster: ChildProcess): void => {
    watchdog?.dismiss();
    watchdog = startParentWatchdog({ pid: postmaster.pid!, lockPath: options.lockPath });
    postmaster.once('exit', (code, signal) => {
      if (stopping) return;
      status.state = 'restarting';
      status.lastExit = signal ?? `exit ${code}`;
      schedule();
    });
  };
  const schedule = (): void => {
    const delay = Math.min(minDelay * 2 ** failures, maxDelay);
    timer = setTimeout(() => void attempt(), delay);
    timer.unref();
  };
  const attempt = async (): Promise<void> => {
    try {
      const next = await options.restart();
      if (stopping) {
        next.kill('SIGINT');
        return;
      }
      child = next;
      failures = 0;
      status.restarts += 1;
      status.state = 'running';
      watch(next);
    } catch {
      failures += 1;
      if (!stopping) schedule();
    }
  };
  watch(child);

  return {
    status: () => ({ ...status }),
    async stop(signal, timeoutMs) {
      stopping = true;
      clearTimeout(timer);
      status.state = 'stopped';
      watchdog?.dismiss();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      const kill = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await gone;
      clearTimeout(kill);
    },
  };
}

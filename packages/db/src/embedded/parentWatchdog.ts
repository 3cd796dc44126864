import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs in `sh`: `read` blocks until this process's end of the pipe closes — it exited or
 * was SIGKILLed — then the postmaster gets a fast shutdown (SIGINT), SIGKILL if it is
 * still there after 10 s, and the data-dir lock is removed if it still names us.
 */
const SCRIPT = `read _
kill -INT "$1" 2>/dev/null
i=0
while kill -0 "$1" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i+1)); done
kill -KILL "$1" 2>/dev/null
[ "$(head -n 1 "$2" 2>/dev/null)" = "$3" ] && rm -f "$2"
exit 0`;

export interface ParentWatchdog {
  /** Stops watching (before an orderly stop of the postmaster). */
  dismiss(): void;
}

/**
 * Makes the postmaster `pid` exit with this process even when this process is SIGKILLed
 * and cannot run its exit handlers. A parent-death signal (`prctl(PR_SET_PDEATHSIG)`) is
 * not reachable from Node; a pipe is: the kernel closes our end when we die, whatever
 * the signal, and the watchdog — a tiny `sh` in its own process group — wakes at once.
 */
export function startParentWatchdog(options: { pid: number; lockPath: string }): ParentWatchdog {
  const child: ChildProcess = spawn(
    '/bin/sh',
    [
      '-c',
      SCRIPT,
      'slipway-postgres-watchdog',
      String(options.pid),
      options.lockPath,
      String(process.pid),
    ],
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  child.on('error', () => undefined);
  // Neither the process nor the pipe may keep this process's event loop alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    dismiss: () => {
      child.kill('SIGKILL');
    },
  };
}

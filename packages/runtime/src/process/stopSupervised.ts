import { setTimeout as sleep } from 'node:timers/promises';
import { isInProcessGroup } from '../internal/isInProcessGroup.js';
import { isProcessAlive } from '@slipway/core/process';
import { STOP_TIMEOUT_MS } from './startSupervised.js';

/**
 * Stops a supervised instance: SIGTERM to the supervisor (which stops the app and then
 * itself), or to the app when the supervisor is gone; what is still alive after the grace
 * period gets SIGKILL through the supervisor's process group, which holds the app and
 * whatever the app spawned. Pids no longer in that group (reused) are left alone.
 */
export async function stopSupervised(supervisorPid?: number, appPid?: number): Promise<void> {
  if (supervisorPid === undefined) return;
  const alive = (pid: number | undefined) =>
    pid !== undefined && isInProcessGroup(pid, supervisorPid);
  if (alive(supervisorPid)) {
    signal(supervisorPid, 'SIGTERM');
    await waitForExit(supervisorPid, STOP_TIMEOUT_MS + 2_000);
  } else if (alive(appPid)) {
    signal(appPid as number, 'SIGTERM');
    await waitForExit(appPid as number, STOP_TIMEOUT_MS);
  }
  for (const pid of [supervisorPid, appPid]) {
    if (!alive(pid)) continue;
    // The whole group: the supervisor, the app and whatever the app spawned.
    signal(-supervisorPid, 'SIGKILL');
    await waitForExit(pid as number, 2_000);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await sleep(50);
  }
  return !isProcessAlive(pid);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { isProcessAlive } from '@slipway/core/process';

/**
 * Whether `pid` is alive and still one of ours: in the process group the supervisor leads
 * (it was started detached, so its group id is its pid). Guards against a recorded pid
 * reused by an unrelated process after a reboot, and reads a zombie as gone. Where
 * `/proc` is missing (macOS) only liveness is checked.
 */
export function isInProcessGroup(pid: number, groupId: number): boolean {
  if (!existsSync('/proc/self/stat')) return isProcessAlive(pid);
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // proc(5): "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
  const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return state !== 'Z' && Number(group) === groupId;
}

import { readFileSync } from 'node:fs';
import type { InstanceExit } from '../instanceDriver.js';

/** What `supervisor/supervisor.mjs` writes to `<instance>/supervisor.json`. */
export interface SupervisorState {
  supervisorPid: number;
  state: 'running' | 'restarting' | 'crashed' | 'stopped';
  appPid?: number;
  restarts: number;
  lastExit?: InstanceExit;
  updatedAt: string;
}

/** The supervisor's last report; undefined before its first. */
export function readSupervisorState(path: string): SupervisorState | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SupervisorState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

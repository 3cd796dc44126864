import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { InstanceRecord } from '../instanceDriver.js';
import { instanceState } from './instanceState.js';

const record: InstanceRecord = {
  id: 'x',
  driver: 'process',
  role: 'active',
  url: 'http://127.0.0.1:1',
  port: 1,
  healthPath: '/health',
  dir: '/nowhere',
  logFile: '/nowhere/app.log',
  artifact: { path: '/nowhere' },
  startedAt: new Date(0).toISOString(),
};

describe('instanceState', () => {
  it('reads a recorded pid reused by an unrelated process as down', async () => {
    // Alive, but not the leader of its own process group as a supervisor is.
    const stranger = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)']);
    try {
      const state = instanceState(
        { ...record, pid: stranger.pid },
        {
          supervisorPid: stranger.pid!,
          state: 'running',
          appPid: stranger.pid,
          restarts: 0,
          updatedAt: '',
        },
      );
      expect(state).toBe(process.platform === 'linux' ? 'down' : 'running');
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('trusts a stop on record and a supervisor that gave up', () => {
    expect(instanceState({ ...record, stoppedAt: 'now' }, undefined)).toBe('stopped');
    expect(
      instanceState(
        { ...record, pid: 2 ** 22 + 1 },
        {
          supervisorPid: 1,
          state: 'crashed',
          restarts: 5,
          updatedAt: '',
        },
      ),
    ).toBe('crashed');
    expect(instanceState({ ...record, pid: 2 ** 22 + 1 }, undefined)).toBe('down');
  });
});

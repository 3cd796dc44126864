import type { InstanceRecord, InstanceState, InstanceStatus } from '../instanceDriver.js';
import { isInProcessGroup } from '../internal/isInProcessGroup.js';
import type { SupervisorState } from './supervisorState.js';

/**
 * An instance's live state from its record, its supervisor's last report and whether
 * their pids exist. A record without stoppedAt whose processes are all gone is `down`.
 */
export function instanceState(
  record: InstanceRecord,
  supervisor: SupervisorState | undefined,
): InstanceState {
  if (record.stoppedAt !== undefined) return 'stopped';
  const group = record.pid;
  const supervisorAlive = group !== undefined && isInProcessGroup(group, group);
  const appAlive =
    group !== undefined &&
    supervisor?.appPid !== undefined &&
    isInProcessGroup(supervisor.appPid, group);
  if (supervisor === undefined) return supervisorAlive ? 'starting' : 'down';
  if (supervisor.state === 'crashed' || supervisor.state === 'stopped') return supervisor.state;
  if (!supervisorAlive) return appAlive && supervisor.state === 'running' ? 'running' : 'down';
  if (supervisor.state === 'running') return appAlive ? 'running' : 'restarting';
  return 'restarting';
}

const PIPELINE_STATUS: Record<InstanceState, InstanceStatus['status']> = {
  starting: 'starting',
  running: 'running',
  restarting: 'starting',
  crashed: 'crashed',
  stopped: 'stopped',
  down: 'crashed',
};

/** Joins a record and its supervisor's report into what `status` returns. */
export function toInstanceStatus(
  record: InstanceRecord,
  supervisor: SupervisorState | undefined,
): InstanceStatus {
  const state = instanceState(record, supervisor);
  const appPid = state === 'running' ? supervisor?.appPid : undefined;
  return {
    ...record,
    state,
    status: PIPELINE_STATUS[state],
    ...(appPid === undefined ? {} : { appPid }),
    restarts: supervisor?.restarts ?? 0,
    ...(supervisor?.lastExit ? { lastExit: supervisor.lastExit } : {}),
  };
}

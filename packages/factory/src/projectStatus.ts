import type { RunState, RunStore } from '@slipway/pipeline';
import type { InstanceStatus } from '@slipway/runtime';
import type { InstanceControl } from './ports.js';

export interface ProjectStatus {
  /** The last run, or undefined before the first. */
  state: RunState | undefined;
  /** The project's instances with their live state. */
  instances: InstanceStatus[];
}

/** `status`: the last run's steps and the project's instances. Reads only. */
export async function projectStatus(ports: {
  store: RunStore;
  instances: InstanceControl;
}): Promise<ProjectStatus> {
  const state = await ports.store.load();
  const instances = await ports.instances.status();
  return { state, instances };
}

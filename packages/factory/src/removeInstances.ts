import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstanceControl } from './ports.js';

/**
 * `cleanup`: stops and deletes every instance of the project, with the folders of
 * instances whose records were lost (a crash between unpack and record). Resolves with
 * the removed instance ids.
 */
export async function removeInstances(options: {
  projectDir: string;
  instances: InstanceControl;
}): Promise<string[]> {
  const removed = await options.instances.remove();
  await rm(join(options.projectDir, '.slipway', 'instances'), { recursive: true, force: true });
  return removed;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';
import type { InstanceRecord } from '../instanceDriver.js';
import { withFileLock, writeFileAtomic } from '@slipway/core/files';

interface InstancesData {
  version: 1;
  instances: InstanceRecord[];
}

/** `.slipway/instances.json`: the project's instances, replaced atomically on each change. */
export function instancesFilePath(stateDir: string): string {
  return join(stateDir, 'instances.json');
}

export function readInstances(stateDir: string): InstanceRecord[] {
  const path = instancesFilePath(stateDir);
  if (!existsSync(path)) return [];
  let data: InstancesData;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as InstancesData;
  } catch (cause) {
    throw new SlipwayError({
      code: 'JSON_SYNTAX',
      component: 'Runtime',
      message: `${path} is not valid JSON; Slipway no longer knows this project's instances.`,
      recovery: ['slipway cleanup   # stops what it can find and starts the list afresh'],
      location: { file: path },
      cause,
    });
  }
  return Array.isArray(data.instances) ? data.instances : [];
}

/**
 * Read-modify-write under a lock, so a CLI and a server (or two CLIs) updating one
 * project's instances do not lose each other's change.
 */
export function updateInstances<T>(
  stateDir: string,
  change: (instances: InstanceRecord[]) => T,
): Promise<T> {
  const path = instancesFilePath(stateDir);
  return withFileLock(path, () => {
    const instances = readInstances(stateDir);
    const result = change(instances);
    const data: InstancesData = { version: 1, instances };
    writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
    return result;
  });
}

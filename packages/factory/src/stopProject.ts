import type { InstanceRecord } from '@slipway/runtime';
import type { InstanceControl } from './ports.js';

/** `stop`: stops every instance that is not stopped already; records and logs are kept. */
export async function stopProject(ports: {
  instances: InstanceControl;
}): Promise<InstanceRecord[]> {
  const running = (await ports.instances.status()).filter(
    (instance) => instance.state !== 'stopped',
  );
  return ports.instances.stop(running.map((instance) => instance.id));
}

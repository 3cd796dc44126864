import { resolve } from 'node:path';
import pc from 'picocolors';
import { createLocalPorts, removeInstances } from '@slipway/factory';

/** `slipway cleanup [dir]`: stops and deletes every instance of the project. */
export async function runCleanup(dir: string, flags: { json?: boolean }): Promise<void> {
  const projectDir = resolve(dir);
  const { instances } = createLocalPorts({ projectDir, deploy: false });
  const removed = await removeInstances({ projectDir, instances });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, removed }, null, 2)}\n`);
    return;
  }
  console.log(
    removed.length === 0
      ? `No instances in ${projectDir}.`
      : `${pc.green('✔')} removed ${removed.length} instance(s): ${removed.join(', ')}`,
  );
}

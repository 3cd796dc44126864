import { resolve } from 'node:path';
import pc from 'picocolors';
import { createLocalPorts, stopProject } from '@slipway/factory';

/** `slipway stop [dir]`: stops every instance of the project. */
export async function runStop(dir: string, flags: { json?: boolean }): Promise<void> {
  const projectDir = resolve(dir);
  const stopped = await stopProject(createLocalPorts({ projectDir, deploy: false }));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, stopped }, null, 2)}\n`);
    return;
  }
  if (stopped.length === 0) {
    console.log(`No running instances in ${projectDir}.`);
    return;
  }
  for (const instance of stopped) {
    console.log(`${pc.green('✔')} stopped ${instance.id} (${instance.role}, was ${instance.url})`);
  }
}

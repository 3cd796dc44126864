import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pc from 'picocolors';
import { createProcessDriver } from '@slipway/runtime';

/** `slipway cleanup [dir]`: stops and deletes every instance of the project. */
export async function runCleanup(dir: string, flags: { json?: boolean }): Promise<void> {
  const projectDir = resolve(dir);
  const removed = await createProcessDriver({ projectDir }).remove();
  // Folders of instances whose records were lost (a crash between unpack and record).
  rmSync(join(projectDir, '.slipway', 'instances'), { recursive: true, force: true });
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

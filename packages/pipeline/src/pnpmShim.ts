import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { writeFileAtomic } from '@slipway/core/files';
import { slipwayHome } from '@slipway/secrets';
import { bundledPnpm, bundledPnpmVersion } from './bundledPnpm.js';

/**
 * A folder holding an executable `pnpm` that runs the bundled pnpm with this Node, written
 * once per pnpm version (rewritten when Node or the bundle moved). Tools that look pnpm up
 * on PATH themselves — turbo resolves the package manager's binary before it runs a task,
 * and fails with "Unable to find package manager binary" without one — then find ours, so
 * a user needs no pnpm of their own.
 */
export function pnpmShimDir(home: string = slipwayHome()): string {
  const dir = join(home, 'bin', `pnpm-${bundledPnpmVersion()}`);
  const shim = join(dir, 'pnpm');
  const script = `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(bundledPnpm())} "$@"\n`;
  if (!existsSync(shim) || readFileSync(shim, 'utf8') !== script)
    writeFileAtomic(shim, script, 0o755);
  return dir;
}

/** `PATH` with the pnpm shim first, for the commands of a pnpm project. */
export function pathWithPnpm(path: string | undefined = process.env.PATH): string {
  return [pnpmShimDir(), ...(path ? [path] : [])].join(delimiter);
}

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import pc from 'picocolors';
import { SlipwayError } from '@slipway/core';
import { createLocalSecretsStore } from '@slipway/secrets';
import { pathWithPnpm } from '@slipway/pipeline';
import { bundledPnpm } from '../commands/pnpm.js';

/**
 * `slipway dev [dir]`: the project's `pnpm dev` with the bundled pnpm and the scope's
 * secrets added to its environment (never written to disk). Ctrl-C reaches pnpm through
 * the terminal; this process waits for it and exits with its code.
 */
export async function runDev(dir: string, flags: { scope?: string }): Promise<number> {
  const projectDir = resolve(dir);
  if (!existsSync(join(projectDir, 'package.json'))) {
    throw new SlipwayError({
      code: 'PROJECT_NOT_FOUND',
      component: 'CLI',
      message: `${projectDir} has no package.json: it is not a project folder.`,
      recovery: ['slipway dev <project-dir>', 'slipway create my-app'],
    });
  }
  const secrets = createLocalSecretsStore({ scope: flags.scope }).resolve();
  const names = Object.keys(secrets);
  console.error(
    pc.dim(
      names.length > 0
        ? `injecting ${names.length} secret(s): ${names.join(', ')}`
        : 'no secrets to inject (slipway secrets set NAME)',
    ),
  );
  return new Promise<number>((resolveExit, reject) => {
    const child = spawn(process.execPath, [bundledPnpm(), 'run', 'dev'], {
      cwd: projectDir,
      // turbo looks pnpm up on PATH: the bundled one, for users who have none.
      env: { ...process.env, PATH: pathWithPnpm(), SLIPWAY_SECRET_KEY: undefined, ...secrets },
      stdio: 'inherit',
    });
    const ignore = () => {};
    process.on('SIGINT', ignore);
    const forward = () => child.kill('SIGTERM');
    process.on('SIGTERM', forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolveExit(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}

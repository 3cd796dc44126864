import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import semver from 'semver';
import type { LifecycleContract } from '@slipway/core';
import { bundledPnpmVersion } from '../bundledPnpm.js';
import type { DoctorCheck } from './doctorCheck.js';

const run = promisify(execFile);

/** Slipway's own floor, used when the project names no `engines.node`. */
export const SLIPWAY_NODE_RANGE = '>=20.19';

/**
 * Node against the project's `engines.node` (Slipway's floor without one). A failure is
 * `TOOL_TOO_OLD` naming the range, the version running and two ways to get a fitting one.
 */
export function checkNodeEngine(range: string | undefined, current = process.version): DoctorCheck {
  const wanted = range ?? SLIPWAY_NODE_RANGE;
  const whose = range ? 'the project needs' : 'Slipway needs';
  if (semver.satisfies(current, wanted, { includePrerelease: true }))
    return { name: 'node', status: 'pass', detail: `${current} (${whose} ${wanted})` };
  const major = semver.minVersion(wanted)?.major;
  const fix = major
    ? `Install Node ${major}: nvm install ${major} && nvm use ${major}, or run once with it: npx -p node@${major} -- slipway up`
    : `Install a Node that satisfies ${wanted} (https://nodejs.org)`;
  return {
    name: 'node',
    status: 'fail',
    detail: `${current} is running, ${whose} ${wanted}`,
    fix,
    code: 'TOOL_TOO_OLD',
  };
}

type PackageManager = LifecycleContract['packageManager'];

/**
 * The package manager the project uses, against its `engines.<pm>` range and the version
 * `packageManager` pins. pnpm is Slipway's bundled copy; npm and yarn are the ones on PATH.
 */
export async function checkPackageManagerEngine(
  packageManager: PackageManager,
  range: string | undefined,
): Promise<DoctorCheck> {
  const name = packageManager.name;
  const current = await installedVersion(name);
  if (!current)
    return {
      name,
      status: 'fail',
      detail: 'not found on PATH',
      fix: name === 'yarn' ? 'corepack enable' : 'Install Node.js, which ships npm',
      code: 'TOOL_MISSING',
    };
  const label = name === 'pnpm' ? `${current} (bundled)` : current;
  if (range && !semver.satisfies(current, range, { includePrerelease: true }))
    return {
      name,
      status: 'fail',
      detail: `${label}, the project needs ${range}`,
      fix: `corepack enable && corepack prepare ${name}@${semver.minVersion(range)?.version ?? 'latest'} --activate`,
      code: 'TOOL_TOO_OLD',
    };
  const pinned = packageManager.version;
  if (pinned && pinned !== current)
    return {
      name,
      status: 'warn',
      detail: `${label}, the project pins ${pinned}`,
      fix: `Set "packageManager": "${name}@${current}" in package.json, or corepack enable`,
    };
  return { name, status: 'pass', detail: range ? `${label} (the project needs ${range})` : label };
}

async function installedVersion(name: PackageManager['name']): Promise<string | undefined> {
  if (name === 'pnpm') return bundledPnpmVersion();
  try {
    const { stdout } = await run(name, ['--version'], { timeout: 5_000 });
    return semver.valid(stdout.trim()) ?? undefined;
  } catch {
    return undefined;
  }
}

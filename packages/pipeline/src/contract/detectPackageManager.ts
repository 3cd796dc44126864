import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';
import type { PackageManagerName } from '@slipway/core';
import type { PackageJson } from './readPackageJson.js';

export interface DetectedPackageManager {
  name: PackageManagerName;
  version?: string;
  note: string;
}

const SUPPORTED = 'pnpm (pnpm-lock.yaml), npm (package-lock.json) or yarn (yarn.lock)';

/** Lockfiles by the package manager that writes them, in the order they are looked for. */
const LOCKFILES: ReadonlyArray<readonly [string, PackageManagerName]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['yarn.lock', 'yarn'],
];

/** Lockfiles of package managers Slipway cannot drive, named in the `UNSUPPORTED` error. */
const FOREIGN_LOCKFILES: ReadonlyArray<readonly [string, string]> = [
  ['bun.lockb', 'bun'],
  ['bun.lock', 'bun'],
  ['deno.lock', 'deno'],
];

/**
 * The package manager: `packageManager` in package.json wins (it is what corepack obeys),
 * then the lockfile; a repository with neither is npm's, the default of Node.
 */
export function detectPackageManager(
  projectDir: string,
  root: PackageJson,
): DetectedPackageManager {
  if (root.packageManager) return fromField(root.packageManager);
  for (const [file, name] of LOCKFILES) {
    if (existsSync(join(projectDir, file)))
      return { name, note: `package manager: ${name} (${file})` };
  }
  for (const [file, tool] of FOREIGN_LOCKFILES) {
    if (existsSync(join(projectDir, file))) throw unsupported(`${file} (${tool})`, projectDir);
  }
  return {
    name: 'npm',
    note: 'package manager: npm (no lockfile and no "packageManager"; npm is the default)',
  };
}

function fromField(field: string): DetectedPackageManager {
  const match = /^(pnpm|npm|yarn)@([^+\s]+)/.exec(field);
  if (!match) throw unsupported(`"packageManager": "${field}" in package.json`);
  const [, name, version] = match as unknown as [string, PackageManagerName, string];
  return {
    name,
    version,
    note: `package manager: ${name} ${version} ("packageManager" in package.json)`,
  };
}

/** The one error for a repository Slipway cannot run, naming what it found and what works. */
export function unsupported(found: string, projectDir?: string): SlipwayError {
  return new SlipwayError({
    code: 'UNSUPPORTED',
    component: 'Project',
    message: `Slipway cannot run this repository: it found ${found}${projectDir ? ` in ${projectDir}` : ''}. Supported: a package.json with ${SUPPORTED}.`,
    recovery: [
      'Switch to a supported package manager (e.g. npm install, to write package-lock.json)',
      'Or describe the project in slipway.yaml: slipway init --help',
    ],
  });
}

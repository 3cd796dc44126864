import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A workspace package: its name, folder (relative to the root) and scripts. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  scripts: Readonly<Record<string, string>>;
}

/** The parts of a pnpm workspace the steps need. */
export interface Workspace {
  /** The root package.json's scripts. */
  scripts: Readonly<Record<string, string>>;
  /** The `pnpm@x.y.z` of `packageManager`, when set. */
  packageManager?: string;
  /** The root `engines.node` range, when set. */
  nodeRange?: string;
  packages: readonly WorkspacePackage[];
  /** Package name → folder, to turn paths printed inside a package into project paths. */
  packageDirs: ReadonlyMap<string, string>;
}

interface Manifest {
  name?: string;
  scripts?: Record<string, string>;
  packageManager?: string;
  engines?: { node?: string };
}

/**
 * Reads the root manifest and the packages matched by `pnpm-workspace.yaml` (`dir/*`
 * patterns and plain folders, which is what generated projects use).
 */
export function readWorkspace(projectDir: string): Workspace {
  const root = readManifest(join(projectDir, 'package.json')) ?? {};
  const packages: WorkspacePackage[] = [];
  for (const dir of workspaceDirs(projectDir)) {
    const manifest = readManifest(join(projectDir, dir, 'package.json'));
    if (manifest?.name)
      packages.push({ name: manifest.name, dir, scripts: manifest.scripts ?? {} });
  }
  return {
    scripts: root.scripts ?? {},
    ...(root.packageManager ? { packageManager: root.packageManager } : {}),
    ...(root.engines?.node ? { nodeRange: root.engines.node } : {}),
    packages,
    packageDirs: new Map(packages.map((pkg) => [pkg.name, pkg.dir])),
  };
}

function workspaceDirs(projectDir: string): string[] {
  const file = join(projectDir, 'pnpm-workspace.yaml');
  if (!existsSync(file)) return [];
  const patterns = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^\s*-\s*['"]?([^'"#]+?)['"]?\s*$/.exec(line)?.[1])
    .filter((pattern): pattern is string => pattern !== undefined && !pattern.startsWith('!'));
  const dirs: string[] = [];
  for (const pattern of patterns) {
    if (!pattern.endsWith('/*')) {
      dirs.push(pattern);
      continue;
    }
    const parent = pattern.slice(0, -2);
    if (!existsSync(join(projectDir, parent))) continue;
    for (const entry of readdirSync(join(projectDir, parent), { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(`${parent}/${entry.name}`);
    }
  }
  return dirs.sort();
}

function readManifest(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

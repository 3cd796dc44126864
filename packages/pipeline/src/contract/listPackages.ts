import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { readPackageJson } from './readPackageJson.js';
import type { PackageJson } from './readPackageJson.js';

/** A package of the repository: its folder relative to the root (`.` for the root). */
export interface RepoPackage {
  dir: string;
  manifest: PackageJson;
}

/**
 * The root package and every workspace package matched by `patterns` (negated patterns
 * exclude, as in pnpm and npm), sorted by folder so inference is stable.
 */
export function listPackages(projectDir: string, patterns: readonly string[]): RepoPackage[] {
  const root: RepoPackage = {
    dir: '.',
    manifest: readPackageJson(join(projectDir, 'package.json')) ?? {},
  };
  if (patterns.length === 0) return [root];
  const files = globSync(
    patterns.map((pattern) => `${pattern.replace(/\/+$/, '')}/package.json`),
    { cwd: projectDir, ignore: ['**/node_modules/**'], expandDirectories: false },
  );
  const members = files
    .map((file) => dirname(file))
    .filter((dir) => dir !== '.')
    .sort()
    .map((dir) => ({
      dir,
      manifest: readPackageJson(join(projectDir, dir, 'package.json')) ?? {},
    }));
  return [root, ...members];
}

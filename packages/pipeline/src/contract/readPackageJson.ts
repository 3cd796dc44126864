import { existsSync, readFileSync } from 'node:fs';
import { SlipwayError } from '@slipway/core';

/** The fields of a package.json that inference reads. */
export interface PackageJson {
  name?: string;
  private?: boolean;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  packageManager?: string;
  engines?: Record<string, string>;
  workspaces?: string[] | { packages?: string[] };
}

/** Parses `file`, or `undefined` when it does not exist; broken JSON is `JSON_SYNTAX`. */
export function readPackageJson(file: string): PackageJson | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as PackageJson) : {};
  } catch (cause) {
    throw new SlipwayError({
      code: 'JSON_SYNTAX',
      component: 'Project',
      message: `${file} is not valid JSON.`,
      location: { file },
      cause,
    });
  }
}

/** Whether the package depends on `name` at run time (`dependencies`) or at all. */
export function dependsOn(manifest: PackageJson, name: string, scope: 'prod' | 'any'): boolean {
  if (manifest.dependencies?.[name] !== undefined) return true;
  return scope === 'any' && manifest.devDependencies?.[name] !== undefined;
}

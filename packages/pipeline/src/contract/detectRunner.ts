import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SlipwayError } from '@slipway/core';
import type { WorkspaceRunner } from '@slipway/core';
import type { PackageJson } from './readPackageJson.js';

export interface DetectedWorkspace {
  runner: WorkspaceRunner;
  /** Globs of the workspace packages, relative to the root; empty for a single package. */
  patterns: string[];
  note: string;
}

/**
 * The workspace runner (turbo.json → turbo, nx.json → nx, declared workspaces → plain
 * workspaces, else none) and the package globs, from `pnpm-workspace.yaml` for pnpm and
 * `workspaces` in package.json for npm and yarn.
 */
export function detectRunner(projectDir: string, root: PackageJson): DetectedWorkspace {
  const patterns = workspacePatterns(projectDir, root);
  for (const [file, runner] of [
    ['turbo.json', 'turbo'],
    ['nx.json', 'nx'],
  ] as const) {
    if (existsSync(join(projectDir, file)))
      return { runner, patterns, note: `workspace runner: ${runner} (${file})` };
  }
  if (patterns.length > 0)
    return {
      runner: 'workspaces',
      patterns,
      note: `workspace runner: plain workspaces (${patterns.join(', ')})`,
    };
  return { runner: 'none', patterns, note: 'workspace runner: none (a single package)' };
}

function workspacePatterns(projectDir: string, root: PackageJson): string[] {
  const file = join(projectDir, 'pnpm-workspace.yaml');
  if (existsSync(file)) {
    const value = readWorkspaceYaml(file);
    if (Array.isArray(value?.packages)) return value.packages.filter(isString);
  }
  const declared = Array.isArray(root.workspaces) ? root.workspaces : root.workspaces?.packages;
  return (declared ?? []).filter(isString);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function readWorkspaceYaml(file: string): { packages?: unknown } | null {
  try {
    return parse(readFileSync(file, 'utf8')) as { packages?: unknown } | null;
  } catch (cause) {
    throw new SlipwayError({
      code: 'YAML_SYNTAX',
      component: 'Project',
      message: `${file} is not valid YAML: ${(cause as Error).message.split('\n')[0]}`,
      location: { file },
      cause,
    });
  }
}

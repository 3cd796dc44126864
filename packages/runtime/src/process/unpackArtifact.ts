import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';
import { extract } from 'tar';

/** The file a packaged app may carry at its root to say how it starts. */
export const ARTIFACT_MANIFEST = 'slipway-artifact.json';

/**
 * Copies a folder artifact, or extracts a `.tgz` / `.tar.gz` one, into `target`, and
 * returns the app root: `target` itself, or its only folder when the archive wraps
 * everything in one (as `npm pack` does with `package/`). Extraction keeps entries inside
 * `target` (no absolute paths, no `..`).
 */
export async function unpackArtifact(artifact: string, target: string): Promise<string> {
  if (!existsSync(artifact)) {
    throw new SlipwayError({
      code: 'NOT_FOUND',
      component: 'Runtime',
      message: `The artifact ${artifact} does not exist.`,
      recovery: ['slipway up --only package'],
    });
  }
  mkdirSync(target, { recursive: true });
  if (statSync(artifact).isDirectory()) {
    cpSync(artifact, target, { recursive: true, verbatimSymlinks: true });
    return target;
  }
  if (!/\.(tgz|tar\.gz)$/.test(artifact)) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Runtime',
      message: `The artifact ${artifact} is neither a folder nor a .tgz / .tar.gz archive.`,
    });
  }
  try {
    await extract({ file: artifact, cwd: target, strict: true });
  } catch (cause) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Runtime',
      message: `Cannot extract the artifact ${artifact}: ${(cause as Error).message}`,
      recovery: ['slipway up --force --only package   # package it again'],
      cause,
    });
  }
  const entries = readdirSync(target);
  const only = entries.length === 1 ? join(target, entries[0] as string) : undefined;
  return only !== undefined && statSync(only).isDirectory() ? only : target;
}

import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';
import { extract } from 'tar';

/** The file a packaged app carries at its root to say how it starts (its schema is in core). */
export { ARTIFACT_MANIFEST } from '@slipway/core';

/**
 * Copies a folder artifact, or extracts a `.tgz` / `.tar.gz` one, into `target`, and
 * returns the app root: `target` itself, or its only folder when the archive wraps
 * everything in one (as `npm pack` does with `package/`). Extraction keeps entries inside
 * `target` (absolute paths made relative; `..` and links that escape are skipped).
 */
export interface UnpackedArtifact {
  /** The app root. */
  root: string;
  /** Archive entries left out, with the reason (e.g. a link escaping the folder). */
  skipped: string[];
}

export async function unpackArtifact(artifact: string, target: string): Promise<UnpackedArtifact> {
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
    return { root: target, skipped: [] };
  }
  if (!/\.(tgz|tar\.gz)$/.test(artifact)) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Runtime',
      message: `The artifact ${artifact} is neither a folder nor a .tgz / .tar.gz archive.`,
    });
  }
  const skipped: string[] = [];
  try {
    // Not strict: an entry that would land outside `target` (such as the link to its source
    // project that `pnpm deploy --legacy` leaves in node_modules/.pnpm) is skipped, not fatal.
    await extract({
      file: artifact,
      cwd: target,
      onwarn: (code, message, data) => {
        const { entry, path } = data as { entry?: { path?: string }; path?: string };
        skipped.push(`${entry?.path ?? path ?? code}: ${message}`);
      },
    });
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
  return { root: only !== undefined && statSync(only).isDirectory() ? only : target, skipped };
}

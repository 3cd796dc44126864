import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SlipwayError } from '@slipway/core';
import { isInside } from './paths.js';

/** A file of a template or module, read into memory. */
export interface SourceFile {
  /** Path relative to the folder that was walked, with `/` separators. */
  path: string;
  /** Absolute path on disk, for error messages. */
  absolutePath: string;
  content: Buffer;
  executable: boolean;
}

/**
 * Reads every file under `dir`, recursively and sorted. Symlinks are followed only when
 * they resolve inside `trustedRoot` (the template folder); anything else is a
 * TEMPLATE_UNSAFE_PATH error, so a template cannot smuggle `/etc/passwd` into a project.
 */
export function walkFiles(dir: string, trustedRoot: string): SourceFile[] {
  const files: SourceFile[] = [];
  visit(dir, '', { out: files, realRoot: realpathSync(trustedRoot) });
  return files;
}

interface Walk {
  out: SourceFile[];
  realRoot: string;
}

function visit(dir: string, prefix: string, walk: Walk): void {
  const { out, realRoot } = walk;
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  for (const entry of entries) {
    const absolutePath = join(dir, entry.name);
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    let stats = lstatSync(absolutePath);
    if (stats.isSymbolicLink()) {
      const target = resolveLink(absolutePath);
      if (!isInside(realRoot, target)) {
        throw new SlipwayError({
          code: 'TEMPLATE_UNSAFE_PATH',
          component: 'Templates',
          message: `symlink ${absolutePath} points outside the template (to ${target})`,
          location: { file: absolutePath },
          recovery: ['Replace the symlink with a real file inside the template'],
        });
      }
      stats = statSync(target);
    }
    if (stats.isDirectory()) {
      visit(absolutePath, path, walk);
    } else if (stats.isFile()) {
      out.push({
        path,
        absolutePath,
        content: readFileSync(absolutePath),
        executable: (stats.mode & 0o111) !== 0,
      });
    }
  }
}

function resolveLink(path: string): string {
  try {
    return realpathSync(path);
  } catch (cause) {
    throw new SlipwayError({
      code: 'TEMPLATE_INVALID',
      component: 'Templates',
      message: `symlink ${path} is broken`,
      location: { file: path },
      cause,
    });
  }
}

/** `relative()` with `/` separators. */
export function toPosixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

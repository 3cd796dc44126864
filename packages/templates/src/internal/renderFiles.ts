import picomatch from 'picomatch';
import { SlipwayError } from '@slipway/core';
import type { SourceFile } from './walkFiles.js';
import type { LiquidRenderer } from './liquidRenderer.js';
import { checkRenderedPath, renameDotfile } from './paths.js';
import type { ProjectTree } from '../projectTree.js';

export interface RenderFilesOptions {
  files: readonly SourceFile[];
  into: ProjectTree;
  renderer: LiquidRenderer;
  context: object;
  origin: string;
  binaryGlobs: readonly string[];
}

/**
 * Renders source files (content and path) into the tree. A path with an empty segment
 * is dropped (conditional files); a path another origin already wrote is an error —
 * modules extend existing files through `merge`, never by overwriting them.
 */
export function renderFiles(options: RenderFilesOptions): void {
  const { files, into, renderer, context, origin } = options;
  const isBinaryPath = picomatch(
    options.binaryGlobs.length > 0 ? [...options.binaryGlobs] : ['!**'],
    {
      dot: true,
    },
  );
  for (const file of files) {
    const raw = file.path.endsWith('.raw');
    const sourcePath = raw ? file.path.slice(0, -'.raw'.length) : file.path;
    const rendered = sourcePath
      .split('/')
      .map((segment) => renderer.render(segment, context, `${file.absolutePath} (path)`));
    const checked = checkRenderedPath(rendered, file.absolutePath);
    if (checked === undefined) continue;
    const path = checked.split('/').map(renameDotfile).join('/');
    const existing = into.get(path);
    if (existing) {
      throw new SlipwayError({
        code: 'MERGE_CONFLICT',
        component: 'Modules',
        message: `${origin} writes ${path}, which ${existing.origin} already wrote; extend it with a merge fragment instead`,
        location: { file: file.absolutePath },
      });
    }
    const binary = isBinaryPath(file.path) || file.content.subarray(0, 8000).includes(0);
    const content =
      raw || binary
        ? file.content
        : Buffer.from(
            renderer.render(file.content.toString('utf8'), context, file.absolutePath),
            'utf8',
          );
    into.set(path, { content, executable: file.executable, origin, policy: 'overwrite' });
  }
}

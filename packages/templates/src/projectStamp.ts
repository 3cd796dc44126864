import { gunzipSync, gzipSync } from 'node:zlib';
import type { ProjectTree } from './projectTree.js';
import { sortedPaths } from './projectTree.js';

/** The rendered tree as generated: the base of three-way updates. */
export const BASE_TREE_PATH = '.slipway/base.json.gz';

interface BaseEntry {
  path: string;
  encoding: 'utf8' | 'base64';
  content: string;
  executable?: true;
}

/** Serialises the template-owned part of a tree (gzip'd JSON, stable order). */
export function encodeBaseTree(tree: ProjectTree): Buffer {
  const entries: BaseEntry[] = [];
  for (const path of sortedPaths(tree)) {
    const file = tree.get(path);
    if (!file || file.policy !== 'overwrite' || path.startsWith('.slipway/')) continue;
    const text = file.content.toString('utf8');
    const isText = Buffer.from(text, 'utf8').equals(file.content);
    entries.push({
      path,
      encoding: isText ? 'utf8' : 'base64',
      content: isText ? text : file.content.toString('base64'),
      ...(file.executable ? { executable: true as const } : {}),
    });
  }
  return gzipSync(JSON.stringify({ version: 1, files: entries }), { level: 6 });
}

/** Reads a base tree written by `encodeBaseTree`: path → content. */
export function decodeBaseTree(data: Buffer): Map<string, Buffer> {
  const parsed = JSON.parse(gunzipSync(data).toString('utf8')) as { files: BaseEntry[] };
  return new Map(
    parsed.files.map((entry) => [entry.path, Buffer.from(entry.content, entry.encoding)]),
  );
}

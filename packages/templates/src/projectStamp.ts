import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { SlipwayError } from '@slipway/core';
import type { ProjectTree } from './projectTree.js';
import { sortedPaths } from './projectTree.js';

/** Where a project records how it was made. */
export const STAMP_PATH = '.slipway/project.json';
/** The rendered tree as generated: the base of three-way updates. */
export const BASE_TREE_PATH = '.slipway/base.json.gz';

export const projectStampSchema = z.object({
  schemaVersion: z.literal(1),
  template: z.object({ name: z.string(), version: z.string(), digest: z.string() }),
  project: z.object({
    name: z.string(),
    repoName: z.string(),
    displayName: z.string(),
    description: z.string(),
  }),
  modules: z.array(z.string()),
  moduleSettings: z.record(z.string(), z.record(z.string(), z.unknown())),
  answers: z.record(z.string(), z.unknown()),
  auth: z.record(z.string(), z.unknown()).nullable(),
  ai: z.object({ providers: z.array(z.record(z.string(), z.unknown())) }),
  environments: z.record(z.string(), z.unknown()),
  slipwayVersion: z.string(),
  createdAt: z.string(),
});

/** `.slipway/project.json`: everything needed to re-render the project. Never holds secrets. */
export type ProjectStamp = z.infer<typeof projectStampSchema>;

/** Reads and validates a project's stamp. */
export function readProjectStamp(projectDir: string): ProjectStamp {
  const path = join(projectDir, STAMP_PATH);
  if (!existsSync(path)) {
    throw new SlipwayError({
      code: 'PROJECT_NOT_FOUND',
      component: 'Project',
      message: `${projectDir} is not a Slipway project (no ${STAMP_PATH})`,
      recovery: ['Run it inside a project made by `slipway create`', 'Or: slipway create <dir>'],
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new SlipwayError({
      code: 'JSON_SYNTAX',
      component: 'Project',
      message: `${path} is not valid JSON: ${(cause as Error).message}`,
      location: { file: path },
      cause,
    });
  }
  const parsed = projectStampSchema.safeParse(value);
  if (!parsed.success) {
    throw new SlipwayError({
      code: 'CONFIG_INVALID',
      component: 'Project',
      message: `${path} is not a valid project stamp: ${parsed.error.issues[0]?.message ?? ''}`,
      location: { file: path },
    });
  }
  return parsed.data;
}

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

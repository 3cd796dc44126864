import type { SourceFile } from './walkFiles.js';

export interface NumberedSql {
  /** `template` or the module name. */
  module: string;
  source: SourceFile;
  /** File name in the consolidated set: `0002_kb_create_documents.sql`. */
  file: string;
}

export interface SqlSet {
  module: string;
  files: readonly SourceFile[];
}

/**
 * Numbers SQL files into one ordered set: the sets in the given order (template first,
 * then modules in dependency order), each by file name. A file's own numeric prefix is
 * dropped so the consolidated numbering is the only order.
 */
export function numberSqlFiles(sets: readonly SqlSet[]): NumberedSql[] {
  const out: NumberedSql[] = [];
  for (const set of sets) {
    const files = [...set.files].sort((a, b) => (a.path < b.path ? -1 : 1));
    for (const source of files) {
      const number = String(out.length + 1).padStart(4, '0');
      const owner = set.module === 'template' ? '' : `${slug(set.module)}_`;
      out.push({ module: set.module, source, file: `${number}_${owner}${stem(source.path)}.sql` });
    }
  }
  return out;
}

function stem(path: string): string {
  const base = path.split('/').pop() ?? path;
  return slug(base.replace(/\.sql$/, '').replace(/^\d+[_-]?/, '')) || 'migration';
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

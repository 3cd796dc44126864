import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { SlipwayError, lifecycleContractSchema } from '@slipway/core';
import type { LifecycleContract } from '@slipway/core';

/** The file that writes a repository's contract down; it overrides inference. */
export const CONTRACT_FILE = 'slipway.yaml';

/**
 * Reads and validates `slipway.yaml` in `projectDir`, or `undefined` when there is none.
 * Broken YAML is `YAML_SYNTAX`; a value the schema refuses is `CONFIG_INVALID` naming the
 * file, the field path and its line.
 */
export function readContractFile(projectDir: string): LifecycleContract | undefined {
  const file = join(projectDir, CONTRACT_FILE);
  if (!existsSync(file)) return undefined;
  return parseContractYaml(readFileSync(file, 'utf8'), file);
}

/** Parses the text of a contract file; `file` names it in errors. */
export function parseContractYaml(text: string, file: string): LifecycleContract {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [syntax] = document.errors;
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]);
    throw new SlipwayError({
      code: 'YAML_SYNTAX',
      component: 'Config',
      message: `${file}:${line.line} is not valid YAML: ${syntax.message.split('\n')[0]}`,
      location: { file, line: line.line, column: line.col },
    });
  }
  const result = lifecycleContractSchema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const line = lineOf(document, lineCounter, issue.path);
    const path = issue.path.map(String).join('.') || '(top level)';
    return { line, text: `${path}${line ? ` (line ${line})` : ''}: ${issue.message}` };
  });
  const first = issues[0]?.line;
  throw new SlipwayError({
    code: 'CONFIG_INVALID',
    component: 'Config',
    message: `${file} is not a valid Slipway contract:\n${issues.map((issue) => `  ${issue.text}`).join('\n')}`,
    location: { file, ...(first ? { line: first } : {}) },
    recovery: [
      `Fix ${CONTRACT_FILE}, then: slipway validate`,
      'Or regenerate it: slipway init --force',
    ],
  });
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(
  document: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

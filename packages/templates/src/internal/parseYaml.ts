import { LineCounter, parseDocument } from 'yaml';
import { SlipwayError } from '@slipway/core';

/**
 * Parses YAML text, turning syntax errors into a `YAML_SYNTAX` error that names the file,
 * line and column. Duplicate keys are errors, as YAML 1.2 requires.
 */
export function parseYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new SlipwayError({
      code: 'YAML_SYNTAX',
      component: 'Config',
      message: `${file} is not valid YAML: ${first.message.split('\n')[0]}`,
      location: { file, line, column: col },
      recovery: [`Fix the YAML at ${file}:${line}:${col}`],
    });
  }
  return doc.toJS({ maxAliasCount: 100 });
}

import { parseOutput, projectPath } from './parseOutput.js';

/** The first TypeScript error in a build's output. */
export interface CompilerError {
  /** Relative to the project root when turbo named the package, else as tsc printed it. */
  file: string;
  line: number;
  column: number;
  /** e.g. `TS2322`. */
  code: string;
  message: string;
}

// tsc without --pretty: `src/a.ts(12,7): error TS2322: …`; with it: `src/a.ts:12:7 - error TS2322: …`.
const PLAIN = /^\s*(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
const PRETTY = /^\s*(.+?):(\d+):(\d+) - error (TS\d+): (.*)$/;

/**
 * Finds the first compiler error (`file:line`) in `tsc` output, directly or through
 * turbo's prefixed stream. `packageDirs` maps workspace package names to their folders.
 */
export function firstCompilerError(
  output: string,
  packageDirs: ReadonlyMap<string, string> = new Map(),
): CompilerError | undefined {
  for (const { pkg, text } of parseOutput(output)) {
    const match = PLAIN.exec(text) ?? PRETTY.exec(text);
    if (!match) continue;
    const [, file = '', line = '0', column = '0', code = '', message = ''] = match;
    return {
      file: projectPath(file, pkg, packageDirs),
      line: Number(line),
      column: Number(column),
      code,
      message: message.trim(),
    };
  }
  return undefined;
}

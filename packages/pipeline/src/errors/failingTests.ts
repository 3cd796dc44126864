import { parseOutput, projectPath } from './parseOutput.js';

/** A failing test as Vitest names it: `src/a.test.ts > routes > answers 200`. */
export interface FailingTest {
  file: string;
  /** Suite and test names joined with ` > `; empty when the whole file failed to load. */
  name: string;
}

// Vitest's summary: ` FAIL  src/a.test.ts > suite > test`, or ` FAIL  src/a.test.ts [ src/a.test.ts ]`.
const FAIL_LINE =
  /^\s*FAIL\s+(\S+?\.(?:test|spec)\.[cm]?[jt]sx?)(?:\s+>\s+(.*?))?(?:\s+\[.*\])?\s*$/;

/** The failing tests in Vitest output (through turbo or not), each listed once, in order. */
export function failingTests(
  output: string,
  packageDirs: ReadonlyMap<string, string> = new Map(),
): FailingTest[] {
  const seen = new Set<string>();
  const tests: FailingTest[] = [];
  for (const { pkg, text } of parseOutput(output)) {
    const match = FAIL_LINE.exec(text);
    if (!match?.[1]) continue;
    const test = { file: projectPath(match[1], pkg, packageDirs), name: match[2]?.trim() ?? '' };
    const id = `${test.file} > ${test.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    tests.push(test);
  }
  return tests;
}

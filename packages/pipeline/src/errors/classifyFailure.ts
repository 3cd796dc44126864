import { SlipwayError } from '@slipway/core/errors';
import type { ExecResult } from '../engine/stepDefinition.js';
import type { StepName } from '../engine/stepName.js';
import { failingTests } from './failingTests.js';
import { firstCompilerError } from './firstCompilerError.js';

export interface FailureInput {
  step: StepName;
  /** The command as people would type it, e.g. `pnpm run build`. */
  command: string;
  result: ExecResult;
  /** Workspace package name → folder relative to the project. */
  packageDirs?: ReadonlyMap<string, string>;
}

const TAIL = 15;
const PORT_IN_USE = /EADDRINUSE[^\n]*?(?::(\d+))?\s*$/m;

/**
 * Turns a failed command into the SlipwayError a person can act on: a port in use, the
 * first compiler error (`file:line`), the failing tests, a migration failure, or the
 * last lines of output.
 */
export function classifyFailure(input: FailureInput): SlipwayError {
  const { step, command, result } = input;
  const dirs = input.packageDirs ?? new Map<string, string>();
  const tail = lastLines(result.output, TAIL);
  const port = PORT_IN_USE.exec(result.output);
  if (port) {
    return new SlipwayError({
      code: 'PORT_IN_USE',
      component: 'Pipeline',
      message: `${step}: port ${port[1] ?? ''} is already in use`.replace(
        ' port  is',
        ' a port is',
      ),
      recovery: [
        `Find it: lsof -i :${port[1] ?? '<port>'}`,
        'Or run on another port: PORT=<port> slipway up',
      ],
    });
  }
  if (step === 'build' || step === 'typecheck') {
    const error = firstCompilerError(result.output, dirs);
    if (error) {
      const where = `${error.file}:${error.line}`;
      return new SlipwayError({
        code: 'BUILD_FAILED',
        component: 'Pipeline',
        message: `${step} failed: ${where} ${error.code}: ${error.message}`,
        location: { file: error.file, line: error.line, column: error.column },
        recovery: [`Fix ${where}, then run: slipway up   (resumes at ${step})`],
      });
    }
  }
  if (step === 'test') {
    const tests = failingTests(result.output, dirs);
    if (tests.length > 0) {
      const names = tests.slice(0, 10).map((t) => (t.name ? `${t.file} > ${t.name}` : t.file));
      return new SlipwayError({
        code: 'TEST_FAILED',
        component: 'Pipeline',
        message: `${tests.length} failing test${tests.length === 1 ? '' : 's'}:\n  ${names.join('\n  ')}`,
        location: { file: tests[0]?.file ?? '' },
        recovery: ['Run them: slipway pnpm test', 'Then: slipway up   (resumes at test)'],
      });
    }
  }
  if (step === 'db:migrate' || step === 'db:seed') {
    return new SlipwayError({
      code: 'MIGRATION_FAILED',
      component: 'Database',
      message: `${step} failed (exit ${result.exitCode}):\n${tail}`,
      recovery: [
        'Check the SQL under db/migrations and db/seeds, or the database URL',
        `Then: slipway up --resume-from ${step}`,
      ],
    });
  }
  return new SlipwayError({
    code: 'STEP_FAILED',
    component: 'Pipeline',
    message: `${step}: \`${command}\` exited ${result.exitCode}:\n${tail}`,
  });
}

/** The last `count` non-empty lines of `output`. */
export function lastLines(output: string, count: number): string {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}

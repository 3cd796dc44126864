import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classifyFailure.js';
import { failingTests } from './failingTests.js';
import { firstCompilerError } from './firstCompilerError.js';

const dirs = new Map([
  ['@acme/api', 'apps/api'],
  ['@acme/web', 'apps/web'],
]);

// Captured from `pnpm run build` (turbo stream UI) on a generated saas project.
const TURBO_TSC = `
@acme/db:build: cache hit, replaying logs 7ac1
@acme/api:build: > tsc -p tsconfig.build.json
@acme/api:build: src/env.ts(41,14): error TS2322: Type 'string' is not assignable to type 'number'.
@acme/api:build: src/routes.ts(3,1): error TS2304: Cannot find name 'x'.
 ERROR  run failed: command  exited (2)`;

describe('firstCompilerError', () => {
  it('finds the first tsc error through turbo and makes the path project-relative', () => {
    expect(firstCompilerError(TURBO_TSC, dirs)).toEqual({
      file: 'apps/api/src/env.ts',
      line: 41,
      column: 14,
      code: 'TS2322',
      message: "Type 'string' is not assignable to type 'number'.",
    });
  });

  it('reads tsc --pretty output with colours', () => {
    const pretty =
      "\x1b[96msrc/a.ts\x1b[0m:\x1b[93m3\x1b[0m:\x1b[93m7\x1b[0m - \x1b[91merror\x1b[0m\x1b[90m TS1005: \x1b[0m';' expected.";
    expect(firstCompilerError(pretty)).toMatchObject({ file: 'src/a.ts', line: 3, code: 'TS1005' });
  });

  it('returns undefined when there is no compiler error', () => {
    expect(
      firstCompilerError('vite v8 building for production...\nerror during build'),
    ).toBeUndefined();
  });
});

describe('failingTests', () => {
  it('lists each failing test once, with its project path', () => {
    const output = [
      '@acme/api:test:  ❯ src/createApp.test.ts (3 tests | 1 failed) 40ms',
      '@acme/api:test:    × answers /api/health 12ms',
      '@acme/api:test:  FAIL  src/createApp.test.ts > createApp > answers /api/health',
      '@acme/web:test:  FAIL  src/App.test.tsx [ src/App.test.tsx ]',
      '@acme/api:test:  FAIL  src/createApp.test.ts > createApp > answers /api/health',
    ].join('\n');
    expect(failingTests(output, dirs)).toEqual([
      { file: 'apps/api/src/createApp.test.ts', name: 'createApp > answers /api/health' },
      { file: 'apps/web/src/App.test.tsx', name: '' },
    ]);
  });
});

describe('failingTests on coloured output', () => {
  it("reads Vitest's coloured summary through turbo", () => {
    // Captured from `pnpm run test` on a generated saas project with one broken assertion.
    const line =
      '@acme/api:test: \x1b[41m\x1b[1m FAIL \x1b[22m\x1b[49m src/createApp.test.ts\x1b[2m > \x1b[22mapi\x1b[2m > \x1b[22manswers GET /api/health';
    expect(failingTests(line, dirs)).toEqual([
      { file: 'apps/api/src/createApp.test.ts', name: 'api > answers GET /api/health' },
    ]);
  });
});

describe('classifyFailure', () => {
  it('a build failure names file:line and the way to resume', () => {
    const error = classifyFailure({
      step: 'build',
      command: 'pnpm run build',
      result: { exitCode: 2, output: TURBO_TSC },
      packageDirs: dirs,
    });
    expect(error.code).toBe('BUILD_FAILED');
    expect(error.message).toContain('apps/api/src/env.ts:41 TS2322');
    expect(error.location).toEqual({ file: 'apps/api/src/env.ts', line: 41, column: 14 });
    expect(error.recovery[0]).toContain('resumes at build');
  });

  it('a test failure names the failing tests', () => {
    const output = '@acme/api:test:  FAIL  src/a.test.ts > adds';
    const error = classifyFailure({
      step: 'test',
      command: 'pnpm run test',
      result: { exitCode: 1, output },
      packageDirs: dirs,
    });
    expect(error.code).toBe('TEST_FAILED');
    expect(error.message).toContain('apps/api/src/a.test.ts > adds');
  });

  it('a port in use is its own error', () => {
    const output = 'Error: listen EADDRINUSE: address already in use :::3000';
    const error = classifyFailure({
      step: 'test',
      command: 'pnpm run test',
      result: { exitCode: 1, output },
    });
    expect(error.code).toBe('PORT_IN_USE');
    expect(error.message).toContain('port 3000');
  });

  it('a migration failure carries the database error', () => {
    const output = 'migrations: applying 0001_init.sql\nerror: relation "users" already exists';
    const error = classifyFailure({
      step: 'db:migrate',
      command: 'pnpm run db:migrate',
      result: { exitCode: 1, output },
    });
    expect(error.code).toBe('MIGRATION_FAILED');
    expect(error.message).toContain('relation "users" already exists');
  });

  it('anything else is STEP_FAILED with the last lines', () => {
    const error = classifyFailure({
      step: 'lint',
      command: 'pnpm run lint',
      result: { exitCode: 1, output: 'a\nb\nlint error here' },
    });
    expect(error.code).toBe('STEP_FAILED');
    expect(error.message).toContain('lint error here');
  });
});

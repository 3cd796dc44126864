import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDependencyProblems } from './checkDependencyDirection.mjs';

const roots = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A repository of packages: `{ 'packages/core/package.json': {...}, 'packages/core/src/a.ts': '...' }`. */
function testdir(files) {
  const root = mkdtempSync(join(tmpdir(), 'slipway-layers-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(
      join(root, path),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
  }
  return root;
}

const manifest = (name, deps = {}) => ({ name: `@slipway/${name}`, dependencies: deps });

describe('checkDependencyDirection', () => {
  it('passes on this repository', () => {
    expect(findDependencyProblems(new URL('..', import.meta.url).pathname)).toEqual([]);
  });

  it('catches an upward import in source that package.json does not show', () => {
    const root = testdir({
      'packages/core/package.json': manifest('core'),
      'packages/secrets/package.json': manifest('secrets', { '@slipway/core': '*' }),
      'packages/secrets/src/ok.ts': "import { SlipwayError } from '@slipway/core';",
      'packages/secrets/src/upward.ts': "const cli = await import('@slipway/cli/internal');",
      'packages/cli/package.json': manifest('cli', { '@slipway/secrets': '*' }),
    });
    expect(findDependencyProblems(root)).toEqual([
      'packages/secrets/src/upward.ts: @slipway/secrets (layer 1) must not import @slipway/cli (layer 5)',
    ]);
  });

  it('catches sideways and undeclared imports and upward manifest edges', () => {
    const root = testdir({
      'packages/core/package.json': manifest('core'),
      'packages/templates/package.json': manifest('templates', { '@slipway/server': '*' }),
      'packages/templates/src/a.ts': "export { x } from '@slipway/secrets';",
      'packages/secrets/package.json': manifest('secrets'),
      'packages/runtime/package.json': manifest('runtime'),
      'packages/runtime/supervisor/s.mjs':
        "import { createRedactor } from '@slipway/secrets/redactor';",
    });
    expect(findDependencyProblems(root)).toEqual([
      'packages/runtime/supervisor/s.mjs: imports @slipway/secrets, which packages/runtime/package.json does not declare',
      '@slipway/templates (layer 1) must not depend on @slipway/server (layer 4)',
      'packages/templates/src/a.ts: @slipway/templates (layer 1) must not import @slipway/secrets (layer 1)',
    ]);
  });
});

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Engines learn a project's layout from its lifecycle contract only. A built-in template's
// folders, entry file, health path or port showing up in an engine's source means some
// engine knows one template's layout again.
const root = new URL('../../../..', import.meta.url).pathname;
const ENGINE_DIRS = [
  'packages/pipeline/src',
  'packages/runtime/src',
  'packages/runtime/supervisor',
];
const TEMPLATE_KNOWLEDGE = [/apps\/api/, /apps\/web/, /\/api\/health/, /server\.js/, /\b3000\b/];
/**
 * Inference knows the conventions of frameworks (Next.js listens on 3000 by default), not
 * of our templates; those defaults live in this one file, which the scan leaves out.
 */
const FRAMEWORK_DEFAULTS = 'packages/pipeline/src/contract/frameworkDefaults.ts';

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Test fixtures under testing/ are repositories, not engine code.
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return /\.(ts|mjs|js)$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}

describe('engines know no template', () => {
  it('no engine source names a built-in template folder, file, health path or port', () => {
    const found: string[] = [];
    const files = ENGINE_DIRS.flatMap((dir) => sources(join(root, dir)));
    for (const file of files.filter((path) => relative(root, path) !== FRAMEWORK_DEFAULTS)) {
      for (const [index, line] of readFileSync(file, 'utf8').split('\n').entries()) {
        const hit = TEMPLATE_KNOWLEDGE.find((pattern) => pattern.test(line));
        if (hit) found.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});

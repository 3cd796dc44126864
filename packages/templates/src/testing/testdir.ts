import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Builds a file tree in a fresh temporary folder from `{ 'a/b.txt': 'content' }`
 * (changesets' `testdir`); removed after each test.
 */
export function testdir(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-test-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}

/** A minimal valid template manifest, with overrides appended as YAML. */
export function manifest(extra = ''): string {
  return `name: demo\nversion: 1.0.0\ndescription: A test template\n${extra}`;
}

/** A minimal valid module manifest. */
export function moduleManifest(name: string, extra = ''): string {
  return `name: ${name}\nversion: 1.0.0\ndescription: Module ${name}\n${extra}`;
}

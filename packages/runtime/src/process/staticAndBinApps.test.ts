import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, fetchText, tempProject } from '../testing/tinyApp.js';
import { createProcessDriver } from './createProcessDriver.js';

const project = tempProject();
const driver = createProcessDriver({ projectDir: project });
const made: string[] = [project];

afterAll(async () => {
  await driver.remove();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function artifact(files: Record<string, string>, start: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-artifact-'));
  made.push(dir);
  for (const [path, text] of Object.entries({
    ...files,
    'slipway-artifact.json': JSON.stringify({ start, healthPath: '/' }),
  })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('apps the runtime starts for inferred contracts', { timeout: 120_000 }, () => {
  it('serves a static build itself, index.html for client routes', async () => {
    const dir = artifact(
      { 'dist/index.html': '<h1>static shop</h1>', 'dist/assets/app.js': 'console.log(1)' },
      ['slipway-static', 'dist'],
    );
    const instance = await driver.start({ artifact: dir });
    expect(await eventually(() => fetchText(instance.url))).toBe('<h1>static shop</h1>');
    expect(await fetchText(`${instance.url}/orders/42`)).toBe('<h1>static shop</h1>');
    expect(await fetchText(`${instance.url}/assets/app.js`)).toBe('console.log(1)');
    await driver.remove([instance.id]);
  });

  it('starts a package bin from the artifact with the port the runtime chose', async () => {
    // Like `next start --port ${PORT}`: the bin reads its port from argv only.
    const bin = `#!/usr/bin/env node
const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
require('node:http').createServer((_q, s) => s.end('bin on ' + port)).listen(port, '127.0.0.1');
`;
    const dir = artifact({ 'node_modules/.bin/fakeserve': bin }, [
      'fakeserve',
      'start',
      '--port',
      '${PORT}',
    ]);
    chmodSync(join(dir, 'node_modules/.bin/fakeserve'), 0o755);
    const instance = await driver.start({ artifact: dir });
    expect(await eventually(() => fetchText(instance.url))).toBe(`bin on ${instance.port}`);
    await driver.remove([instance.id]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProcessDriver } from '@slipway/runtime';
import { runCli } from '../testing/runCli.js';

const project = mkdtempSync(join(tmpdir(), 'slipway-cli-stop-'));
const app = mkdtempSync(join(tmpdir(), 'slipway-cli-app-'));
writeFileSync(join(app, 'server.mjs'), "setInterval(() => {}, 1000); console.log('up');\n");
writeFileSync(join(app, 'slipway-artifact.json'), '{ "start": ["node", "server.mjs"] }');
const driver = createProcessDriver({ projectDir: project });
afterAll(async () => {
  await driver.remove();
  for (const dir of [project, app]) rmSync(dir, { recursive: true, force: true });
});

describe('slipway stop / cleanup', { timeout: 60_000 }, () => {
  it("stops the project's instances, then cleanup deletes them", async () => {
    const instance = await driver.start({ artifact: app });
    const stop = await runCli(['stop', project]);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain(`stopped ${instance.id}`);
    expect((await driver.status())[0]?.state).toBe('stopped');
    expect((await runCli(['stop', project])).stdout).toContain('No running instances');
    const cleanup = await runCli(['cleanup', project, '--json']);
    expect(JSON.parse(cleanup.stdout)).toEqual({ ok: true, removed: [instance.id] });
    expect(await driver.status()).toEqual([]);
  });
});

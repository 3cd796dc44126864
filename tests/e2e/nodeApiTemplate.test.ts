import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonFrom, slipway } from './support.js';

// The node-api template has a layout no engine knows: one npm package, an Express server in
// src/server.js, a /healthz health path, port 8080, no build and no web app. It reaches a
// healthy URL through its lifecycle contract alone.
const work = mkdtempSync(join(tmpdir(), 'slipway-node-api-'));
process.env.SLIPWAY_HOME = join(work, 'home');
const dir = join(work, 'hello');

interface UpJson {
  status: string;
  executed: string[];
  cached: string[];
  steps: Record<string, { status: string; outcome?: Record<string, unknown> }>;
}

async function up(): Promise<UpJson> {
  const result = await slipway(['up', dir, '--json'], work);
  expect(result.code, result.output).toBe(0);
  return jsonFrom<UpJson>(result.output);
}

afterAll(async () => {
  await slipway(['stop', dir], work);
  rmSync(work, { recursive: true, force: true });
});

describe('slipway up on a project made from the node-api template', () => {
  it('create → up → the contract’s health path answers on the deployed URL', async () => {
    const created = await slipway(
      ['create', dir, '--template', 'node-api', '--name', 'hello', '--yes'],
      work,
    );
    expect(created.code, created.output).toBe(0);
    const json = await up();
    expect(json.status).toBe('succeeded');
    expect(json.executed).toEqual(
      expect.arrayContaining(['doctor', 'install', 'test', 'package', 'deploy', 'health']),
    );
    expect(json.executed).not.toContain('build');
    const url = String(json.steps.health?.outcome?.url);
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const artifact = json.steps.package?.outcome?.artifact as { manifestPath: string };
    const manifest = JSON.parse(readFileSync(artifact.manifestPath, 'utf8')) as object;
    expect(manifest).toMatchObject({
      app: 'server',
      cwd: '.',
      start: ['node', 'src/server.js'],
      port: 8080,
      healthPath: '/healthz',
    });
  });

  it('an immediate second up runs nothing and keeps serving', async () => {
    const json = await up();
    expect(json.executed).toEqual([]);
    expect(json.cached).toEqual(expect.arrayContaining(['install', 'test', 'deploy', 'health']));
    const url = String(json.steps.health?.outcome?.url);
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);
  });
});

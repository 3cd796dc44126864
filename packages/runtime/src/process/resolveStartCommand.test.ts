import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveStartCommand } from './resolveStartCommand.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function appRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-start-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('resolveStartCommand', () => {
  it('reads the start argv, folder, port variable and health path from the manifest', () => {
    const manifest = {
      app: 'server',
      cwd: 'services/server',
      start: ['node', 'main.js'],
      portEnv: 'HTTP_PORT',
      healthPath: '/healthz',
    };
    const root = appRoot({ 'slipway-artifact.json': JSON.stringify(manifest) });
    expect(resolveStartCommand(root)).toEqual({
      command: process.execPath,
      args: ['main.js'],
      cwd: join(root, 'services/server'),
      healthPath: '/healthz',
      portEnv: 'HTTP_PORT',
      env: {},
    });
  });

  it('guesses nothing without a manifest, even when a conventional entry file is there', () => {
    const root = appRoot({
      'package.json': JSON.stringify({ main: 'index.js' }),
      'apps/api/dist/server.js': '',
    });
    expect(() => resolveStartCommand(root)).toThrow(/has no slipway-artifact\.json/);
  });

  it('refuses a manifest whose folder climbs out of the artifact', () => {
    const root = appRoot({
      'slipway-artifact.json': JSON.stringify({ start: ['node', 'x.js'], cwd: '../elsewhere' }),
    });
    expect(() => resolveStartCommand(root)).toThrow(/cwd/);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { formatEnvFile } from './formatEnvFile.js';
import { materializeSecrets } from './materializeSecrets.js';

const work = mkdtempSync(join(tmpdir(), 'slipway-materialize-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A command that reports its env file's mode and content into `report`. */
function reporter(report: string): string[] {
  const script = `const fs = require('node:fs'); const f = process.env.SLIPWAY_ENV_FILE;
fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify({ file: f, mode: fs.statSync(f).mode & 0o777, text: fs.readFileSync(f, 'utf8') }));`;
  return ['-e', script];
}

describe('formatEnvFile', () => {
  it('writes values that dotenv parsing reads back exactly', () => {
    const values = { A: 'plain', B: "it's", C: 'two\nlines', D: `"both" 'quotes'`, E: '$HOME #x' };
    expect(parseEnv(formatEnvFile(values))).toEqual(values);
  });
});

describe('materializeSecrets', { timeout: 60_000 }, () => {
  it('gives the command a 0600 env file and removes it when the command exits', async () => {
    const report = join(work, 'report.json');
    const result = await materializeSecrets({
      values: { TOKEN: 'abc-123' },
      command: process.execPath,
      args: reporter(report),
    });
    const seen = JSON.parse(readFileSync(report, 'utf8'));
    expect(result).toMatchObject({ exitCode: 0, file: seen.file });
    expect(seen.mode).toBe(0o600);
    expect(parseEnv(seen.text)).toEqual({ TOKEN: 'abc-123' });
    expect(existsSync(seen.file)).toBe(false);
  });

  it('removes the file when the command is interrupted', async () => {
    const controller = new AbortController();
    const file = join(work, 'interrupted.env');
    const running = materializeSecrets({
      values: { TOKEN: 'abc-123' },
      command: process.execPath,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      file,
      signal: controller.signal,
    });
    expect(existsSync(file)).toBe(true);
    controller.abort();
    await expect(running).resolves.toMatchObject({ signal: 'SIGTERM' });
    expect(existsSync(file)).toBe(false);
  });

  it('removes the file when the command does not exist', async () => {
    const file = join(work, 'missing.env');
    await expect(
      materializeSecrets({ values: { A: 'b' }, command: 'slipway-no-such-command', file }),
    ).rejects.toMatchObject({ code: 'TOOL_MISSING' });
    expect(existsSync(file)).toBe(false);
  });
});

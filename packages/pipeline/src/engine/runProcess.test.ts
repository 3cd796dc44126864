import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from './runProcess.js';
import { testdir } from '../testing/testdir.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('runProcess', () => {
  it('streams lines and resolves with the exit code and the redacted tail', async () => {
    const lines: string[] = [];
    const result = await runProcess({
      command: process.execPath,
      args: ['-e', 'console.log("one"); console.error("two hunter2"); process.exit(3)'],
      cwd: testdir(),
      env: process.env,
      signal: new AbortController().signal,
      onLine: (line) => lines.push(line),
      redact: (line) => line.replace('hunter2', '[redacted]'),
    });
    expect(result.exitCode).toBe(3);
    expect(lines.sort()).toEqual(['one', 'two hunter2']);
    expect(result.output).toContain('two [redacted]');
  });

  it('an abort kills the whole process group, grandchildren included', async () => {
    const dir = testdir();
    const pidFile = join(dir, 'grandchild.pid');
    const script = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const controller = new AbortController();
    const running = runProcess({
      command: process.execPath,
      args: ['-e', script],
      cwd: dir,
      env: process.env,
      signal: controller.signal,
      onLine: (line) => line === 'ready' && controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ code: 'INTERRUPTED' });
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    for (let i = 0; i < 50 && alive(grandchild); i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('a missing command is TOOL_MISSING', async () => {
    await expect(
      runProcess({
        command: 'slipway-no-such-tool',
        args: [],
        cwd: testdir(),
        env: process.env,
        signal: new AbortController().signal,
        onLine: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'TOOL_MISSING' });
  });
});

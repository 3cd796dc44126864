import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './dataDirLock.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-lock-'));
  dirs.push(dir);
  return dir;
}
function holdLock(dir: string, pid: number): void {
  writeFileSync(join(dir, 'slipway.lock'), `${pid}\n`);
}
function started(command: string, args: string[]): Promise<number> {
  const child = spawn(command, args, { stdio: 'ignore' });
  children.push(child);
  return new Promise((resolve) => child.once('spawn', () => resolve(child.pid!)));
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('acquireDataDirLock', () => {
  it('writes our pid and removes the file on release', () => {
    const dir = dataDir();
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(() => readFileSync(lock.path)).toThrow();
  });

  it('refuses a second holder in the same process', () => {
    const dir = dataDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(
      expect.objectContaining({ code: 'DATA_DIR_IN_USE' }),
    );
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('refuses a lock held by a live Node process, naming it', async () => {
    const dir = dataDir();
    const pid = await started(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    holdLock(dir, pid);
    expect(() => acquireDataDirLock(dir)).toThrow(
      expect.objectContaining({
        code: 'DATA_DIR_IN_USE',
        message: expect.stringContaining(`pid ${pid}`),
      }),
    );
  });

  it('takes over the lock of a dead process', async () => {
    const dir = dataDir();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    holdLock(dir, child.pid!);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock whose pid now belongs to another program (reused after a restart)', async () => {
    const dir = dataDir();
    holdLock(dir, await started('sleep', ['60']));
    acquireDataDirLock(dir).release();
  });
});

import { cpSync, existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { create } from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '@slipway/core/process';
import { eventually, fetchText, tempProject, writeTinyApp } from '../testing/tinyApp.js';
import { createProcessDriver } from './createProcessDriver.js';

const SECRET = 'hunter2-very-secret';
const project = tempProject();
const driver = createProcessDriver({ projectDir: project });
const v1 = writeTinyApp({ version: 'v1' });

afterAll(async () => {
  await driver.remove();
  for (const dir of [project, v1]) rmSync(dir, { recursive: true, force: true });
});

describe('the process driver', { timeout: 120_000 }, () => {
  it('runs an artifact on a free port, records it and redacts secrets from its log', async () => {
    const instance = await driver.start({
      artifact: v1,
      env: { SECRET_TOKEN: SECRET },
      secretNames: ['SECRET_TOKEN'],
    });
    expect(instance.url).toBe(`http://127.0.0.1:${instance.port}`);
    expect(await eventually(() => fetchText(instance.url))).toBe('v1');
    const recorded = JSON.parse(readFileSync(join(project, '.slipway/instances.json'), 'utf8'));
    expect(recorded.instances).toEqual([
      expect.objectContaining({ id: instance.id, pid: instance.pid }),
    ]);
    const [status] = await driver.status([instance.id]);
    expect(status).toMatchObject({ state: 'running', status: 'running', restarts: 0 });
    const lines = await eventually(async () => {
      const log = await driver.logs(instance.id);
      return log.some((line) => line.includes('listening')) ? log : undefined;
    });
    expect(lines.join('\n')).toContain('token=[REDACTED]');
    expect(lines.join('\n')).toContain('stderr works');
    expect(readFileSync(instance.logFile, 'utf8')).not.toContain(SECRET);
    await driver.remove([instance.id]);
  });

  it('restarts the app after it is killed, then reports down when everything is killed', async () => {
    const instance = await driver.start({ artifact: v1, restart: { initialDelayMs: 50 } });
    const first = await eventually(async () => (await driver.status([instance.id]))[0]?.appPid);
    process.kill(first, 'SIGKILL');
    const restarted = await eventually(async () => {
      const [status] = await driver.status([instance.id]);
      return status?.state === 'running' && status.appPid !== first ? status : undefined;
    });
    expect(restarted.restarts).toBe(1);
    expect(restarted.lastExit).toMatchObject({ signal: 'SIGKILL' });
    expect(await eventually(() => fetchText(instance.url))).toBe('v1');

    // The supervisor leads its process group: this kills it and the app at once.
    process.kill(-(instance.pid as number), 'SIGKILL');
    const down = await eventually(async () => {
      const [status] = await driver.status([instance.id]);
      return status?.state === 'down' ? status : undefined;
    });
    expect(down.status).toBe('crashed');
    await driver.remove([instance.id]);
  });

  it('stops an app whose supervisor was killed on its own', async () => {
    const instance = await driver.start({ artifact: v1 });
    const appPid = await eventually(async () => (await driver.status([instance.id]))[0]?.appPid);
    process.kill(instance.pid as number, 'SIGKILL');
    await eventually(() => (isProcessAlive(instance.pid as number) ? undefined : true));
    // Unsupervised but serving: it reads running until it is stopped.
    expect((await driver.status([instance.id]))[0]).toMatchObject({ state: 'running', appPid });
    await driver.stop([instance.id]);
    expect(isProcessAlive(appPid)).toBe(false);
    await driver.remove([instance.id]);
  });

  it('stops an instance and its processes', async () => {
    const instance = await driver.start({ artifact: v1 });
    const appPid = await eventually(async () => (await driver.status([instance.id]))[0]?.appPid);
    const [stopped] = await driver.stop([instance.id]);
    expect(stopped?.stoppedAt).toBeDefined();
    expect(isProcessAlive(instance.pid as number)).toBe(false);
    expect(isProcessAlive(appPid)).toBe(false);
    expect((await driver.status([instance.id]))[0]?.state).toBe('stopped');
    expect(await driver.remove([instance.id])).toEqual([instance.id]);
    expect(await driver.status()).toEqual([]);
  });

  it('refuses a port that is taken, naming it', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as { port: number }).port;
    try {
      await expect(driver.start({ artifact: v1, port })).rejects.toMatchObject({
        code: 'PORT_IN_USE',
        message: expect.stringContaining(String(port)),
      });
    } finally {
      server.close();
    }
  });

  it('unpacks a .tgz artifact, skipping a link that escapes the instance folder', async () => {
    const staging = join(project, 'staging');
    cpSync(v1, staging, { recursive: true });
    symlinkSync('../../../../outside', join(staging, 'escape'));
    const tarball = join(project, 'app.tgz');
    await create({ gzip: true, file: tarball, cwd: staging }, ['.']);
    const instance = await driver.start({ artifact: tarball });
    expect(await eventually(() => fetchText(instance.url))).toBe('v1');
    expect(existsSync(join(instance.dir, 'app', 'escape'))).toBe(false);
    expect(readFileSync(instance.logFile, 'utf8')).toMatch(
      /skipped from the artifact: (\.\/)?escape: /,
    );
    await driver.remove([instance.id]);
  });
});

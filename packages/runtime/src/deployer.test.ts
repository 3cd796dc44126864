import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeployer } from './deployer.js';
import { createHealthChecker } from './healthChecker.js';
import { createProcessDriver } from './process/createProcessDriver.js';
import { eventually, fetchText, tempProject, writeTinyApp } from './testing/tinyApp.js';

const project = tempProject();
const v1 = writeTinyApp({ version: 'v1' });
const v2 = writeTinyApp({ version: 'v2' });
const broken = writeTinyApp({ version: 'v3', crash: 'v3 cannot start: DATABASE_URL is wrong' });
const deployer = createDeployer();

afterAll(async () => {
  await createProcessDriver({ projectDir: project }).remove();
  for (const dir of [project, v1, v2, broken]) rmSync(dir, { recursive: true, force: true });
});

describe('the health-gated deployer', { timeout: 120_000 }, () => {
  it('deploys, then replaces the running version only once the new one is healthy', async () => {
    const lines: string[] = [];
    const first = await deployer.deploy({
      projectDir: project,
      artifact: { path: v1 },
      env: { SECRET_TOKEN: 'guessed-from-its-name' },
      log: (line) => lines.push(line),
    });
    expect(await fetchText(first.url)).toBe('v1');
    expect(lines.at(-1)).toContain('healthy');
    const log = await eventually(async () => {
      const text = (await createProcessDriver({ projectDir: project }).logs(first.id)).join('\n');
      return text.includes('listening') ? text : undefined;
    });
    expect(log).toContain('token=[REDACTED]');

    const second = await deployer.deploy({
      projectDir: project,
      artifact: { path: v2, digest: 'sha256:v2' },
      env: {},
    });
    expect(second.replaced).toEqual([first.id]);
    expect(await fetchText(second.url)).toBe('v2');
    expect(await eventually(async () => ((await fetchText(first.url)) ? undefined : true))).toBe(
      true,
    );
    const instances = await deployer.list(project);
    expect(instances).toEqual([expect.objectContaining({ id: second.id, role: 'active' })]);
    expect(await deployer.serving(project)).toEqual({ url: second.url, digest: 'sha256:v2' });
  });

  it('keeps the old version serving when the new one fails health, with its log lines', async () => {
    const [serving] = await deployer.list(project);
    const failure = deployer.deploy({ projectDir: project, artifact: { path: broken }, env: {} });
    await expect(failure).rejects.toMatchObject({
      code: 'HEALTH_TIMEOUT',
      message: expect.stringMatching(
        /crashed 3 times[\s\S]*keeps serving[\s\S]*DATABASE_URL is wrong/,
      ),
    });
    expect(await fetchText(serving!.url)).toBe('v2');
    const instances = await deployer.list(project);
    expect(instances.find((i) => i.role === 'active')).toMatchObject({
      id: serving!.id,
      state: 'running',
    });
    expect(instances.find((i) => i.role === 'failed')).toMatchObject({ state: 'stopped' });
  });

  it('checks health on its own and reports the last log lines on failure', async () => {
    const [serving] = await deployer.list(project);
    const checker = createHealthChecker({ lastLogLines: async () => ['the last line'] });
    await expect(checker.check({ url: serving!.url })).resolves.toMatchObject({ ok: true });
    await expect(
      checker.check({ url: 'http://127.0.0.1:9/', timeoutMs: 500 }),
    ).rejects.toMatchObject({
      code: 'HEALTH_TIMEOUT',
      message: expect.stringContaining('the last line'),
    });
  });

  it("finds the instance's log lines by its URL in the project", async () => {
    const [serving] = await deployer.list(project);
    const checker = createHealthChecker({ projectDir: project, path: '/api/missing' });
    await expect(checker.check({ url: serving!.url, timeoutMs: 300 })).rejects.toMatchObject({
      code: 'HEALTH_TIMEOUT',
      message: expect.stringContaining('version v2 listening'),
    });
  });
});

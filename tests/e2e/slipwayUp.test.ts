import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { PNPM_STORE, SLIPWAY_BIN, USER_PATH, jsonFrom, run, slipway } from './support.js';

// One generated project goes through `slipway up` several times; each `it` builds on the
// previous one. Real executions are counted through what steps leave behind (pnpm rewrites
// node_modules/.modules.yaml on every install, a build rewrites apps/api/dist/server.js,
// every executed step writes its log), not only through the statuses `up` reports.
const work = mkdtempSync(join(tmpdir(), 'slipway-up-'));
// Telemetry and instance secrets go to a home of the test's own; installs keep the shared store.
process.env.SLIPWAY_HOME = join(work, 'home');
process.env.SLIPWAY_PNPM_STORE = PNPM_STORE;
const dir = join(work, 'acme-up');
const INSTALL_MARKER = join(dir, 'node_modules/.modules.yaml');
const BUILD_MARKER = join(dir, 'apps/api/dist/server.js');
const BROKEN_FILE = join(dir, 'apps/api/src/env.ts');

interface UpJson {
  ok: boolean;
  runId: string;
  status: string;
  executed: string[];
  cached: string[];
  steps: Record<string, { status: string; outcome?: Record<string, unknown> }>;
  error?: {
    code: string;
    message: string;
    recovery: string[];
    location?: { file: string; line?: number };
  };
}

async function up(...args: string[]): Promise<{ code: number; json: UpJson; output: string }> {
  const result = await slipway(['up', dir, '--json', ...args], work);
  return {
    code: result.code,
    json: jsonFrom<UpJson>(result.output),
    output: result.output,
  };
}

const mtime = (path: string) => statSync(path).mtimeMs;
const runLogs = (runId: string) =>
  existsSync(join(dir, '.slipway/runs', runId))
    ? readdirSync(join(dir, '.slipway/runs', runId)).filter((f) => f.endsWith('.log'))
    : [];

afterAll(async () => {
  await slipway(['stop', dir], work);
  rmSync(work, { recursive: true, force: true });
});

describe('slipway up on a generated saas project', () => {
  let original = '';

  it('creates the project, then runs every step through report to a healthy URL', async () => {
    const created = await slipway(
      ['create', dir, '--name', 'acme', '--modules', '', '--yes'],
      work,
    );
    expect(created.code, created.output).toBe(0);
    const { code, json, output } = await up();
    expect(code, output).toBe(0);
    expect(json.status).toBe('succeeded');
    for (const step of [
      'doctor',
      'install',
      'build',
      'typecheck',
      'lint',
      'test',
      'db:migrate',
      'package',
      'deploy',
      'health',
      'report',
    ]) {
      expect(json.executed, `${step} should have run`).toContain(step);
    }
    const url = json.steps.health?.outcome?.url;
    expect(typeof url).toBe('string');
    const health = await fetch(new URL('/api/health', String(url)));
    expect(health.status).toBe(200);
    const report = JSON.parse(
      readFileSync(join(dir, '.slipway/runs', json.runId, 'report.json'), 'utf8'),
    );
    expect(report.urls).toContain(url);
    expect(report.artifact.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(existsSync(report.artifact.path)).toBe(true);
  });

  it('an immediate second up runs nothing', async () => {
    const before = { install: mtime(INSTALL_MARKER), build: mtime(BUILD_MARKER) };
    const { code, json } = await up();
    expect(code).toBe(0);
    expect(json.executed).toEqual([]);
    expect(json.cached).toContain('install');
    expect(runLogs(json.runId)).toEqual([]);
    expect({ install: mtime(INSTALL_MARKER), build: mtime(BUILD_MARKER) }).toEqual(before);
  });

  it('--dry-run after a change plans the work but runs and writes nothing', async () => {
    original = readFileSync(BROKEN_FILE, 'utf8');
    writeFileSync(BROKEN_FILE, `${original}\nexport const broken: number = "not a number";\n`);
    const state = readFileSync(join(dir, '.slipway/state.json'), 'utf8');
    const runs = readdirSync(join(dir, '.slipway/runs'));
    const build = mtime(BUILD_MARKER);
    const result = await slipway(['up', dir, '--dry-run', '--json'], work);
    expect(result.code, result.output).toBe(0);
    const plan = JSON.parse(result.output.slice(result.output.indexOf('{\n'))) as {
      steps: Array<{ name: string; action: string; reason: string }>;
    };
    const planned = Object.fromEntries(plan.steps.map((step) => [step.name, step]));
    expect(planned.install?.action).toBe('cached');
    expect(planned.build).toMatchObject({ action: 'run', reason: 'apps/api/src/env.ts changed' });
    expect(readFileSync(join(dir, '.slipway/state.json'), 'utf8')).toBe(state);
    expect(readdirSync(join(dir, '.slipway/runs'))).toEqual(runs);
    expect(mtime(BUILD_MARKER)).toBe(build);
  });

  it('a type error fails at build, naming file:line with the recovery', async () => {
    const install = mtime(INSTALL_MARKER);
    const { code, json } = await up();
    expect(code).toBe(1);
    expect(json.status).toBe('failed');
    // lint reads the same file and runs beside build; nothing after build starts.
    expect(json.executed).toContain('build');
    expect(json.executed).not.toContain('install');
    expect(json.executed).not.toContain('typecheck');
    expect(json.error?.code).toBe('BUILD_FAILED');
    const line = original.split('\n').length + 1;
    expect(json.error?.message).toContain(`apps/api/src/env.ts:${line} TS2322`);
    expect(json.error?.location).toMatchObject({ file: 'apps/api/src/env.ts', line });
    expect(json.error?.recovery.join('\n')).toContain('resumes at build');
    expect(mtime(INSTALL_MARKER)).toBe(install);
  });

  it('after the fix, up resumes at build and install does not run again', async () => {
    writeFileSync(BROKEN_FILE, original);
    const install = mtime(INSTALL_MARKER);
    const { code, json } = await up();
    expect(code).toBe(0);
    expect(json.executed[0]).toBe('build');
    expect(json.executed).not.toContain('install');
    expect(runLogs(json.runId)).not.toContain('install.log');
    expect(mtime(INSTALL_MARKER)).toBe(install);
    const url = json.steps.health?.outcome?.url;
    expect((await fetch(new URL('/api/health', String(url)))).status).toBe(200);
  });

  it('--only and --skip choose the steps; status and logs read the result', async () => {
    const { json } = await up('--only', 'lint', '--force');
    expect(json.executed).toEqual(['lint']);
    const skipped = await up('--only', 'doctor,lint', '--skip', 'lint', '--force');
    expect(skipped.json.executed).toEqual(['doctor']);
    expect(skipped.json.steps.lint?.status).toBe('skipped');
    const status = await slipway(['status', dir], work);
    expect(status.output).toContain('Instances');
    const logs = await slipway(['logs', 'build', '-C', dir], work);
    expect(logs.code).toBe(0);
    expect(logs.output).toContain('$ pnpm run build');
    const stats = await slipway(['stats', '--json'], work);
    const summary = JSON.parse(stats.output.slice(stats.output.indexOf('{')));
    expect(summary.runs).toBeGreaterThanOrEqual(6);
    expect(summary.errors).toContainEqual({ code: 'BUILD_FAILED', step: 'build', count: 1 });
  });

  it('Ctrl-C during install stops it and leaves state the next up resumes from', async () => {
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    const child = spawn(process.execPath, [SLIPWAY_BIN, 'up', dir, '--no-deploy'], {
      cwd: work,
      // Plain text: with CI=true picocolors would colour the task list.
      env: { ...process.env, PATH: USER_PATH, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolveExit) => child.on('close', resolveExit));
    await new Promise<void>((resolveStarted, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('▶ install')) resolveStarted();
      });
      child.on('close', () => reject(new Error(`up exited before install started:\n${output}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const state = JSON.parse(readFileSync(join(dir, '.slipway/state.json'), 'utf8'));
    expect(state).toMatchObject({ status: 'interrupted', failedStep: 'install' });
    const plan = await slipway(['up', dir, '--dry-run', '--no-deploy', '--json'], work);
    expect(JSON.parse(plan.output.slice(plan.output.indexOf('{\n'))).resumingAt).toBe('install');
    const resumed = await up('--no-deploy');
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.json.executed[0]).toBe('install');
    expect(resumed.json.executed).not.toContain('build');
  });

  it('a port already taken is a clear PORT_IN_USE error', async () => {
    const holder = createServer();
    await new Promise<void>((resolveListen) => holder.listen(0, resolveListen));
    const port = (holder.address() as { port: number }).port;
    try {
      const result = await run(
        process.execPath,
        [SLIPWAY_BIN, 'up', dir, '--only', 'deploy', '--force'],
        {
          cwd: work,
          env: { PORT: String(port) },
        },
      );
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain('PORT_IN_USE'.toLowerCase().replaceAll('_', '-'));
      expect(result.output).toContain(String(port));
    } finally {
      holder.close();
    }
  });

  it('a killed instance shows down in status, and up brings it back', async () => {
    const before = await up();
    expect(before.code, before.output).toBe(0);
    const status = async () => {
      const result = await slipway(['status', dir, '--json'], work);
      return JSON.parse(result.output.slice(result.output.indexOf('{'))) as {
        instances: Array<{
          role: string;
          state: string;
          pid?: number;
          appPid?: number;
          url: string;
        }>;
      };
    };
    const active = (await status()).instances.find((instance) => instance.role === 'active');
    expect(active?.state).toBe('running');
    for (const pid of [active?.pid, active?.appPid]) if (pid) process.kill(pid, 'SIGKILL');
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    const after = (await status()).instances.find((instance) => instance.role === 'active');
    expect(after?.state).toBe('down');
    const { code, json } = await up();
    expect(code).toBe(0);
    expect(json.executed).toContain('deploy');
    expect(json.executed).not.toContain('build');
    const url = json.steps.health?.outcome?.url;
    expect((await fetch(new URL('/api/health', String(url)))).status).toBe(200);
  });

  it('a deploy that fails its health check leaves the previous version serving', async () => {
    const serving = await up();
    const url = String(serving.json.steps.health?.outcome?.url);
    // The new instance cannot reach this database, so it never becomes healthy.
    const result = await run(
      process.execPath,
      [SLIPWAY_BIN, 'up', dir, '--only', 'deploy,health', '--force', '--health-timeout', '20'],
      { cwd: work, env: { DATABASE_URL: 'postgres://slipway@127.0.0.1:1/none' } },
    );
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain('previous version keeps serving');
    expect((await fetch(new URL('/api/health', url))).status).toBe(200);
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileRunStore, executeRun, loadProject, planRun } from '@slipway/pipeline';
import { createRedactor } from '@slipway/secrets';
import { buildServer } from '@slipway/server';

// The CLI composes the three writers of logs, so the test that they share one rule lives here.
const work = mkdtempSync(join(tmpdir(), 'slipway-redaction-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SECRETS = {
  API_TOKEN: 's3cret-token-value',
  SHORT_SECRET: 'abcde',
  QUOTE_SECRET: 'q"uote-d',
};
const LINE = `token=s3cret-token-value short=abcde quoted=q"uote-d`;
// Six characters and more are replaced (JSON-escaped forms too); five are left alone.
const EXPECTED = 'token=[REDACTED] short=abcde quoted=[REDACTED]';

async function throughStepLog(): Promise<string[]> {
  const dir = mkdtempSync(join(work, 'project-'));
  writeFileSync(join(dir, 'package.json'), '{}');
  const store = createFileRunStore(dir);
  const step = {
    name: 'say',
    description: 'prints the line',
    dependsOn: [],
    inputs: {},
    run: async (context: { log(line: string): void }) => context.log(LINE),
  };
  const project = await loadProject({ dir, steps: [step as never], store, env: {} });
  const lines: string[] = [];
  await executeRun(planRun(project), {
    store,
    secrets: Object.values(SECRETS),
    onEvent: (event) => event.type === 'step:log' && lines.push(event.line),
  });
  return lines;
}

async function throughSupervisor(): Promise<string[]> {
  const logFile = join(work, 'instance.log');
  const configFile = join(work, 'supervisor.json');
  const config = {
    command: process.execPath,
    args: ['-e', `console.log(${JSON.stringify(LINE)})`],
    cwd: work,
    logFile,
    stateFile: join(work, 'state.json'),
    redactEnv: Object.keys(SECRETS),
    restart: { maxRestarts: 0, initialDelayMs: 10, maxDelayMs: 10, stableAfterMs: 10 },
    stopTimeoutMs: 1000,
  };
  writeFileSync(configFile, JSON.stringify(config));
  const supervisor = createRequire(import.meta.url).resolve('@slipway/runtime/supervisor');
  const child = spawn(process.execPath, [supervisor, configFile], {
    env: { ...process.env, ...SECRETS },
    stdio: 'ignore',
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return readFileSync(logFile, 'utf8').split('\n');
}

async function throughServerLog(): Promise<string[]> {
  const chunks: string[] = [];
  const stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => done(void chunks.push(chunk.toString())),
  });
  const app = await buildServer({
    log: { stream },
    redactor: createRedactor(Object.values(SECRETS)),
  });
  app.log.info(LINE);
  await app.close();
  return chunks
    .flatMap((chunk) => chunk.split('\n').filter(Boolean))
    .map((json) => JSON.parse(json).msg);
}

describe('one redaction rule', { timeout: 60_000 }, () => {
  it('redacts the same line identically in step logs, instance logs and server logs', async () => {
    for (const lines of [
      await throughStepLog(),
      await throughSupervisor(),
      await throughServerLog(),
    ]) {
      expect(lines).toContain(EXPECTED);
      expect(lines.join('\n')).not.toContain('s3cret-token-value');
    }
  });
});

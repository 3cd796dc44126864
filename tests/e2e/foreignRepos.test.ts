import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUN_REPO,
  FUTURE_NODE_REPO,
  NPM_EXPRESS_REPO,
  PNPM_TURBO_REPO,
  renderCreateNextApp,
  renderCreateVite,
  standInForGoogleFonts,
  writeFiles,
} from '@slipway/pipeline/testing';
import { PNPM_STORE, jsonFrom, slipway } from './support.js';

// `slipway up` on repositories Slipway did not create: two real starters rendered from
// their npm packages as their tools render them, and made-in-test repositories. Each one
// goes from nothing to a healthy URL through the inferred contract alone.
const work = mkdtempSync(join(tmpdir(), 'slipway-foreign-'));
process.env.SLIPWAY_HOME = join(work, 'home');
process.env.SLIPWAY_PNPM_STORE = PNPM_STORE;
const started: string[] = [];

interface UpJson {
  ok: boolean;
  status?: string;
  steps?: Record<string, { status: string; outcome?: Record<string, unknown> }>;
  error?: { code: string; message: string; recovery: string[] };
}

async function up(dir: string): Promise<{ code: number; json: UpJson; output: string }> {
  started.push(dir);
  const result = await slipway(['up', dir, '--json'], work);
  return {
    code: result.code,
    json: jsonFrom<UpJson>(result.output),
    output: result.output,
  };
}

/** `slipway up` succeeds and the app answers on the URL the health step reports. */
async function expectHealthy(dir: string, path: string, body: RegExp): Promise<void> {
  const { code, json, output } = await up(dir);
  expect(code, output).toBe(0);
  expect(json.status).toBe('succeeded');
  const url = String(json.steps?.health?.outcome?.url);
  const response = await fetch(new URL(path, url));
  expect(response.status).toBe(200);
  expect(await response.text()).toMatch(body);
}

function repo(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  writeFiles(dir, files);
  return dir;
}

afterAll(async () => {
  for (const dir of started) await slipway(['stop', dir], work);
  rmSync(work, { recursive: true, force: true });
});

describe('slipway init and doctor on a repository it did not create', () => {
  it('init writes slipway.yaml for a create-vite app; validate accepts it', async () => {
    const dir = join(work, 'vite-init');
    renderCreateVite(dir, 'vite-init');
    const init = await slipway(['init', dir], work);
    expect(init.code, init.output).toBe(0);
    expect(init.output).toContain('kind static');
    const validate = await slipway(['validate', dir], work);
    expect(validate.code, validate.output).toBe(0);
  });

  it('init refuses a bun repository with one UNSUPPORTED error', async () => {
    const result = await slipway(['init', repo('bun-init', BUN_REPO), '--json'], work);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.output)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('doctor fails with TOOL_TOO_OLD when engines.node needs a newer Node', async () => {
    const result = await slipway(
      ['doctor', repo('future-doctor', FUTURE_NODE_REPO), '--json'],
      work,
    );
    expect(result.code).toBe(2);
    const report = JSON.parse(result.output) as { checks: Array<{ name: string; code?: string }> };
    expect(report.checks.find((check) => check.name === 'node')?.code).toBe('TOOL_TOO_OLD');
  });
});

describe('slipway up on a repository it did not create: the errors', () => {
  it('refuses an unsupported repository with one UNSUPPORTED error', async () => {
    const { code, json } = await up(repo('bun-app', BUN_REPO));
    expect(code).toBe(2);
    expect(json.error).toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringContaining('bun.lockb (bun)'),
    });
  });

  it('stops at doctor with TOOL_TOO_OLD when engines.node needs a newer Node', async () => {
    const { code, json } = await up(repo('future-app', FUTURE_NODE_REPO));
    expect(code).toBe(1);
    expect(json.error).toMatchObject({
      code: 'TOOL_TOO_OLD',
      message: expect.stringContaining('>=99.0.0'),
    });
    expect(json.error?.recovery.join('\n')).toContain('nvm install 99');
  });
});

describe('slipway up on a repository it did not create: to a healthy URL', () => {
  it('a create-vite react-ts app, served as a static site', async () => {
    const dir = join(work, 'vite-shop');
    renderCreateVite(dir, 'vite-shop');
    await expectHealthy(dir, '/', /<div id="root"><\/div>/);
  });

  it('a create-next-app app-router app, on next start', async () => {
    const dir = join(work, 'next-shop');
    renderCreateNextApp(dir, 'next-shop');
    // The template's layout loads Geist from Google Fonts at build time.
    const fonts = await standInForGoogleFonts(work);
    Object.assign(process.env, fonts.env);
    try {
      await expectHealthy(dir, '/', /<html/);
    } finally {
      await fonts.close();
    }
  });

  it('a pnpm + turbo repository with a Vite app and a Node API', async () => {
    await expectHealthy(repo('turbo-shop', PNPM_TURBO_REPO), '/health', /"ok":true/);
  });

  it('npm workspaces with an Express server', async () => {
    await expectHealthy(repo('express-shop', NPM_EXPRESS_REPO), '/healthz', /"ok":true/);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileRunStore } from '@slipway/pipeline';
import type { RunState } from '@slipway/pipeline';
import { findTemplate } from '@slipway/templates';
import type { InstanceControl, ProjectPorts } from './ports.js';
import { upProject } from './upProject.js';
import type { UpEvent, UpOptions } from './upProject.js';

let work: string;
let projectDir: string;

/** No instance ever runs in these tests: `--only` keeps deploy out of every plan. */
const noInstances: InstanceControl = {
  status: async () => [],
  stop: async () => [],
  remove: async () => [],
};

function options(overrides: Partial<UpOptions> = {}): UpOptions {
  const ports: ProjectPorts = {
    store: createFileRunStore(projectDir),
    secrets: { resolve: () => ({ STRIPE_SECRET_KEY: 'sk-factory-test' }) },
    instances: noInstances,
  };
  return {
    projectDir,
    ports,
    env: { PATH: process.env.PATH },
    create: {
      template: findTemplate('saas'),
      input: { project: { name: 'acme', repoName: 'acme' }, modules: [], answers: {} },
      slipwayVersion: '0.1.0',
    },
    plan: { only: ['report'] },
    ...overrides,
  };
}

function savedState(): RunState {
  return JSON.parse(readFileSync(join(projectDir, '.slipway/state.json'), 'utf8')) as RunState;
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'slipway-factory-up-'));
  projectDir = join(work, 'acme');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('upProject with a project to create', () => {
  it('runs create as a step of the run, with its own state record, log and cache key', async () => {
    const events: UpEvent[] = [];
    const result = await upProject(options({ onEvent: (event) => events.push(event) }));
    expect(result.kind).toBe('ran');
    if (result.kind !== 'ran') return;
    expect(result.run.status).toBe('succeeded');
    expect(result.run.executed).toEqual(['create', 'report']);
    const state = savedState();
    expect(state.runId).toBe(result.run.runId);
    expect(state.planned?.[0]).toBe('create');
    const create = state.steps.create;
    expect(create).toMatchObject({ status: 'succeeded', runId: result.run.runId });
    expect(create?.cacheKey).toMatch(/^[0-9a-f]{64}$/);
    expect(create?.log).toBe(`.slipway/runs/${result.run.runId}/create.log`);
    expect(readFileSync(join(projectDir, create?.log ?? ''), 'utf8')).toContain(
      'created acme (@acme/*) from saas@',
    );
    expect(existsSync(join(projectDir, '.slipway/project.json'))).toBe(true);
    const started = events.filter((event) => event.type === 'run:started');
    expect(started.map((event) => event.runId)).toEqual([result.run.runId, result.run.runId]);
    expect(events.filter((event) => event.type === 'run:finished')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'step:finished').map((e) => e.step)).toEqual([
      'create',
      'report',
    ]);
  });

  it('keeps the same cache key for the same template and answers', async () => {
    const first = await upProject(options());
    const key = savedState().steps.create?.cacheKey;
    rmSync(projectDir, { recursive: true, force: true });
    await upProject(options());
    expect(first.kind).toBe('ran');
    expect(savedState().steps.create?.cacheKey).toBe(key);
  });

  it('a dry run returns the project plan and writes nothing', async () => {
    const result = await upProject(options({ dryRun: true }));
    expect(result.kind).toBe('create-planned');
    if (result.kind === 'create-planned') expect(result.plan.tree.has('package.json')).toBe(true);
    expect(existsSync(projectDir)).toBe(false);
  });

  it('an interrupted create leaves no folder and returns the run instead of throwing', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await upProject(options({ signal: controller.signal }));
    expect(result.kind).toBe('ran');
    if (result.kind !== 'ran') return;
    expect(result.run.status).toBe('interrupted');
    expect(result.run.executed).toEqual([]);
    expect(existsSync(projectDir)).toBe(false);
  });

  it('does not create again when the folder exists', async () => {
    await upProject(options());
    const second = await upProject(options());
    expect(second.kind).toBe('ran');
    if (second.kind !== 'ran') return;
    expect(second.run.executed).not.toContain('create');
    // The record of the run that created the project stays for `slipway status`.
    expect(savedState().steps.create?.status).toBe('succeeded');
  });
});

describe('upProject on an existing project', () => {
  it('a dry run of a cleanup lists what would go, removes nothing and plans from scratch', async () => {
    await upProject(options());
    const dry = await upProject(options({ create: undefined, dryRun: true, cleanup: true }));
    expect(dry.kind).toBe('planned');
    if (dry.kind !== 'planned') return;
    expect(dry.cleanup?.remove).toContain('.slipway/state.json');
    expect(dry.plan.project.previous).toBeUndefined();
    expect(existsSync(join(projectDir, '.slipway/state.json'))).toBe(true);
  });

  it('a cleanup removes the instances and the run state before the run', async () => {
    await upProject(options());
    let removed = 0;
    const instances = { ...noInstances, remove: async () => (removed++, []) };
    const events: UpEvent[] = [];
    const result = await upProject(
      options({
        create: undefined,
        cleanup: true,
        ports: { ...options().ports, instances },
        onEvent: (event) => events.push(event),
      }),
    );
    expect(removed).toBe(1);
    expect(events[0]).toEqual({
      type: 'cleanup:finished',
      removed: expect.arrayContaining(['.slipway/state.json']),
    });
    expect(result.kind === 'ran' && result.run.status).toBe('succeeded');
    // The record of the create step went with the rest of the state.
    expect(savedState().steps.create).toBeUndefined();
  });

  it('plans deploy and health with the runtime port, and leaves them out without it', async () => {
    await upProject(options());
    const runtime = {
      deployer: {
        deploy: async () => ({ id: 'never', url: 'http://127.0.0.1:1', driver: 'plan' }),
      },
      healthChecker: { check: async () => ({}) },
    };
    const names = async (ports: ProjectPorts) => {
      const result = await upProject(options({ create: undefined, dryRun: true, ports }));
      return result.kind === 'planned' ? result.plan.steps.map((step) => step.name) : [];
    };
    expect(await names({ ...options().ports, runtime })).toEqual(
      expect.arrayContaining(['package', 'deploy', 'health', 'report']),
    );
    expect(await names(options().ports)).not.toContain('deploy');
  });

  it('outside a project, without anything to create, throws PROJECT_NOT_FOUND', async () => {
    await expect(upProject(options({ create: undefined }))).rejects.toMatchObject({
      code: 'PROJECT_NOT_FOUND',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { readProjectStamp } from '@slipway/core';
import { applyPlan } from '../applyPlan.js';
import { loadTemplate } from '../loadTemplate.js';
import { planProject } from '../planProject.js';
import { manifest, moduleManifest, testdir } from '../testing/testdir.js';

const lifecycle = `parameters:
  type: object
  properties:
    port: { type: integer, default: 4000 }
lifecycle:
  packageManager: { name: npm }
  runner: none
  scripts: { test: test }
  apps:
    - name: server
      package: "{{ project.name }}-server"
      kind: api
      start: [node, server.js]
      port: "{{ answers.port }}"
      healthPath: /healthz
  artifact: { app: server }
`;

const worker = {
  'modules/jobs/module.yaml': moduleManifest(
    'jobs',
    `contributes:
  lifecycle:
    apps: [{ name: jobs, path: jobs, kind: worker, start: [node, jobs.js] }]
    env: { server: [JOBS_QUEUE] }
    include: [jobs]
`,
  ),
};

const plan = (files: Record<string, string>, options: { port?: number; modules?: string[] }) =>
  planProject({
    template: loadTemplate(testdir({ 'files/package.json': '{}', ...files })),
    input: {
      project: { name: 'acme' },
      modules: options.modules ?? [],
      answers: options.port ? { port: options.port } : {},
    },
    slipwayVersion: '0.1.0',
  });

describe('the lifecycle contract of a template', () => {
  it('is rendered with the answers into the stamp, which core reads back', async () => {
    const result = plan({ 'template.yaml': manifest(lifecycle) }, { port: 8123 });
    expect(result.stamp.contract?.apps[0]).toMatchObject({
      name: 'server',
      package: 'acme-server',
      path: '.',
      port: 8123,
      healthPath: '/healthz',
    });
    const dir = `${testdir()}/made`;
    await applyPlan(result, { targetDir: dir });
    expect(readProjectStamp(dir).contract).toEqual(result.stamp.contract);
    expect(plan({ 'template.yaml': manifest(lifecycle) }, {}).stamp.contract?.apps[0]?.port).toBe(
      4000,
    );
  });

  it('takes what modules contribute: apps, environment of an app, artifact folders', () => {
    const files = { 'template.yaml': manifest(lifecycle), ...worker };
    const { contract } = plan(files, { modules: ['jobs'] }).stamp;
    expect(contract?.apps.map((app) => app.name)).toEqual(['server', 'jobs']);
    expect(contract?.apps[0]?.env).toEqual(['JOBS_QUEUE']);
    expect(contract?.artifact?.include).toEqual(['jobs']);
    expect(plan(files, {}).stamp.contract?.apps.map((app) => app.name)).toEqual(['server']);
  });

  it('is TEMPLATE_INVALID when the rendered contract is not valid', () => {
    const broken = lifecycle.replace('"{{ answers.port }}"', '"port {{ answers.port }}"');
    expect(() => plan({ 'template.yaml': manifest(broken) }, {})).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_INVALID' }),
    );
  });

  it('is left out of the stamp of a template that declares none', () => {
    expect(plan({ 'template.yaml': manifest() }, {}).stamp.contract).toBeUndefined();
  });
});

import { join } from 'node:path';
import { lifecycleContractSchema } from '@slipway/core';
import type { LifecycleContract, TemplateLifecycle } from '@slipway/core';
import type { LoadedTemplate } from '../loadTemplate.js';
import type { LifecycleAddition } from './collectContributions.js';
import type { LiquidRenderer } from './liquidRenderer.js';
import { renderStrings } from './renderStrings.js';
import { parseWithSchema } from './zodToError.js';

export interface ResolveLifecycleOptions {
  template: LoadedTemplate;
  /** The modules' additions, their strings already rendered. */
  additions: readonly LifecycleAddition[];
  renderer: LiquidRenderer;
  context: object;
}

/**
 * The project's lifecycle contract: the template's `lifecycle` with every string rendered
 * with Liquid (so `port: "{{ answers.port }}"` follows the answers), then each module's
 * `contributes.lifecycle` added — apps appended, env names added to their app, folders
 * appended to the artifact. Undefined for a template that declares none.
 */
export function resolveLifecycle(options: ResolveLifecycleOptions): LifecycleContract | undefined {
  const declared = options.template.manifest.lifecycle;
  if (!declared) return undefined;
  const source = join(options.template.dir, 'template.yaml');
  const rendered = renderStrings(declared, (text) =>
    options.renderer.render(text, options.context, source),
  );
  const contract = withAdditions(rendered, options.additions);
  return parseWithSchema(lifecycleContractSchema, contract, {
    code: 'TEMPLATE_INVALID',
    component: 'Templates',
    file: source,
    what: 'the lifecycle contract (with the answers and modules applied)',
  });
}

function withAdditions(
  declared: TemplateLifecycle,
  additions: readonly LifecycleAddition[],
): Record<string, unknown> {
  const apps = [...declared.apps, ...additions.flatMap(({ contribution }) => contribution.apps)];
  const env = (name: string) =>
    additions.flatMap(({ contribution }) => contribution.env[name] ?? []);
  const include = additions.flatMap(({ contribution }) => contribution.include);
  return {
    ...declared,
    apps: apps.map((app) => ({
      ...app,
      port: toPort(app.port),
      env: [...new Set([...app.env, ...env(app.name)])],
    })),
    ...(declared.artifact
      ? { artifact: { ...declared.artifact, include: [...declared.artifact.include, ...include] } }
      : {}),
  };
}

/** A rendered `"{{ answers.port }}"` is a string of digits: the contract wants a number. */
function toPort(port: number | string | undefined): number | string | undefined {
  return typeof port === 'string' && /^\d+$/.test(port.trim()) ? Number(port) : port;
}

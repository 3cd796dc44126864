import { SlipwayError } from '@slipway/core';
import type { LoadedTemplate } from './loadTemplate.js';

export interface ModuleSelection {
  /** Selected modules, dependencies first, otherwise alphabetical. */
  readonly modules: readonly string[];
  /** Modules added because a selected module requires them. */
  readonly added: ReadonlyArray<{ name: string; requiredBy: string }>;
}

/**
 * Resolves the user's module list against the template: unknown names and conflicts
 * are errors; required modules are added (and reported); the order is deterministic
 * whatever order the user typed.
 */
export function resolveModules(
  template: LoadedTemplate,
  requested: readonly string[] | undefined,
): ModuleSelection {
  const wanted = requested ?? template.manifest.modules.default;
  for (const name of wanted) assertKnown(template, name);
  const selected = new Set(wanted);
  const added: Array<{ name: string; requiredBy: string }> = [];
  const queue = [...selected];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    for (const dependency of moduleOf(template, name).manifest.requires) {
      assertKnown(template, dependency, name);
      if (selected.has(dependency)) continue;
      selected.add(dependency);
      added.push({ name: dependency, requiredBy: name });
      queue.push(dependency);
    }
  }
  assertNoConflicts(template, selected);
  return { modules: orderModules(template, selected), added };
}

function moduleOf(template: LoadedTemplate, name: string) {
  const module = template.modules.get(name);
  if (!module) throw new Error(`module ${name} was checked but is missing`);
  return module;
}

function assertKnown(template: LoadedTemplate, name: string, requiredBy?: string): void {
  if (template.modules.has(name)) return;
  const known = [...template.modules.keys()];
  const suggestion = known.find((k) => k.startsWith(name.slice(0, 2)));
  throw new SlipwayError({
    code: requiredBy ? 'TEMPLATE_INVALID' : 'MODULE_UNKNOWN',
    component: 'Modules',
    message: requiredBy
      ? `module "${requiredBy}" requires "${name}", which template "${template.name}" does not have`
      : `template "${template.name}" has no module ${JSON.stringify(name)}; it has: ${known.join(', ') || '(none)'}`,
    recovery: [
      ...(suggestion && !requiredBy ? [`Did you mean "${suggestion}"?`] : []),
      `Run: slipway templates show ${template.name}`,
    ],
  });
}

function assertNoConflicts(template: LoadedTemplate, selected: ReadonlySet<string>): void {
  for (const name of [...selected].sort()) {
    for (const other of moduleOf(template, name).manifest.conflicts) {
      if (!selected.has(other)) continue;
      throw new SlipwayError({
        code: 'MODULE_CONFLICT',
        component: 'Modules',
        message: `modules "${name}" and "${other}" cannot be used together`,
        recovery: [`Drop "${name}" or "${other}" from --modules`],
      });
    }
  }
}

/** Kahn's algorithm with an alphabetical ready set: dependencies first, stable ties. */
function orderModules(template: LoadedTemplate, selected: ReadonlySet<string>): string[] {
  const pending = new Map(
    [...selected].map((name) => [name, new Set(moduleOf(template, name).manifest.requires)]),
  );
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    const next = ready.sort()[0];
    if (next === undefined) {
      throw new SlipwayError({
        code: 'TEMPLATE_INVALID',
        component: 'Modules',
        message: `modules ${[...pending.keys()].join(', ')} require each other in a cycle`,
      });
    }
    order.push(next);
    pending.delete(next);
    for (const deps of pending.values()) deps.delete(next);
  }
  return order;
}

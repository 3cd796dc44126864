import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SlipwayError, moduleManifestSchema, templateManifestSchema } from '@slipway/core';
import type { ModuleManifest, TemplateManifest } from '@slipway/core';
import { parseYaml } from './internal/parseYaml.js';
import { walkFiles } from './internal/walkFiles.js';
import type { SourceFile } from './internal/walkFiles.js';
import { parseWithSchema } from './internal/zodToError.js';

export type { SourceFile } from './internal/walkFiles.js';

export interface LoadedModule {
  readonly name: string;
  readonly dir: string;
  readonly manifest: ModuleManifest;
  /** Files overlaid onto the project tree (`<module>/files/**`). */
  readonly files: readonly SourceFile[];
  readonly migrations: readonly SourceFile[];
  readonly seeds: readonly SourceFile[];
  /** Other files of the module folder (merge fragments), by path relative to the module. */
  readonly assets: ReadonlyMap<string, SourceFile>;
}

export interface LoadedTemplate {
  readonly name: string;
  readonly dir: string;
  readonly manifest: TemplateManifest;
  readonly files: readonly SourceFile[];
  readonly modules: ReadonlyMap<string, LoadedModule>;
  /** sha256 over every file of the template folder: changes whenever any byte does. */
  readonly digest: string;
}

/** Loads and validates a template folder: its manifest, files and modules. */
export function loadTemplate(dir: string): LoadedTemplate {
  const root = resolve(dir);
  const manifestPath = join(root, 'template.yaml');
  if (!existsSync(manifestPath)) {
    throw new SlipwayError({
      code: 'TEMPLATE_NOT_FOUND',
      component: 'Templates',
      message: `${root} is not a template: it has no template.yaml`,
      recovery: ['Run: slipway templates list'],
    });
  }
  const manifest = parseWithSchema(templateManifestSchema, readYaml(manifestPath), {
    code: 'TEMPLATE_INVALID',
    component: 'Templates',
    file: manifestPath,
    what: 'the template manifest',
  });
  // One walk reads every byte once: for the digest, the tree and the modules.
  const all = walkFiles(root, root);
  const modules = loadModules(root, all);
  return {
    name: manifest.name,
    dir: root,
    manifest,
    files: filesUnder(all, 'files'),
    modules,
    digest: digestOf(all),
  };
}

/** The files whose path starts with `prefix/`, with that prefix removed. */
function filesUnder(files: readonly SourceFile[], prefix: string): SourceFile[] {
  return files
    .filter((f) => f.path.startsWith(`${prefix}/`))
    .map((f) => ({ ...f, path: f.path.slice(prefix.length + 1) }));
}

function loadModules(root: string, all: readonly SourceFile[]): Map<string, LoadedModule> {
  const modulesDir = join(root, 'modules');
  const modules = new Map<string, LoadedModule>();
  if (!existsSync(modulesDir)) return modules;
  for (const name of readdirSync(modulesDir).sort()) {
    const dir = join(modulesDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const module = loadModule(dir, filesUnder(all, `modules/${name}`));
    if (module.name !== name) {
      throw new SlipwayError({
        code: 'TEMPLATE_INVALID',
        component: 'Modules',
        message: `module folder "${name}" declares the name "${module.name}"; they must match`,
        location: { file: join(dir, 'module.yaml') },
      });
    }
    modules.set(name, module);
  }
  return modules;
}

function loadModule(dir: string, all: readonly SourceFile[]): LoadedModule {
  const manifestPath = join(dir, 'module.yaml');
  if (!existsSync(manifestPath)) {
    throw new SlipwayError({
      code: 'TEMPLATE_INVALID',
      component: 'Modules',
      message: `${dir} has no module.yaml`,
      location: { file: dir },
    });
  }
  const manifest = parseWithSchema(moduleManifestSchema, readYaml(manifestPath), {
    code: 'TEMPLATE_INVALID',
    component: 'Modules',
    file: manifestPath,
    what: 'the module manifest',
  });
  const assets = new Map(
    all
      .filter((f) => !/^(files|migrations|seeds)\//.test(f.path) && f.path !== 'module.yaml')
      .map((f) => [f.path, f]),
  );
  return {
    name: manifest.name,
    dir,
    manifest,
    files: filesUnder(all, 'files'),
    migrations: filesUnder(all, 'migrations').filter((f) => f.path.endsWith('.sql')),
    seeds: filesUnder(all, 'seeds').filter((f) => f.path.endsWith('.sql')),
    assets,
  };
}

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'), path);
}

function digestOf(files: readonly SourceFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}

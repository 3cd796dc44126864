// Dependencies point down: an edge package may use the application layer, which uses the
// engines, which use content and storage packages, and `core` uses none of ours. Checks
// both what each package declares in package.json and what its source files actually
// import, and reports every upward or sideways edge and every import of an undeclared
// package. Run directly (`npm run lint`) it prints the problems and fails on any.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Lower layers never import higher or same-layer packages. */
export const LAYER = {
  // Types, errors, schemas: dependency-free.
  core: 0,
  // Content and storage: secrets, templates, the database.
  secrets: 1,
  templates: 1,
  db: 1,
  // Engines: the lifecycle pipeline, the runtime, code generation.
  pipeline: 2,
  runtime: 2,
  codegen: 2,
  // The use cases the CLI and the server share.
  factory: 3,
  server: 4,
  web: 4,
  // The CLI sits above the other edges: `slipway serve` runs the server in-process.
  cli: 5,
};

/** `from '@slipway/x'`, `import '@slipway/x'`, `import('@slipway/x')`, `require('@slipway/x')`, subpaths too. */
const IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]@slipway\/([a-z0-9-]+)(?:\/[^'"]*)?['"]/g;
const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
/** Folders of a package that hold code it ships or runs; `dist` is generated from `src`. */
const CODE_DIRS = ['src', 'supervisor', 'bin', 'scripts'];

/** Every dependency-direction problem under `root` (a repository with `packages/*`). */
export function findDependencyProblems(root) {
  const problems = [];
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const manifestPath = join(root, 'packages', dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.name !== `@slipway/${dir}`) {
      problems.push(`packages/${dir} must be named @slipway/${dir}`);
    }
    if (LAYER[dir] === undefined) {
      problems.push(`packages/${dir} has no layer in scripts/checkDependencyDirection.mjs`);
      continue;
    }
    problems.push(...manifestProblems(dir, manifest), ...importProblems(root, dir, manifest));
  }
  return problems;
}

function manifestProblems(dir, manifest) {
  const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
  return Object.keys(deps)
    .filter((name) => name.startsWith('@slipway/'))
    .map((name) => edgeProblem(dir, name.slice('@slipway/'.length), 'depend on'))
    .filter(Boolean);
}

function importProblems(root, dir, manifest) {
  const declared = new Set(
    Object.keys({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.devDependencies,
    }),
  );
  const problems = [];
  for (const file of codeFiles(join(root, 'packages', dir))) {
    const where = relative(root, file);
    for (const [, target] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (target === dir) continue;
      const edge = edgeProblem(dir, target, 'import');
      if (edge) problems.push(`${where}: ${edge}`);
      else if (!declared.has(`@slipway/${target}`)) {
        problems.push(
          `${where}: imports @slipway/${target}, which packages/${dir}/package.json does not declare`,
        );
      }
    }
  }
  return problems;
}

/** The problem with `@slipway/<from>` using `@slipway/<to>`, or undefined when it points down. */
function edgeProblem(from, to, verb) {
  if (LAYER[to] < LAYER[from]) return undefined;
  return `@slipway/${from} (layer ${LAYER[from]}) must not ${verb} @slipway/${to} (layer ${LAYER[to]})`;
}

function* codeFiles(packageDir) {
  for (const sub of CODE_DIRS) {
    const dir = join(packageDir, sub);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      if (!path.includes('/node_modules/')) yield path;
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = findDependencyProblems(new URL('..', import.meta.url).pathname);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('dependency direction: ok');
}

// Dependencies point down (ARCHITECTURE.md): an edge package may use an engine, an engine
// may use content/storage packages, and `core` uses none of ours. Fails with the first
// upward or sideways edge found.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const LAYER = {
  core: 0,
  templates: 1,
  db: 1,
  codegen: 2,
  pipeline: 2,
  runtime: 2,
  // The use cases, called by the edges above them.
  factory: 3,
  // The CLI sits above the other edges: `slipway serve` runs the server in-process
  // (STYLE.md: only `cli` imports everything).
  cli: 5,
  server: 4,
  web: 4,
};

const root = new URL('..', import.meta.url).pathname;
const problems = [];
for (const dir of readdirSync(join(root, 'packages'))) {
  const manifestPath = join(root, 'packages', dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.name !== `@slipway/${dir}`)
    problems.push(`packages/${dir} must be named @slipway/${dir}`);
  const layer = LAYER[dir];
  if (layer === undefined) {
    problems.push(`packages/${dir} has no layer in scripts/checkDependencyDirection.mjs`);
    continue;
  }
  const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
  for (const name of Object.keys(deps)) {
    if (!name.startsWith('@slipway/')) continue;
    const target = name.slice('@slipway/'.length);
    if (!(LAYER[target] < layer)) {
      problems.push(
        `@slipway/${dir} (layer ${layer}) must not depend on ${name} (layer ${LAYER[target]})`,
      );
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('dependency direction: ok');

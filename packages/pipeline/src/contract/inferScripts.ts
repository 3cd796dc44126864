import type { LifecycleContract, LifecycleContractInput } from '@slipway/core';
import type { RepoPackage } from './listPackages.js';

type Scripts = LifecycleContract['scripts'];
type Database = NonNullable<LifecycleContractInput['database']>;

/** Root script names per phase, most common first. */
const PHASE_SCRIPTS: Readonly<Record<keyof Scripts, readonly string[]>> = {
  build: ['build'],
  typecheck: ['typecheck', 'type-check', 'check-types', 'types', 'tsc'],
  lint: ['lint'],
  test: ['test', 'test:unit'],
};

const MIGRATE_SCRIPTS = ['db:migrate', 'migrate', 'migrate:deploy', 'prisma:migrate', 'db:push'];
const SEED_SCRIPTS = ['db:seed', 'seed', 'prisma:seed'];

/** `npm init`'s placeholder test script fails on purpose; it is not a test suite. */
const NO_TEST = /no test specified/;

/** The root's lifecycle scripts, each with a note. */
export function inferScripts(root: RepoPackage): { scripts: Scripts; notes: string[] } {
  const available = root.manifest.scripts ?? {};
  const scripts: Scripts = {};
  const notes: string[] = [];
  for (const [phase, names] of Object.entries(PHASE_SCRIPTS) as [
    keyof Scripts,
    readonly string[],
  ][]) {
    const name = names.find(
      (candidate) => available[candidate] && !NO_TEST.test(available[candidate]),
    );
    if (name) scripts[phase] = name;
    notes.push(
      name
        ? `${phase}: the root script "${name}" (${available[name]})`
        : `${phase}: no root script, no ${phase} step`,
    );
  }
  return { scripts, notes };
}

/** The database scripts: the first package (root first) with a migrate or seed script. */
export function inferDatabase(packages: readonly RepoPackage[]): {
  database?: Database;
  notes: string[];
} {
  for (const pkg of packages) {
    const available = pkg.manifest.scripts ?? {};
    const migrate = MIGRATE_SCRIPTS.find((name) => available[name]);
    const seed = SEED_SCRIPTS.find((name) => available[name]);
    if (!migrate && !seed) continue;
    const inPackage = pkg.dir !== '.' && pkg.manifest.name ? pkg.manifest.name : undefined;
    const database: Database = {
      ...(inPackage ? { package: inPackage } : {}),
      ...(migrate ? { migrate } : {}),
      ...(seed ? { seed } : {}),
      // Which files a migration reads cannot be known from a script line: every file of the
      // package keys the steps, so a changed migration is never a stale cache hit.
      inputs: [pkg.dir === '.' ? '**' : `${pkg.dir}/**`],
    };
    const where = inPackage ?? 'the root';
    return {
      database,
      notes: [
        `database: ${[migrate, seed].filter(Boolean).join(' and ')} in ${where}, re-run when a file there changes`,
      ],
    };
  }
  return { notes: ['database: no migrate or seed script'] };
}

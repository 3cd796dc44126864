import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { STAMP_PATH, SlipwayError, lifecycleContractSchema } from '@slipway/core';
import type { ContractApp, LifecycleContract, LifecycleContractInput } from '@slipway/core';
import { detectPackageManager, unsupported } from './detectPackageManager.js';
import { detectRunner } from './detectRunner.js';
import { inferApps } from './inferApps.js';
import { inferDatabase, inferScripts } from './inferScripts.js';
import { listPackages } from './listPackages.js';
import type { RepoPackage } from './listPackages.js';
import { readPackageJson } from './readPackageJson.js';

export interface InferredContract {
  contract: LifecycleContract;
  /** One line per inference, for `slipway init` to show how it read the repository. */
  notes: string[];
}

/**
 * Reads a JavaScript repository Slipway did not create — package.json files, lockfiles,
 * workspace and runner config, start scripts, the apps' sources — and expresses what it
 * found as a lifecycle contract. Reads files only; runs nothing. A repository it cannot
 * run (bun, deno) is one `UNSUPPORTED` error; a folder with no project at all is
 * `PROJECT_NOT_FOUND`.
 */
export function inferContract(projectDir: string): InferredContract {
  const root = readPackageJson(join(projectDir, 'package.json'));
  if (!root) throw noProject(projectDir);
  const packageManager = detectPackageManager(projectDir, root);
  const workspace = detectRunner(projectDir, root);
  const packages = listPackages(projectDir, workspace.patterns);
  const rootPackage = packages[0] as RepoPackage;
  const scripts = inferScripts(rootPackage);
  const apps = inferApps(projectDir, packages);
  const database = inferDatabase(packages);
  const artifact = chooseArtifact(apps.apps);
  const engines = {
    ...(root.engines?.node ? { node: root.engines.node } : {}),
    ...(root.engines?.[packageManager.name]
      ? { packageManager: root.engines[packageManager.name] }
      : {}),
  };
  const input: LifecycleContractInput = {
    schemaVersion: 1,
    packageManager: {
      name: packageManager.name,
      ...(packageManager.version ? { version: packageManager.version } : {}),
    },
    runner: workspace.runner,
    engines,
    scripts: scripts.scripts,
    apps: apps.apps,
    ...(database.database ? { database: database.database } : {}),
    ...(artifact.artifact ? { artifact: artifact.artifact } : {}),
  };
  const notes = [
    packageManager.note,
    workspace.note,
    `engines: ${
      Object.entries(engines)
        .map(([tool, range]) => `${tool} ${range}`)
        .join(', ') || 'none declared'
    }`,
    ...scripts.notes,
    ...apps.notes,
    ...database.notes,
    artifact.note,
  ];
  return { contract: lifecycleContractSchema.parse(input), notes };
}

/**
 * The packaged app is the first `api` or `web` app (a static app needs no server of its
 * own when one exists); the other static apps' builds go in beside it.
 */
function chooseArtifact(apps: readonly ContractApp[]): {
  artifact?: LifecycleContractInput['artifact'];
  note: string;
} {
  const served =
    apps.find((app) => app.kind === 'api' || app.kind === 'web') ??
    apps.find((app) => app.kind === 'static');
  if (!served) return { note: 'artifact: none (no app to start)' };
  const include = apps
    .filter((app) => app !== served && app.kind === 'static')
    .flatMap((app) =>
      (app.build?.output ?? []).map((folder) =>
        app.path === '.' ? folder : `${app.path}/${folder}`,
      ),
    );
  const extra = include.length > 0 ? `, with ${include.join(', ')}` : '';
  return {
    artifact: { app: served.name, include },
    note: `artifact: the app "${served.name}"${extra}`,
  };
}

/** A Deno project is a repository Slipway cannot run; an empty folder is no project. */
function noProject(projectDir: string): SlipwayError {
  if (existsSync(join(projectDir, 'deno.json')) || existsSync(join(projectDir, 'deno.jsonc')))
    return unsupported('deno.json and no package.json (a Deno project)', projectDir);
  return new SlipwayError({
    code: 'PROJECT_NOT_FOUND',
    component: 'Project',
    message: `${projectDir} is not a Slipway project (no ${STAMP_PATH}) nor a JavaScript repository (no package.json)`,
    recovery: [
      'Run it inside a project or a repository with a package.json',
      'Or: slipway create <dir>',
    ],
  });
}

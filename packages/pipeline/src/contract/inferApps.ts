import { FRAMEWORK_PORTS } from './frameworkDefaults.js';
import { basename } from 'node:path';
import { toProjectName } from '@slipway/core';
import type { ContractApp } from '@slipway/core';
import { classifyStart, staticApp } from './classifyStart.js';
import type { StartShape } from './classifyStart.js';
import type { RepoPackage } from './listPackages.js';
import { dependsOn } from './readPackageJson.js';
import { readSourceHints } from './sourceHints.js';

/** When nothing names a port: the common default of Node servers (Express, Fastify, Next). */
const FALLBACK_PORT = FRAMEWORK_PORTS.node;

/**
 * The apps of the repository: every package with a `start` script, and every Vite package
 * that builds but has no server (served as `static`). The root counts only when it is the
 * one package or has a `start` of its own.
 */
export function inferApps(
  projectDir: string,
  packages: readonly RepoPackage[],
): { apps: ContractApp[]; notes: string[] } {
  const apps: ContractApp[] = [];
  const notes: string[] = [];
  for (const pkg of packages) {
    const shape = shapeOf(pkg, packages.length === 1);
    if (!shape) continue;
    const app = toApp({ projectDir, pkg, shape, taken: new Set(apps.map((known) => known.name)) });
    apps.push(app.app);
    notes.push(...app.notes);
  }
  if (apps.length === 0) notes.push('apps: none (no package has a "start" script or a Vite build)');
  return { apps, notes };
}

/** A workspace root's `start` that starts its packages (`turbo run start`) is not an app. */
const DELEGATING_START = /^(turbo|nx|lerna|pnpm|npm|yarn|concurrently|npm-run-all)\b/;

function shapeOf(pkg: RepoPackage, single: boolean): StartShape | undefined {
  const scripts = pkg.manifest.scripts ?? {};
  const workspaceRoot = pkg.dir === '.' && !single;
  if (scripts.start && !(workspaceRoot && DELEGATING_START.test(scripts.start)))
    return classifyStart(scripts.start, pkg.manifest);
  if (workspaceRoot) return undefined;
  if (scripts.build?.includes('vite build') && dependsOn(pkg.manifest, 'vite', 'any'))
    return staticApp(
      'dist',
      'a Vite app with no server (no "start" script): the runtime serves its build',
    );
  return undefined;
}

interface ToAppInput {
  projectDir: string;
  pkg: RepoPackage;
  shape: StartShape;
  taken: ReadonlySet<string>;
}

function toApp({ projectDir, pkg, shape, taken }: ToAppInput): {
  app: ContractApp;
  notes: string[];
} {
  const name = uniqueName(appName(pkg), taken);
  const where = pkg.dir === '.' ? 'the root package' : pkg.dir;
  const notes = [`app "${name}" (${where}): ${shape.note}; kind ${shape.kind}`];
  const hints = readSourceHints(projectDir, pkg.dir);
  const port = settlePort(shape, hints);
  if (shape.kind !== 'static') notes.push(`  port ${port.port} (${port.reason})`);
  // A route-like literal in a web bundle is a client route, not a server endpoint.
  const route = shape.kind === 'static' ? undefined : hints.healthPath;
  const healthPath = route?.path ?? '/';
  notes.push(
    `  health path ${healthPath} (${route ? `route found in ${route.file}` : 'none declared'})`,
  );
  const app: ContractApp = {
    name,
    path: pkg.dir,
    ...(pkg.manifest.name && pkg.dir !== '.' ? { package: pkg.manifest.name } : {}),
    kind: shape.kind,
    ...(shape.output && pkg.manifest.scripts?.build ? { build: { output: shape.output } } : {}),
    start: shape.start,
    ...(shape.kind === 'static' ? {} : { port: port.port }),
    portEnv: 'PORT',
    healthPath,
    env: [],
  };
  return { app, notes };
}

/** The script's port, then the environment files, then the source's fallback, then the framework's. */
function settlePort(
  shape: StartShape,
  hints: ReturnType<typeof readSourceHints>,
): { port: number; reason: string } {
  if (shape.scriptPort) return { port: shape.scriptPort, reason: 'from the start script' };
  if (hints.envPort) return { port: hints.envPort.port, reason: `PORT in ${hints.envPort.file}` };
  if (hints.sourcePort)
    return {
      port: hints.sourcePort.port,
      reason: `the fallback of process.env.PORT in ${hints.sourcePort.file}`,
    };
  if (shape.frameworkPort) return { port: shape.frameworkPort, reason: "the framework's default" };
  return { port: FALLBACK_PORT, reason: 'a guess: nothing names one; the app must read PORT' };
}

function appName(pkg: RepoPackage): string {
  const fromFolder = pkg.dir === '.' ? undefined : toProjectName(basename(pkg.dir));
  const fromPackage = toProjectName((pkg.manifest.name ?? '').replace(/^@[^/]+\//, ''));
  return fromFolder || fromPackage || 'app';
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let index = 2; taken.has(candidate); index += 1) candidate = `${name}-${index}`;
  return candidate;
}

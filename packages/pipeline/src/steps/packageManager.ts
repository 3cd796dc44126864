import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SlipwayError } from '@slipway/core/errors';
import type { LifecycleContract } from '@slipway/core';
import { bundledPnpm, bundledPnpmVersion } from '../bundledPnpm.js';
import { pathWithPnpm } from '../pnpmShim.js';

/** A command to spawn, and how people would type it (for logs and error messages). */
export interface Command {
  readonly file: string;
  readonly args: readonly string[];
  readonly display: string;
  /** Environment the command needs, computed when it runs (e.g. a PATH with pnpm on it). */
  readonly env?: () => Readonly<Record<string, string>>;
}

/** What the steps need of the project's package manager; built from the contract. */
export interface PackageManager {
  readonly name: 'pnpm' | 'npm';
  readonly version: string;
  /**
   * `install`, following the lockfile and updating it when a manifest changed (as pnpm's
   * `--no-frozen-lockfile`): the same command with or without a lockfile, so the step's
   * key does not change once the first install writes one.
   */
  install(options: { storeDir: string }): Command;
  readonly installInputs: readonly string[];
  /** A file every install rewrites: the `install` step's declared output. */
  readonly installMarker: string;
  /** `run <script>` at the root, or in one workspace package; `extra` goes to the script. */
  run(script: string, options?: { package?: string; extra?: readonly string[] }): Command;
  readonly lockfile: string;
  /** Any other invocation, e.g. `['deploy', …]`. */
  command(args: readonly string[]): Command;
}

/**
 * The package manager the contract names: the pnpm Slipway bundles, or the npm that comes
 * with the Node running Slipway. yarn is refused with TOOL_MISSING: it cannot be had
 * offline (corepack downloads it).
 */
export function packageManagerFor(contract: LifecycleContract): PackageManager {
  const { name } = contract.packageManager;
  if (name === 'pnpm') return pnpm();
  if (name === 'npm') return npm();
  throw new SlipwayError({
    code: 'TOOL_MISSING',
    component: 'Pipeline',
    message: `the project uses ${name}, which Slipway cannot run yet (supported: pnpm, npm)`,
    recovery: ['Switch the project to pnpm or npm, or set packageManager in slipway.yaml'],
  });
}

interface CommandShape {
  file: string;
  prefix: readonly string[];
  display: string;
  env?: () => Readonly<Record<string, string>>;
}

function command({ file, prefix, display, env }: CommandShape) {
  return (args: readonly string[]): Command => ({
    file,
    args: [...prefix, ...args],
    display: `${display} ${args.join(' ')}`,
    ...(env ? { env } : {}),
  });
}

function pnpm(): PackageManager {
  // Scripts may call `pnpm` by name (turbo looks its binary up on PATH): give them ours.
  const spawn = command({
    file: process.execPath,
    prefix: [bundledPnpm()],
    display: 'pnpm',
    env: () => ({ PATH: pathWithPnpm() }),
  });
  return {
    name: 'pnpm',
    version: bundledPnpmVersion(),
    command: spawn,
    lockfile: 'pnpm-lock.yaml',
    installInputs: [
      'package.json',
      '**/package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      '.npmrc',
    ],
    installMarker: 'node_modules/.modules.yaml',
    install: ({ storeDir }) =>
      spawn([
        'install',
        '--store-dir',
        storeDir,
        '--prefer-offline',
        '--no-frozen-lockfile',
        '--reporter=append-only',
        '--config.confirmModulesPurge=false',
      ]),
    run: (script, options = {}) =>
      spawn([
        ...(options.package ? ['--filter', options.package] : []),
        'run',
        script,
        ...(options.extra ?? []),
      ]),
  };
}

function npm(): PackageManager {
  const cli = machineNpm();
  const spawn = cli
    ? command({ file: process.execPath, prefix: [cli.path], display: 'npm' })
    : command({ file: 'npm', prefix: [], display: 'npm' });
  const quiet = ['--no-audit', '--no-fund', '--prefer-offline'];
  return {
    name: 'npm',
    version: cli?.version ?? 'unknown',
    command: spawn,
    lockfile: 'package-lock.json',
    installInputs: ['package.json', '**/package.json', 'package-lock.json', '.npmrc'],
    installMarker: 'node_modules/.package-lock.json',
    install: () => spawn(['install', ...quiet]),
    run: (script, options = {}) =>
      spawn([
        'run',
        script,
        ...(options.package ? ['--workspace', options.package] : []),
        ...(options.extra?.length ? ['--', ...options.extra] : []),
      ]),
  };
}

/**
 * The npm shipped beside this Node (`<prefix>/lib/node_modules/npm`, or `node_modules/npm`
 * next to node.exe), run with this Node so the version is known without spawning it.
 */
function machineNpm(): { path: string; version: string } | undefined {
  const bin = dirname(process.execPath);
  for (const root of [
    join(bin, '..', 'lib', 'node_modules', 'npm'),
    join(bin, 'node_modules', 'npm'),
  ]) {
    const path = join(root, 'bin', 'npm-cli.js');
    if (!existsSync(path)) continue;
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    return { path, version };
  }
  return undefined;
}

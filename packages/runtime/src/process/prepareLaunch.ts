import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { STATIC_SERVER_COMMAND } from '@slipway/core';

const require = createRequire(import.meta.url);

export interface Launch {
  command: string;
  args: string[];
  env: Record<string, string>;
}

export interface PrepareLaunchOptions {
  command: string;
  args: readonly string[];
  /** The instance's environment (with its port). */
  env: Record<string, string>;
  /** The unpacked artifact's root. */
  appRoot: string;
  /** Where the command runs. @default appRoot */
  cwd?: string;
}

/**
 * Turns a contract start command into what the supervisor spawns:
 * - `slipway-static <folder>` runs the runtime's own static file server on that folder;
 * - `node` is the Node running Slipway, so a daemon's PATH does not matter;
 * - `${NAME}` in an argument is the instance environment's value (`--port ${PORT}`: the
 *   port the runtime chose for this instance), with no shell involved;
 * - PATH starts with this Node's folder and the `node_modules/.bin` folders from `cwd` up to
 *   the artifact root, as `npm run` gives scripts, so `next start` finds the app's own next.
 */
export function prepareLaunch(options: PrepareLaunchOptions): Launch {
  const args = options.args.map((arg) => expandEnv(arg, options.env));
  const env = { ...options.env, PATH: launchPath(options) };
  if (options.command === STATIC_SERVER_COMMAND)
    return {
      command: process.execPath,
      args: [require.resolve('@slipway/runtime/static-server'), ...args],
      env,
    };
  const command = options.command === 'node' ? process.execPath : options.command;
  return { command, args, env };
}

function expandEnv(arg: string, env: Readonly<Record<string, string>>): string {
  return arg.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (whole, name: string) => env[name] ?? whole);
}

function launchPath(options: PrepareLaunchOptions): string {
  const root = resolve(options.appRoot);
  const bins: string[] = [];
  for (let dir = resolve(options.cwd ?? root); ; dir = dirname(dir)) {
    bins.push(join(dir, 'node_modules', '.bin'));
    if (dir === root || relative(root, dir).startsWith('..') || dir === dirname(dir)) break;
  }
  return [...bins, dirname(process.execPath), options.env.PATH ?? '']
    .filter(Boolean)
    .join(delimiter);
}

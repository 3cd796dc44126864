import { FRAMEWORK_PORTS } from './frameworkDefaults.js';
import { STATIC_SERVER_COMMAND } from '@slipway/core';
import type { AppKind } from '@slipway/core';
import { findPortFlag, withPortPlaceholder } from './portFlag.js';
import { dependsOn } from './readPackageJson.js';
import type { PackageJson } from './readPackageJson.js';
import { splitScript } from './splitScript.js';

/** What a `start` script says about an app, before its port is settled. */
export interface StartShape {
  kind: AppKind;
  start: string[];
  /** The port written in the script (`--port 4000`, `PORT=4000 node …`). */
  scriptPort?: number;
  /** The framework's own default port, when it has one. */
  frameworkPort?: number;
  /** Build output folders, relative to the app folder. */
  output?: string[];
  /** The port is a guess: nothing in the script or the framework names one. */
  guessedPort?: boolean;
  note: string;
}

/** Node-side runners whose first argument is the server's entry file. */
const NODE_RUNNERS = new Set(['node', 'tsx', 'ts-node', 'nodemon']);
/** Static-file servers whose first folder argument is what they serve. */
const STATIC_SERVERS = new Set(['serve', 'http-server', 'sirv']);

/**
 * Reads the `start` script: `next start` and `vite preview` are web apps started through
 * their package's bin with the runtime's port passed in; `node`/`tsx` run an API; `serve`
 * and a `vite preview` whose `vite` is only a dev dependency become `static`; anything a
 * shell must run stays a shell command.
 */
export function classifyStart(script: string, manifest: PackageJson): StartShape {
  const split = splitScript(script);
  if (!split) {
    return {
      kind: 'api',
      start: ['sh', '-c', script],
      guessedPort: true,
      note: `"${script}" runs in a shell`,
    };
  }
  const envPort = Number(split.env.PORT) || undefined;
  const [command, ...rest] = split.argv as [string, ...string[]];
  const scriptPort = findPortFlag(rest)?.port ?? envPort;
  const shape = classifyCommand(command, rest, manifest);
  return { ...shape, ...(scriptPort ? { scriptPort } : {}) };
}

function classifyCommand(command: string, rest: string[], manifest: PackageJson): StartShape {
  if (command === 'next' && rest[0] === 'start') {
    const start = withPortPlaceholder(['next', ...rest], 'PORT');
    return {
      kind: 'web',
      start,
      frameworkPort: FRAMEWORK_PORTS.next,
      output: ['.next'],
      note: 'Next.js (next start)',
    };
  }
  if (command === 'vite' && rest[0] === 'preview') return vitePreview(rest, manifest);
  if (NODE_RUNNERS.has(command)) {
    const entry = rest.find((word) => !word.startsWith('-'));
    const output = entry && /^(dist|build|out)\//.exec(entry)?.[1];
    const runner = command === 'nodemon' ? ['node', ...rest] : [command, ...rest];
    // A port written in the script would pin every instance to it: the runtime passes its own.
    const argv = findPortFlag(rest) ? withPortPlaceholder(runner, 'PORT') : runner;
    return {
      kind: 'api',
      start: argv,
      guessedPort: true,
      ...(output ? { output: [output] } : {}),
      note: `a Node server (${command}${entry ? ` ${entry}` : ''})`,
    };
  }
  if (STATIC_SERVERS.has(command)) {
    const folder = rest.find((word) => !word.startsWith('-')) ?? 'dist';
    return staticApp(
      folder,
      `a static site served by ${command}; the runtime serves ${folder} itself`,
    );
  }
  return {
    kind: 'api',
    start: [command, ...rest],
    guessedPort: true,
    note: `a server started by ${command}`,
  };
}

function vitePreview(rest: string[], manifest: PackageJson): StartShape {
  const outDir = /^--outDir=(.+)$/.exec(
    rest.find((word) => word.startsWith('--outDir=')) ?? '',
  )?.[1];
  if (!dependsOn(manifest, 'vite', 'prod')) {
    return staticApp(
      outDir ?? 'dist',
      'a Vite app (vite preview, but vite is a dev dependency and is not in the artifact): the runtime serves its build',
    );
  }
  // The health check dials 127.0.0.1; vite's default `localhost` may bind ::1 only.
  const start = withPortPlaceholder(['vite', ...rest], 'PORT');
  if (!start.includes('--strictPort')) start.push('--strictPort');
  if (!start.some((word) => word.startsWith('--host'))) start.push('--host', '127.0.0.1');
  return {
    kind: 'web',
    start,
    frameworkPort: FRAMEWORK_PORTS.vitePreview,
    output: [outDir ?? 'dist'],
    note: 'a Vite app (vite preview)',
  };
}

/** A `static` app: the runtime's own file server on `folder`. */
export function staticApp(folder: string, note: string): StartShape {
  return { kind: 'static', start: [STATIC_SERVER_COMMAND, folder], output: [folder], note };
}

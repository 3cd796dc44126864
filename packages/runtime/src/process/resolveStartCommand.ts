import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACT_MANIFEST,
  SlipwayError,
  artifactManifestSchema,
  formatZodIssues,
} from '@slipway/core';
import type { ArtifactManifest } from '@slipway/core';

/** How an unpacked app starts and where its health endpoint is. */
export interface StartCommand {
  command: string;
  args: string[];
  /** Absolute folder the app runs in. */
  cwd: string;
  healthPath: string;
  /** The variable the app reads its port from. */
  portEnv: string;
  /** Defaults from the manifest, under the request's environment. */
  env: Record<string, string>;
}

/** The health path of an app whose manifest names none: the contract's default. */
export const DEFAULT_HEALTH_PATH = '/';

/**
 * Reads how the app starts from its artifact manifest — `slipway-artifact.json` in the
 * app root, else the one beside the artifact — and nothing else: the manifest is written
 * from the project's lifecycle contract. `node` means the Node running Slipway, so a
 * daemon's PATH does not matter.
 */
export function resolveStartCommand(appRoot: string, manifestPath?: string): StartCommand {
  const path = [join(appRoot, ARTIFACT_MANIFEST), manifestPath].find(
    (candidate): candidate is string => candidate !== undefined && existsSync(candidate),
  );
  if (!path) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Runtime',
      message: `The artifact has no ${ARTIFACT_MANIFEST}: nothing says how it starts.`,
      recovery: ['Package it with: slipway up --only package'],
    });
  }
  const manifest = readManifest(path);
  const [command, ...args] = manifest.start ?? [];
  if (command === undefined) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Runtime',
      message: `${path} has no start command; add "start" to the app in the lifecycle contract.`,
      location: { file: path },
    });
  }
  return {
    command: command === 'node' ? process.execPath : command,
    args,
    cwd: join(appRoot, manifest.cwd),
    healthPath: manifest.healthPath,
    portEnv: manifest.portEnv,
    env: manifest.env,
  };
}

function readManifest(path: string): ArtifactManifest {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new SlipwayError({
      code: 'JSON_SYNTAX',
      component: 'Runtime',
      message: `The artifact manifest ${path} is not valid JSON.`,
      location: { file: path },
      cause,
    });
  }
  const parsed = artifactManifestSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new SlipwayError({
    code: 'INPUT_INVALID',
    component: 'Runtime',
    message: `The artifact manifest ${path} is invalid:\n    ${formatZodIssues(parsed.error).join('\n    ')}`,
    location: { file: path },
  });
}

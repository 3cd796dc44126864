import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SlipwayError } from '@slipway/core';
import { ARTIFACT_MANIFEST } from './unpackArtifact.js';

/** How an unpacked app starts and where its health endpoint is. */
export interface StartCommand {
  command: string;
  args: string[];
  healthPath: string;
  /** Defaults from the manifest, under the request's environment. */
  env: Record<string, string>;
}

interface ManifestFields {
  start?: unknown;
  healthPath?: unknown;
  env?: unknown;
}

/** The saas template's API entry (its Dockerfile's CMD), relative to the app root. */
const SAAS_ENTRY = 'apps/api/dist/server.js';
export const DEFAULT_HEALTH_PATH = '/api/health';

/**
 * Reads the start command from, in order: `slipway-artifact.json` in the app root, the
 * manifest beside the artifact; `{ start: ["node", "server.js"], healthPath, env }`.
 * Without one, `apps/api/dist/server.js` (the saas layout) or package.json `main` runs
 * with node. `node` means the Node running Slipway, so a daemon's PATH does not matter.
 */
export function resolveStartCommand(appRoot: string, manifestPath?: string): StartCommand {
  const manifest = [join(appRoot, ARTIFACT_MANIFEST), manifestPath]
    .filter((path): path is string => path !== undefined && existsSync(path))
    .map(readManifest)
    .find((fields) => fields.start !== undefined);
  const start = manifest?.start ?? defaultStart(appRoot);
  if (!isStringArray(start) || start.length === 0) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Runtime',
      message: `The artifact has no start command: add "start": ["node", "<entry>.js"] to ${ARTIFACT_MANIFEST}, or ship ${SAAS_ENTRY}.`,
    });
  }
  const [command, ...args] = start as [string, ...string[]];
  return {
    command: command === 'node' ? process.execPath : command,
    args,
    healthPath:
      typeof manifest?.healthPath === 'string' ? manifest.healthPath : DEFAULT_HEALTH_PATH,
    env: isStringRecord(manifest?.env) ? manifest.env : {},
  };
}

function readManifest(path: string): ManifestFields {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as ManifestFields) : {};
  } catch (cause) {
    throw new SlipwayError({
      code: 'JSON_SYNTAX',
      component: 'Runtime',
      message: `The artifact manifest ${path} is not valid JSON.`,
      location: { file: path },
      cause,
    });
  }
}

function defaultStart(appRoot: string): string[] | undefined {
  if (existsSync(join(appRoot, SAAS_ENTRY))) return ['node', SAAS_ENTRY];
  const packageJson = join(appRoot, 'package.json');
  if (!existsSync(packageJson)) return undefined;
  const { main } = JSON.parse(readFileSync(packageJson, 'utf8')) as { main?: unknown };
  return typeof main === 'string' ? ['node', main] : undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

import { Document, isMap, isSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { LifecycleContract } from '@slipway/core';

/** Where editors find the JSON Schema of `slipway.yaml`. */
export const CONTRACT_SCHEMA_URL =
  'https://raw.githubusercontent.com/slipway-dev/slipway/main/packages/core/schemas/lifecycle-contract.json';

const HEADER = [
  ' Slipway lifecycle contract: how `slipway up` installs, builds, checks, packages and',
  ' starts this repository. Written by `slipway init` from what it read; review it, then',
  ' commit it. While this file exists, Slipway uses it instead of inferring. Reference:',
  ' docs/inference.md (slipway.yaml); check it with `slipway validate`.',
].join('\n');

/** One comment above each top-level field. */
const FIELD_COMMENTS: Readonly<Record<string, string>> = {
  packageManager: ' pnpm, npm or yarn; `version` is the one pinned by "packageManager"',
  runner: ' what runs the root scripts across packages: turbo, nx, workspaces or none',
  engines: ' versions the project needs; `slipway doctor` checks them',
  scripts: ' root package.json scripts per phase; a phase without one has no step',
  apps: [
    ' the apps: kind api | web | worker | static; `start` is argv run from the app folder',
    ' in the artifact ("node" is the Node running Slipway, "${PORT}" the port the runtime',
    ' gives the instance, "slipway-static <folder>" the runtime\'s own static file server)',
  ].join('\n'),
  database: ' scripts that migrate and seed the database (in `package`, or the root)',
  artifact: ' the app that is packaged and started, and more folders copied in beside it',
};

/** `contract` as the commented YAML that `slipway init` writes. Pure: the caller writes it. */
export function renderContractYaml(contract: LifecycleContract): string {
  const { $schema: _ignored, ...fields } = contract;
  const document = new Document({ $schema: CONTRACT_SCHEMA_URL, ...fields });
  document.commentBefore = HEADER;
  const root = document.contents;
  if (isMap(root)) {
    for (const pair of (root as YAMLMap).items) {
      const key = String((pair.key as { value?: unknown }).value ?? pair.key);
      const comment = FIELD_COMMENTS[key];
      if (comment && pair.key && typeof pair.key === 'object')
        (pair.key as { commentBefore?: string }).commentBefore = comment;
      if (key === 'apps' && isSeq(pair.value)) pair.value.items.forEach(flowArgv);
    }
  }
  return document.toString({ lineWidth: 0 });
}

/** `start: [node, main.js]` on one line reads as the command it is. */
function flowArgv(app: unknown): void {
  if (!isMap(app)) return;
  const start = app.get('start', true);
  if (isSeq(start)) start.flow = true;
}

import { createHash } from 'node:crypto';
import type { FileSnapshot } from './snapshotFiles.js';
import type { StepInputs } from './stepDefinition.js';
import { stepFileInputs } from './stepFileInputs.js';

/** A step's cache key and the digest of each input it was made from. */
export interface Fingerprint {
  /** `sha256` over every input digest and the keys of the steps it depends on. */
  key: string;
  /**
   * Input id → digest; ids are `file:<path>`, `env:<NAME>`, `tool:<name>`, `config`,
   * `dep:<step>`, and `files:<folder>/` for a folder's files when a step reads more than
   * `MAX_FILE_INPUTS` files.
   */
  inputs: Record<string, string>;
}

export interface FingerprintInput {
  inputs: StepInputs;
  files: FileSnapshot;
  env: Readonly<Record<string, string | undefined>>;
  /** Dependency step → its cache key (`none` when it never succeeded). */
  depKeys: Readonly<Record<string, string>>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Computes a step's content-hash cache key. Environment values are hashed and truncated
 * (they may be secrets): the state file records only that a value changed.
 */
export function fingerprintStep(input: FingerprintInput): Fingerprint {
  const inputs: Record<string, string> = {
    ...stepFileInputs(input.files, input.inputs.files, input.inputs.ignore),
  };
  for (const name of input.inputs.env ?? []) {
    const value = input.env[name];
    inputs[`env:${name}`] = value === undefined ? 'unset' : sha256(`${name}=${value}`).slice(0, 16);
  }
  for (const [name, version] of Object.entries(input.inputs.tools ?? {})) {
    inputs[`tool:${name}`] = version;
  }
  if (input.inputs.config !== undefined) {
    inputs.config = sha256(stableJson(input.inputs.config)).slice(0, 16);
  }
  for (const [name, key] of Object.entries(input.depKeys)) inputs[`dep:${name}`] = key;
  const lines = Object.keys(inputs)
    .sort()
    .map((id) => `${id}\0${inputs[id]}`);
  return { key: sha256(lines.join('\n')), inputs };
}

/** JSON with object keys sorted, so equal configs hash equally. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : item,
  );
}

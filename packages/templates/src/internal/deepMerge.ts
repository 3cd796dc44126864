import { isDeepStrictEqual } from 'node:util';

export type JsonPath = Array<string | number>;

/** One change the merge makes to the target document. */
export type MergeEdit =
  | { kind: 'set'; path: JsonPath; value: unknown }
  | { kind: 'append'; path: JsonPath; items: unknown[]; at: number };

/** Thrown when a fragment sets a scalar that the target already has a different value for. */
export class MergeConflict extends Error {
  constructor(
    readonly path: JsonPath,
    readonly existing: unknown,
    readonly incoming: unknown,
  ) {
    super(
      `${path.join('.')} is ${JSON.stringify(existing)} but the fragment sets ${JSON.stringify(incoming)}`,
    );
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Computes the edits that deep-merge `fragment` into `target` (docs/templates.md, merge
 * rules): objects merge key by key, arrays gain the items they lack, a new key is added,
 * an equal scalar is left alone and a different one is a MergeConflict. Edits are
 * returned rather than applied so format-preserving editors (JSONC, YAML documents) can
 * apply them without losing comments.
 */
export function deepMergeEdits(
  target: unknown,
  fragment: unknown,
  path: JsonPath = [],
): MergeEdit[] {
  if (isPlainObject(target) && isPlainObject(fragment)) {
    return Object.entries(fragment).flatMap(([key, value]) =>
      key in target
        ? deepMergeEdits(target[key], value, [...path, key])
        : [{ kind: 'set' as const, path: [...path, key], value }],
    );
  }
  if (Array.isArray(target) && Array.isArray(fragment)) {
    const missing = fragment.filter(
      (item) => !target.some((have) => isDeepStrictEqual(have, item)),
    );
    return missing.length === 0
      ? []
      : [{ kind: 'append', path, items: missing, at: target.length }];
  }
  if (isDeepStrictEqual(target, fragment)) return [];
  throw new MergeConflict(path, target, fragment);
}

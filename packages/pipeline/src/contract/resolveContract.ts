import { findProjectStamp } from '@slipway/core';
import type { ContractSource, LifecycleContract } from '@slipway/core';
import { inferContract } from './inferContract.js';
import { readContractFile } from './readContractFile.js';

export interface ResolvedContract {
  readonly contract: LifecycleContract;
  readonly source: ContractSource;
  /** What inference guessed and why, for `slipway init` and the doctor; empty otherwise. */
  readonly notes: readonly string[];
}

/**
 * The project's lifecycle contract, from the first place that has one: the stamp of a
 * project `slipway create` made (its template's contract, resolved with the answers), then
 * `slipway.yaml`, then inference from the repository's manifests. A stamp written before
 * stamps carried a contract falls through to the next two.
 */
export function resolveContract(projectDir: string): ResolvedContract {
  const stamped = findProjectStamp(projectDir)?.contract;
  if (stamped) return { contract: stamped, source: 'stamp', notes: [] };
  const written = readContractFile(projectDir);
  if (written) return { contract: written, source: 'slipway.yaml', notes: [] };
  const { contract, notes } = inferContract(projectDir);
  return { contract, source: 'inferred', notes };
}

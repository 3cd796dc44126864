import { SlipwayError } from '@slipway/core';
import type { ContractSource, LifecycleContract } from '@slipway/core';
import { CONTRACT_FILE } from '../contract/readContractFile.js';
import { resolveContract } from '../contract/resolveContract.js';
import type { DoctorCheck } from './doctorCheck.js';

export interface DoctorProject {
  contract?: LifecycleContract;
  source?: ContractSource;
  /** The `project` check: how the contract was found, or why it was not. */
  check: DoctorCheck;
}

/**
 * The contract the doctor judges a project by, resolved as `up` resolves it (for a
 * repository Slipway did not create: `slipway.yaml` when present, else inference). An
 * unreadable or unsupported repository is a failing `project` check carrying the error's
 * code.
 */
export function doctorProject(projectDir: string): DoctorProject {
  try {
    const { contract, source } = resolveContract(projectDir);
    return found(contract, source, HOW[source]);
  } catch (error) {
    if (!(error instanceof SlipwayError)) throw error;
    const fix = error.recovery[0] ?? 'slipway validate';
    return {
      check: { name: 'project', status: 'fail', detail: error.message, fix, code: error.code },
    };
  }
}

const HOW: Record<ContractSource, string> = {
  stamp: 'from the project stamp',
  'slipway.yaml': `from ${CONTRACT_FILE}`,
  inferred: 'inferred (slipway init writes it down)',
};

function found(contract: LifecycleContract, source: ContractSource, how: string): DoctorProject {
  const apps = contract.apps.map((app) => `${app.name} (${app.kind})`).join(', ') || 'no apps';
  const detail = `${contract.packageManager.name}, ${contract.runner}, ${apps}; ${how}`;
  return { contract, source, check: { name: 'project', status: 'pass', detail } };
}

import { SlipwayError } from '@slipway/core';
import type { ContractSource, LifecycleContract } from '@slipway/core';
import { inferContract } from '../contract/inferContract.js';
import { CONTRACT_FILE, readContractFile } from '../contract/readContractFile.js';
import type { DoctorCheck } from './doctorCheck.js';

export interface DoctorProject {
  contract?: LifecycleContract;
  source?: ContractSource;
  /** The `project` check: how the contract was found, or why it was not. */
  check: DoctorCheck;
}

/**
 * The contract the doctor judges a repository Slipway did not create by: `slipway.yaml`
 * when present, else what inference reads. An unreadable or unsupported repository is a
 * failing `project` check carrying the error's code.
 */
export function doctorProject(projectDir: string): DoctorProject {
  try {
    const written = readContractFile(projectDir);
    if (written) return found(written, 'slipway.yaml', `from ${CONTRACT_FILE}`);
    const { contract } = inferContract(projectDir);
    return found(contract, 'inferred', 'inferred (slipway init writes it down)');
  } catch (error) {
    if (!(error instanceof SlipwayError)) throw error;
    const fix = error.recovery[0] ?? 'slipway validate';
    return {
      check: { name: 'project', status: 'fail', detail: error.message, fix, code: error.code },
    };
  }
}

function found(contract: LifecycleContract, source: ContractSource, how: string): DoctorProject {
  const apps = contract.apps.map((app) => `${app.name} (${app.kind})`).join(', ') || 'no apps';
  const detail = `${contract.packageManager.name}, ${contract.runner}, ${apps}; ${how}`;
  return { contract, source, check: { name: 'project', status: 'pass', detail } };
}

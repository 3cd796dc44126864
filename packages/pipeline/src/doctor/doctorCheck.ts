import type { ErrorCode } from '@slipway/core';

/** pass: fine · warn: works, but something may fail later · fail: the lifecycle cannot run. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface DoctorCheck {
  /** e.g. `node`, `pnpm`, `disk space`, `port 8080`, `docker`. */
  name: string;
  status: CheckStatus;
  /** What was found, e.g. `v20.19.0 (needs >=20.19)`. */
  detail: string;
  /** The command or action that fixes it. */
  fix?: string;
  /** Set when `slipway doctor --fix` repaired it. */
  fixed?: boolean;
  /** The error a failure stands for when the lifecycle stops on it, e.g. `TOOL_TOO_OLD`. */
  code?: ErrorCode;
}

export interface DoctorReport {
  checks: DoctorCheck[];
  /**
   * 0 every check passed, 1 warnings only, 2 at least one failure: scripts can tell a
   * machine that merely needs attention from one that cannot run the lifecycle.
   */
  exitCode: 0 | 1 | 2;
}

export function doctorExitCode(checks: readonly DoctorCheck[]): 0 | 1 | 2 {
  if (checks.some((check) => check.status === 'fail')) return 2;
  return checks.some((check) => check.status === 'warn') ? 1 : 0;
}

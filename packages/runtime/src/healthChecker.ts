import { SlipwayError } from '@slipway/core';
import type { HealthCheckRequest, HealthChecker } from '@slipway/core';
import { waitForHealthy } from './waitForHealthy.js';
import type { HealthResult } from './waitForHealthy.js';
import { createProcessDriver } from './process/createProcessDriver.js';

/**
 * Polls an instance's health endpoint until it answers 2xx; a failure throws
 * `HEALTH_TIMEOUT` carrying the instance's last log lines. Implements `@slipway/core`'s
 * `HealthChecker` port, which the pipeline's `health` step calls.
 */
export interface RuntimeHealthChecker extends HealthChecker {
  check(request: HealthCheckRequest): Promise<HealthResult>;
}

export interface HealthCheckerOptions {
  /** @default '/' */
  path?: string;
  /** The last log lines of the instance serving `url`, for the failure message. */
  lastLogLines?: (url: string) => Promise<readonly string[]>;
  /** Without `lastLogLines`: find the instance by URL among this project's (process driver). */
  projectDir?: string;
}

const FAILURE_LOG_LINES = 30;

/**
 * @example
 * const checker = createHealthChecker({ projectDir });
 * const result = await checker.check({ url: instance.url }); // { ok: true, attempts, … }
 */
export function createHealthChecker(options: HealthCheckerOptions = {}): RuntimeHealthChecker {
  const { projectDir } = options;
  const lastLogLines =
    options.lastLogLines ??
    (projectDir === undefined ? undefined : (url: string) => instanceLogLines(projectDir, url));
  return {
    async check(request) {
      const result = await waitForHealthy({ ...request, path: request.path ?? options.path });
      if (result.ok) return result;
      if (request.signal?.aborted) {
        throw new SlipwayError({
          code: 'INTERRUPTED',
          component: 'Runtime',
          message: `Stopped waiting for ${result.url}.`,
        });
      }
      const lines = (await lastLogLines?.(request.url)) ?? [];
      throw healthTimeout({ result, lines });
    },
  };
}

async function instanceLogLines(projectDir: string, url: string): Promise<string[]> {
  const driver = createProcessDriver({ projectDir });
  const base = new URL(url).origin;
  const instance = (await driver.status()).find((candidate) => candidate.url === base);
  return instance ? driver.logs(instance.id, { lines: FAILURE_LOG_LINES }) : [];
}

/** `HEALTH_TIMEOUT` for an instance that did not become healthy, with its last log lines. */
export function healthTimeout(options: {
  result: HealthResult;
  lines: readonly string[];
  context?: string;
}): SlipwayError {
  const { result, lines } = options;
  const log = lines.length > 0 ? `\nLast log lines:\n${lines.join('\n')}` : '';
  return new SlipwayError({
    code: 'HEALTH_TIMEOUT',
    component: 'Runtime',
    message: `${result.url} did not become healthy: ${result.reason ?? 'no answer'} after ${result.attempts} attempt(s).${options.context ? ` ${options.context}` : ''}${log}`,
    recovery: ['slipway logs', 'fix the cause, then slipway up'],
  });
}

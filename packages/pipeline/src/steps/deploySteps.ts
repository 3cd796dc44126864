import { SlipwayError } from '@slipway/core/errors';
import type { Artifact, Deployer, HealthChecker } from '@slipway/core';
import type { StepDefinition } from '../engine/stepDefinition.js';
import type { StepName } from '../engine/stepName.js';

/**
 * `deploy` through the injected runtime driver. A cache hit needs the same artifact still
 * serving at the recorded URL (`Deployer.serving`); the runtime's health-gated switch makes
 * a redeploy of the same artifact safe.
 */
export function deployStep(deployer: Deployer, dependsOn: readonly StepName[]): StepDefinition {
  return {
    name: 'deploy',
    description: 'start the artifact as an instance (health-gated switch)',
    dependsOn,
    inputs: {},
    cacheable: deployer.serving !== undefined,
    async isCurrent({ projectDir, outcome, results }) {
      const artifact = results.get('package')?.artifact as Artifact | undefined;
      const now = await deployer.serving?.(projectDir);
      return now !== undefined && now.url === outcome?.url && now.digest === artifact?.digest;
    },
    async run(context) {
      const artifact = context.results.get('package')?.artifact as Artifact | undefined;
      if (!artifact) {
        throw new SlipwayError({
          code: 'STEP_FAILED',
          component: 'Pipeline',
          message: "deploy needs the package step's artifact, and there is none",
          recovery: ['Run: slipway up --resume-from package'],
        });
      }
      const instance = await deployer.deploy({
        projectDir: context.projectDir,
        artifact,
        env: context.env,
        signal: context.signal,
        log: context.log,
      });
      context.log(`instance ${instance.id} at ${instance.url} (${instance.driver})`);
      return { ...instance };
    },
  };
}

/**
 * `health`: polls the deployed instance's health path (the contract's, for the packaged
 * app) through the injected checker. A hit only when `deploy` was one too: a fresh deploy
 * is always checked.
 */
export function healthStep(
  checker: HealthChecker,
  options: { timeoutMs: number; path: string },
): StepDefinition {
  return {
    name: 'health',
    description: `poll ${options.path} until it answers`,
    dependsOn: ['deploy'],
    inputs: {},
    isCurrent: async ({ steps }) => steps.deploy?.status === 'cached',
    async run(context) {
      const url = context.results.get('deploy')?.url;
      if (typeof url !== 'string') {
        throw new SlipwayError({
          code: 'STEP_FAILED',
          component: 'Pipeline',
          message: 'health needs the URL of a deployed instance, and deploy gave none',
        });
      }
      const outcome = await checker.check({
        url,
        path: options.path,
        timeoutMs: options.timeoutMs,
        signal: context.signal,
      });
      context.log(`${new URL(options.path, url).href} is healthy`);
      return { ...outcome, url };
    },
  };
}

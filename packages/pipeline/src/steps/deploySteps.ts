import { SlipwayError } from '@slipway/core/errors';
import type { Artifact, Deployer, HealthChecker } from '../deployer.js';
import type { StepDefinition } from '../stepDefinition.js';
import type { StepName } from '../stepNames.js';

/**
 * `deploy` through the injected runtime driver. Not cacheable: whether the instance still
 * runs is the runtime's to know, and its health-gated switch makes a redeploy of the same
 * artifact safe.
 */
export function deployStep(deployer: Deployer, dependsOn: readonly StepName[]): StepDefinition {
  return {
    name: 'deploy',
    description: 'start the artifact as an instance (health-gated switch)',
    dependsOn,
    inputs: {},
    cacheable: false,
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

/** `health`: polls the deployed instance's `/api/health` through the injected checker. */
export function healthStep(checker: HealthChecker, timeoutMs: number): StepDefinition {
  return {
    name: 'health',
    description: 'poll /api/health until it answers',
    dependsOn: ['deploy'],
    inputs: {},
    cacheable: false,
    async run(context) {
      const url = context.results.get('deploy')?.url;
      if (typeof url !== 'string') {
        throw new SlipwayError({
          code: 'STEP_FAILED',
          component: 'Pipeline',
          message: 'health needs the URL of a deployed instance, and deploy gave none',
        });
      }
      const healthUrl = new URL('/api/health', url).href;
      const outcome = await checker.check({ url: healthUrl, timeoutMs, signal: context.signal });
      context.log(`${healthUrl} is healthy`);
      return { url, ...outcome };
    },
  };
}

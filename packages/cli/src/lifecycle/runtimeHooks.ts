import type { Deployer, HealthChecker } from '@slipway/pipeline';

/**
 * The runtime behind the pipeline's `deploy` and `health` steps: `@slipway/runtime`'s
 * health-gated deployer (the `process` driver) and health checker. Loaded only when a run
 * deploys.
 */
export async function runtimeHooks(
  projectDir: string,
  options: { healthTimeoutMs?: number } = {},
): Promise<{ deployer: Deployer; healthChecker: HealthChecker }> {
  const runtime = await import('@slipway/runtime');
  const deployer = runtime.createDeployer(
    options.healthTimeoutMs ? { healthTimeoutMs: options.healthTimeoutMs } : {},
  );
  return {
    deployer: {
      deploy: (request) => deployer.deploy(request),
      async serving(dir) {
        const active = (await deployer.list(dir)).find(
          (instance) => instance.role === 'active' && instance.state === 'running',
        );
        return active ? { url: active.url, digest: active.artifact.digest } : undefined;
      },
    },
    healthChecker: runtime.createHealthChecker({ projectDir }),
  };
}

import { SlipwayError } from '@slipway/core';
import { isSecretName } from '@slipway/secrets';
import type { DeployRequest, DeployedInstance, Deployer } from '@slipway/core';
import { healthTimeout } from './healthChecker.js';
import type { InstanceDriver, InstanceStatus } from './instanceDriver.js';
import { createProcessDriver } from './process/createProcessDriver.js';
import { waitForHealthy } from './waitForHealthy.js';

/** What the runtime's deploy returns: the instance now serving and the ones it replaced. */
export interface RuntimeDeployedInstance extends DeployedInstance {
  replaced: string[];
}

/**
 * Deploys an artifact behind a health gate (Coolify's rollback): the new version starts
 * beside the running one on another port and replaces it only after its health check
 * passes; otherwise it is stopped, the old one keeps serving, and the deploy throws
 * `HEALTH_TIMEOUT` with the new one's last log lines. Implements `@slipway/core`'s
 * `Deployer` port, which the pipeline's `deploy` step calls.
 */
export interface RuntimeDeployer extends Deployer {
  deploy(request: DeployRequest): Promise<RuntimeDeployedInstance>;
  /**
   * The instance serving the project now (active and running), if any, with the digest
   * of its artifact: the pipeline's `deploy` step is a cache hit while it is unchanged.
   */
  serving(projectDir: string): Promise<{ url: string; digest?: string } | undefined>;
  /** The project's instances with their live state, for `slipway status`. */
  list(projectDir: string): Promise<readonly InstanceStatus[]>;
}

export interface DeployerOptions {
  /** @default the process driver */
  driverFor?: (projectDir: string) => InstanceDriver;
  /** @default 60_000 */
  healthTimeoutMs?: number;
  /** Secret names for every deploy, on top of each request's. */
  secretNames?: readonly string[];
}

/** Listed names plus every secret name in the merged environment the pipeline hands over. */
function secretNamesOf(request: DeployRequest, configured: readonly string[] = []): string[] {
  const guessed = Object.keys(request.env).filter(isSecretName);
  return [...new Set([...configured, ...(request.secretNames ?? []), ...guessed])];
}

/** Log lines of a failed candidate carried in the error. */
const FAILURE_LOG_LINES = 30;
/** Restarts in a row after which a candidate is not waited for any longer. */
const GIVE_UP_AFTER_RESTARTS = 3;

/**
 * @example
 * const deployer = createDeployer();
 * const instance = await deployer.deploy({ projectDir, artifact: { path: tarball }, env });
 */
export function createDeployer(options: DeployerOptions = {}): RuntimeDeployer {
  const driverFor = options.driverFor ?? ((projectDir) => createProcessDriver({ projectDir }));
  return {
    async deploy(request) {
      const driver = driverFor(request.projectDir);
      const log = request.log ?? (() => {});
      const previous = (await driver.status()).filter(
        (instance) => instance.role === 'active' && instance.state !== 'stopped',
      );
      const port = choosePort(request, previous, log);
      const candidate = await driver.start({
        artifact: request.artifact.path,
        manifestPath: request.artifact.manifestPath,
        digest: request.artifact.digest,
        port,
        env: request.env,
        secretNames: secretNamesOf(request, options.secretNames),
        role: 'candidate',
      });
      log(`started ${candidate.id} at ${candidate.url}; waiting for ${candidate.healthPath}`);
      const health = await waitForHealthy({
        url: candidate.url,
        path: candidate.healthPath,
        timeoutMs: options.healthTimeoutMs,
        signal: request.signal,
        giveUp: () => givenUp(driver, candidate.id),
      });
      if (!health.ok) {
        const lines = await driver.logs(candidate.id, { lines: FAILURE_LOG_LINES });
        await driver.stop([candidate.id]);
        await driver.setRole(candidate.id, 'failed');
        await pruneFailed(driver, candidate.id);
        if (request.signal?.aborted) throw interrupted();
        const serving = previous.filter((instance) => instance.state === 'running');
        const context =
          serving.length > 0
            ? `The previous version keeps serving at ${serving.map((i) => i.url).join(', ')}.`
            : 'No previous version was running.';
        throw healthTimeout({ result: health, lines, context });
      }
      await driver.setRole(candidate.id, 'active');
      const replaced = previous.map((instance) => instance.id);
      // Everything else goes too: stopped, down or failed instances of earlier deploys.
      const others = (await driver.status()).filter((instance) => instance.id !== candidate.id);
      await driver.remove(others.map((instance) => instance.id));
      log(`${candidate.id} is healthy and serving at ${candidate.url}`);
      return {
        id: candidate.id,
        url: candidate.url,
        driver: driver.name,
        pid: candidate.pid,
        port: candidate.port,
        replaced,
      };
    },
    async serving(projectDir) {
      const instances = await driverFor(projectDir).status();
      const active = instances.find((i) => i.role === 'active' && i.state === 'running');
      return active && { url: active.url, digest: active.artifact.digest };
    },
    list: (projectDir) => driverFor(projectDir).status(),
  };
}

/**
 * The requested port (`port`, else `env.PORT`), unless the version being replaced holds
 * it: both must run during the gate, so the new one then takes a free port.
 */
function choosePort(
  request: DeployRequest,
  previous: readonly InstanceStatus[],
  log: (line: string) => void,
): number | undefined {
  const fromEnv = request.env.PORT ? Number(request.env.PORT) : undefined;
  const port = request.port ?? fromEnv;
  if (port === undefined) return undefined;
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new SlipwayError({
      code: 'INPUT_INVALID',
      component: 'Runtime',
      message: `PORT must be a port number, got "${String(request.port ?? request.env.PORT)}".`,
    });
  }
  if (!previous.some((instance) => instance.port === port)) return port;
  log(`port ${port} is held by the version being replaced; the new one takes a free port`);
  return undefined;
}

async function givenUp(driver: InstanceDriver, id: string): Promise<string | undefined> {
  const [status] = await driver.status([id]);
  if (!status || status.state === 'down') return 'its processes are gone';
  if (status.state === 'crashed') return 'it crashed and its supervisor gave up';
  if (status.restarts >= GIVE_UP_AFTER_RESTARTS) {
    return `it crashed ${status.restarts} times (last exit ${status.lastExit?.signal ?? status.lastExit?.code})`;
  }
  return undefined;
}

/** Keeps the latest failed candidate for `slipway logs`; older ones go. */
async function pruneFailed(driver: InstanceDriver, keep: string): Promise<void> {
  const failed = (await driver.status()).filter(
    (instance) => instance.role === 'failed' && instance.id !== keep,
  );
  if (failed.length > 0) await driver.remove(failed.map((instance) => instance.id));
}

function interrupted(): SlipwayError {
  return new SlipwayError({
    code: 'INTERRUPTED',
    component: 'Runtime',
    message: 'The deploy was interrupted; the previous version, if any, keeps serving.',
  });
}

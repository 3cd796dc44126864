/** The package step's artifact: a content-addressed tarball. */
export interface Artifact {
  /** Absolute path of the tarball. */
  path: string;
  /** `sha256:<hex>` of the tarball. */
  digest: string;
  size: number;
  /** Absolute path of the manifest written beside it. */
  manifestPath: string;
}

export interface DeployRequest {
  projectDir: string;
  artifact: Artifact;
  /** Environment for the instance (project env plus secrets). */
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  /** Progress lines for the step's log. */
  log(line: string): void;
}

/** A running deployment, as the runtime reports it. */
export interface DeployedInstance {
  id: string;
  url: string;
  /** e.g. `process`, `docker`, `kubernetes`. */
  driver: string;
  pid?: number;
  port?: number;
}

/**
 * Deploys an artifact. Implemented by `@slipway/runtime` (the `process` driver by default)
 * and injected by the CLI or server, so the pipeline does not depend on the runtime. The
 * implementation owns the health-gated switch: it must keep the previous instance serving
 * until the new one passes its health check, and throw a SlipwayError otherwise
 * (`HEALTH_TIMEOUT` with the new instance's last log lines).
 */
export interface Deployer {
  deploy(request: DeployRequest): Promise<DeployedInstance>;
  /**
   * The instance serving the project now, if any. With it, `deploy` is a cache hit while
   * the same artifact still runs at the same URL; without it, `deploy` runs every time.
   */
  serving?(projectDir: string): Promise<{ url: string; digest?: string } | undefined>;
}

export interface HealthCheckRequest {
  /** The instance's base URL. */
  url: string;
  /** The path polled, from the contract's app (`healthPath`). */
  path: string;
  /** @default 30_000 */
  timeoutMs?: number;
  signal: AbortSignal;
}

/**
 * Polls an instance's health endpoint with backoff until it answers 2xx or the timeout
 * passes; throws a SlipwayError `HEALTH_TIMEOUT` carrying the last log lines. Implemented by
 * `@slipway/runtime`.
 */
export interface HealthChecker {
  /** Resolves with details for the report (attempts, status, …) once healthy. */
  check(request: HealthCheckRequest): Promise<object>;
}

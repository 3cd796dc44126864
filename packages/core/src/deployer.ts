/**
 * The ports between the lifecycle engine and whatever runs instances. `@slipway/pipeline`
 * calls them from its `deploy` and `health` steps; `@slipway/runtime` implements them; the
 * use cases (`@slipway/factory`) inject one into the other, so neither engine imports the
 * other.
 */

/** The package step's artifact: a content-addressed tarball with a manifest beside it. */
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
  /** A tarball or folder; an `Artifact` from the package step fits. */
  artifact: { path: string; digest?: string; manifestPath?: string };
  /** The instance's environment (project env plus secrets). A set `PORT` is a request. */
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  /** Progress lines (the pipeline writes them to the step's log). */
  log?(line: string): void;
  /** A port to serve on; overrides `env.PORT`. @default a free port */
  port?: number;
  /** Names in `env` whose values are secrets, redacted from the instance's log. */
  secretNames?: readonly string[];
}

/** A running deployment, as the runtime reports it. */
export interface DeployedInstance {
  id: string;
  url: string;
  /** e.g. `process`, `docker`, `kubernetes`. */
  driver: string;
  pid?: number;
  port?: number;
  /** Ids of the instances it replaced (now stopped and removed). */
  replaced?: readonly string[];
}

/**
 * Deploys an artifact. The implementation owns the health-gated switch: it keeps the
 * previous instance serving until the new one passes its health check, and throws a
 * SlipwayError otherwise (`HEALTH_TIMEOUT` with the new instance's last log lines).
 */
export interface Deployer {
  deploy(request: DeployRequest): Promise<DeployedInstance>;
  /**
   * The instance serving the project now, if any, with its artifact's digest. With it,
   * `deploy` is a cache hit while the same artifact still runs at the same URL; without
   * it, `deploy` runs every time.
   */
  serving?(projectDir: string): Promise<{ url: string; digest?: string } | undefined>;
}

export interface HealthCheckRequest {
  /** The instance's base URL. */
  url: string;
  /** The path polled, from the contract's app (`healthPath`). @default the checker's own */
  path?: string;
  /** @default the checker's own (60 s for the runtime's) */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Polls an instance's health endpoint until it answers 2xx or the timeout passes; throws
 * a SlipwayError `HEALTH_TIMEOUT` carrying the instance's last log lines otherwise.
 */
export interface HealthChecker {
  /** Resolves with details for the report (attempts, status, …) once healthy. */
  check(request: HealthCheckRequest): Promise<object>;
}

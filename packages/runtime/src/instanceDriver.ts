/** Which instance of a project serves, which is being tried, which failed its gate. */
export type InstanceRole = 'active' | 'candidate' | 'failed';

/**
 * What a driver knows about an instance's processes: `down` means it should be running
 * but its supervisor and app are gone (killed, machine restarted); `crashed` means the
 * supervisor gave up after its bounded restarts.
 */
export type InstanceState = 'starting' | 'running' | 'restarting' | 'crashed' | 'stopped' | 'down';

/** An instance as recorded in `.slipway/instances.json`. */
export interface InstanceRecord {
  id: string;
  /** e.g. `process`, `docker`, `kubernetes`. */
  driver: string;
  role: InstanceRole;
  url: string;
  port: number;
  /** Path of the health endpoint under `url`, from the artifact manifest. @default '/' */
  healthPath: string;
  /** The supervisor's pid (process driver). */
  pid?: number;
  /** The instance folder: the unpacked artifact, its config and its log. */
  dir: string;
  logFile: string;
  artifact: { path: string; digest?: string };
  startedAt: string;
  stoppedAt?: string;
}

/** How an app process last ended. */
export interface InstanceExit {
  code: number | null;
  signal: string | null;
  at: string;
}

/** A record with what its processes are doing now. */
export interface InstanceStatus extends InstanceRecord {
  state: InstanceState;
  /**
   * `state` in the vocabulary of `@slipway/pipeline`'s `InstanceStatus`
   * (`down` reads `crashed`, `restarting` reads `starting`).
   */
  status: 'starting' | 'running' | 'unhealthy' | 'stopped' | 'crashed';
  /** The app's pid while it runs. */
  appPid?: number;
  /** Restarts after crashes since the instance started. */
  restarts: number;
  lastExit?: InstanceExit;
}

/** Restart-on-crash policy: delays double from `initialDelayMs` up to `maxDelayMs`. */
export interface RestartPolicy {
  /** Restarts in a row before giving up (`crashed`). @default 5 */
  maxRestarts?: number;
  /** @default 500 */
  initialDelayMs?: number;
  /** @default 10_000 */
  maxDelayMs?: number;
  /** A run this long counts as healthy and resets the count. @default 30_000 */
  stableAfterMs?: number;
}

export interface StartInstanceRequest {
  /** A folder or a `.tgz` / `.tar.gz` holding the app (see `resolveStartCommand`). */
  artifact: string;
  /** A manifest beside the artifact (as `@slipway/pipeline`'s package step writes). */
  manifestPath?: string;
  /** `sha256:<hex>` of the artifact, recorded for `status`. */
  digest?: string;
  /** A port to listen on; taken → `PORT_IN_USE`. @default a free port */
  port?: number;
  /** Environment on top of this process's (PORT is set by the driver). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Names in `env` whose values are secrets: redacted from the instance log. */
  secretNames?: readonly string[];
  /** @default 'candidate' */
  role?: InstanceRole;
  restart?: RestartPolicy;
}

/**
 * Runs instances of one project. Every driver (`process`, later `docker`, `kubernetes`)
 * implements this; `status` is one batch call so a reconcile tick costs one round trip.
 */
export interface InstanceDriver {
  readonly name: string;
  /** Unpacks the artifact, starts it supervised, records it; resolves once it is spawned. */
  start(request: StartInstanceRequest): Promise<InstanceRecord>;
  /** Stops the given instances (all when omitted); resolves when their processes are gone. */
  stop(ids?: readonly string[]): Promise<InstanceRecord[]>;
  /** The recorded instances (all when omitted) with their live state. */
  status(ids?: readonly string[]): Promise<InstanceStatus[]>;
  /** The last lines of an instance's log, secrets already redacted. */
  logs(id: string, options?: { lines?: number }): Promise<string[]>;
  setRole(id: string, role: InstanceRole): Promise<void>;
  /** Stops the given instances (all when omitted) and deletes their folders and records. */
  remove(ids?: readonly string[]): Promise<string[]>;
}

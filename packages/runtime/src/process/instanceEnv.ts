/**
 * Variables of Slipway's own that an app must not inherit: the key that decrypts every
 * stored secret stays with Slipway.
 */
export const PRIVATE_ENV = ['SLIPWAY_SECRET_KEY'] as const;

/**
 * An instance's environment: this process's (less `PRIVATE_ENV`), then the manifest's
 * defaults, then the request's (a value of undefined leaves a name out), then the port in
 * `portEnv` (the variable the app's contract names).
 */
export function instanceEnv(options: {
  defaults: Readonly<Record<string, string>>;
  requested?: Readonly<Record<string, string | undefined>>;
  port: number;
  /** @default 'PORT' */
  portEnv?: string;
}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !(PRIVATE_ENV as readonly string[]).includes(name))
      env[name] = value;
  }
  for (const source of [options.defaults, options.requested ?? {}]) {
    for (const [name, value] of Object.entries(source)) if (value !== undefined) env[name] = value;
  }
  env[options.portEnv ?? 'PORT'] = String(options.port);
  return env;
}

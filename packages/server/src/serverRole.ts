/**
 * What one server process does. `api` serves HTTP routes, `worker` runs durable work
 * (and answers only health and metrics), `all` does both — the single-machine default.
 */
export const SERVER_ROLES = ['api', 'worker', 'all'] as const;

export type ServerRole = (typeof SERVER_ROLES)[number];

/** Whether a process with `role` serves the HTTP API (auth, secrets, …). */
export function servesApi(role: ServerRole): boolean {
  return role !== 'worker';
}

/** Whether a process with `role` executes durable workflows. */
export function runsWorkers(role: ServerRole): boolean {
  return role !== 'api';
}

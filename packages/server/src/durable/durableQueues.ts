/** Queue of the email workflow (one workflow per outbox row). */
export const EMAIL_QUEUE = 'slipway-email';
/** Queue of scheduled housekeeping (token cleanup, outbox sweep). */
export const MAINTENANCE_QUEUE = 'slipway-maintenance';

/**
 * Every queue Slipway registers and its limits. Only processes of role `worker` or
 * `all` dequeue from them; `api` processes only enqueue.
 */
export const DURABLE_QUEUES = [
  { name: EMAIL_QUEUE, workerConcurrency: 4, minPollingIntervalMs: 500 },
  { name: MAINTENANCE_QUEUE, workerConcurrency: 1, minPollingIntervalMs: 1000 },
] as const;

export {
  launchDurableWork,
  shutdownDurableWork,
  DURABLE_APP_VERSION,
  DBOS_SCHEMA,
} from './launchDurableWork.js';
export type { DurableWork, LaunchDurableWorkOptions } from './launchDurableWork.js';
export type { DurableLogger } from './dbosLogger.js';
export { queueDepths } from './queueDepths.js';
export { deleteExpiredTokens } from './deleteExpiredTokens.js';
export type { ExpiredTokenCounts } from './deleteExpiredTokens.js';
export { EMAIL_QUEUE, MAINTENANCE_QUEUE } from './durableQueues.js';
export { TOKEN_CLEANUP_SCHEDULE, OUTBOX_SWEEP_SCHEDULE } from './maintenanceWorkflows.js';

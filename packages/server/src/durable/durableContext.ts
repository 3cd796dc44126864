import type { SlipwayDatabase } from '@slipway/db';
import type { MailTransport } from '../email/mailTransport.js';
import type { RetryPolicy } from '../email/retryPolicy.js';

/**
 * What workflow steps need at run time. DBOS registers workflows once per process at
 * import time, so their dependencies cannot be closed over; `launchDurableWork` sets
 * them here before DBOS starts recovering or dequeuing.
 */
export interface DurableContext {
  database: SlipwayDatabase;
  mailTransport: MailTransport;
  emailRetry: RetryPolicy;
}

let current: DurableContext | undefined;

export function setDurableContext(context: DurableContext | undefined): void {
  current = context;
}

/** The context of the running durable work; a bug to call before `launchDurableWork`. */
export function durableContext(): DurableContext {
  if (!current) throw new Error('durable work is not launched: call launchDurableWork() first');
  return current;
}

import { createRedactor, type Redactor } from '@slipway/secrets';

/**
 * Replaces known secret values in the server's log lines: the values written through the
 * secrets API are added as they arrive. The same redactor (placeholder, minimum length,
 * JSON-escaped forms) as step logs and instance logs.
 */
export type LogRedactor = Redactor;

/** An empty redactor, bounded to the 10 000 most recent values. */
export function createLogRedactor(): LogRedactor {
  return createRedactor();
}

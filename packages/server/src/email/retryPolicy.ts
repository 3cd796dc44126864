/** How the email workflow retries a failed delivery: exponential backoff, capped. */
export interface RetryPolicy {
  /** Deliveries tried before the mail is marked `failed`. @default 8 */
  maxAttempts: number;
  /** Wait after the first failure; doubles after each further one. @default 5_000 */
  baseDelayMs: number;
  /** Longest wait between two attempts. @default 900_000 (15 minutes) */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
};

/**
 * The wait after failed attempt number `attempt` (1-based): base, 2×base, 4×base, … up to
 * the cap. With the defaults the 8 attempts span about 21 minutes.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
}

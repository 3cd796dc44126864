import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_HEALTH_PATH } from './process/resolveStartCommand.js';

export interface WaitForHealthyOptions {
  /** The instance's base URL, e.g. `http://127.0.0.1:4321`. */
  url: string;
  /** @default '/' */
  path?: string;
  /** @default 60_000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Asked between attempts: a reason to stop waiting (the app crashed for good), or none. */
  giveUp?: () => Promise<string | undefined>;
}

/** A type alias, not an interface, so it is a `StepOutcome` (a plain record) as well. */
export type HealthResult = {
  ok: boolean;
  /** The URL polled (base URL + path). */
  url: string;
  attempts: number;
  elapsedMs: number;
  /** The last HTTP status, when any answer came. */
  status?: number;
  /** Why it is not healthy: the last error or status, a timeout, or `giveUp`'s reason. */
  reason?: string;
};

/** One attempt may take this long; a hung server must not eat the whole budget. */
const ATTEMPT_TIMEOUT_MS = 5_000;
const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 2_000;

/**
 * Polls `url + path` until it answers 2xx, with delays growing ×1.5 from 200 ms to 2 s.
 * Expected failures are values: resolves `{ ok: false, reason }` on timeout, abort or
 * `giveUp`; never throws for an unhealthy app.
 */
export async function waitForHealthy(options: WaitForHealthyOptions): Promise<HealthResult> {
  const url = new URL(options.path ?? DEFAULT_HEALTH_PATH, options.url).href;
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 60_000);
  const result = (fields: Partial<HealthResult>): HealthResult => ({
    ok: false,
    url,
    attempts,
    elapsedMs: Date.now() - started,
    ...fields,
  });
  let attempts = 0;
  let last: Partial<HealthResult> = { reason: 'no answer yet' };
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 1.5, MAX_DELAY_MS)) {
    if (options.signal?.aborted) return result({ ...last, reason: 'interrupted' });
    attempts += 1;
    last = await probe(url, Math.min(ATTEMPT_TIMEOUT_MS, Math.max(deadline - Date.now(), 1)));
    if (last.ok) return result(last);
    const gaveUp = await options.giveUp?.();
    if (gaveUp !== undefined) return result({ ...last, reason: gaveUp });
    if (Date.now() + delay > deadline) {
      return result({
        ...last,
        reason: `timed out after ${options.timeoutMs ?? 60_000} ms (${last.reason})`,
      });
    }
    await sleep(delay, undefined, { signal: options.signal }).catch(() => undefined);
  }
}

async function probe(url: string, timeoutMs: number): Promise<Partial<HealthResult>> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok
      ? { ok: true, status: response.status }
      : { status: response.status, reason: `answered ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { reason: cause ?? (error as Error).message };
  }
}

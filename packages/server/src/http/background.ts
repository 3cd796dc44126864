import type { FastifyBaseLogger } from 'fastify';

/**
 * Work a route starts after answering (so the answer cannot depend on it). Failures are
 * logged, never thrown; `drain` lets shutdown wait for what is running, up to a bound.
 */
export interface Background {
  run(work: () => Promise<void>, log: FastifyBaseLogger): void;
  /** Resolves when every started job settled, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

export function createBackground(): Background {
  const running = new Set<Promise<void>>();
  return {
    run(work, log) {
      const job = work()
        .catch((error: unknown) => log.error({ err: error }, 'background work failed'))
        .finally(() => running.delete(job));
      running.add(job);
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.allSettled([...running]), timeout]);
      clearTimeout(timer);
    },
  };
}

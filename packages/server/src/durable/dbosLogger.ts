/** The subset of a pino-style logger that Slipway hands to DBOS. */
export interface DurableLogger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** DBOS's logger contract (`DLogger` of `@dbos-inc/dbos-sdk`). */
export interface DbosLogger {
  debug(entry: unknown): void;
  info(entry: unknown): void;
  warn(entry: unknown): void;
  error(entry: unknown): void;
}

/**
 * Routes DBOS's internal logs to Slipway's structured logger, or drops them: libraries
 * never print, and DBOS's default sink is the console.
 */
export function dbosLogger(logger: DurableLogger | undefined): DbosLogger {
  const forward =
    (level: keyof DurableLogger) =>
    (entry: unknown): void => {
      if (!logger) return;
      if (entry instanceof Error) logger[level]({ component: 'dbos', err: entry }, entry.message);
      else
        logger[level](
          { component: 'dbos' },
          typeof entry === 'string' ? entry : JSON.stringify(entry),
        );
    };
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
  };
}

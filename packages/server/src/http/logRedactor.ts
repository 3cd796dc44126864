/** Replaces known secret values in log lines (ARCHITECTURE decision 8: never logged). */
export interface LogRedactor {
  /** Remember `value` so that every later log line containing it is redacted. */
  add(value: string): void;
  /** `line` with every remembered value replaced by `[REDACTED]`. */
  redact(line: string): string;
}

/** Values shorter than this are too likely to occur by chance to be replaced safely. */
const MIN_SECRET_LENGTH = 6;
/** Bounded so a long-running server cannot grow without limit. */
const MAX_REMEMBERED = 10_000;

/** A redactor that matches remembered values literally, as they would appear in JSON. */
export function createLogRedactor(): LogRedactor {
  const values = new Set<string>();
  return {
    add(value) {
      if (value.length < MIN_SECRET_LENGTH) return;
      if (values.size >= MAX_REMEMBERED) values.delete(values.values().next().value as string);
      values.add(value);
      // A log line is JSON, so a value with quotes or backslashes appears escaped.
      const escaped = JSON.stringify(value).slice(1, -1);
      if (escaped !== value) values.add(escaped);
    },
    redact(line) {
      if (values.size === 0) return line;
      let out = line;
      for (const value of values) {
        if (out.includes(value)) out = out.split(value).join('[REDACTED]');
      }
      return out;
    },
  };
}

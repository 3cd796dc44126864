/**
 * What a secret value is replaced with, everywhere Slipway writes a log: step logs and
 * run events, instance logs (the supervisor) and the server's JSON log lines. Upper case
 * stands out in a log and is what pino's path censor and the URL scrubber of the server
 * already write, so every kind of redaction reads the same.
 */
export const REDACTED = '[REDACTED]';

/**
 * Values shorter than this are never replaced. A value of five characters or fewer is
 * more often a word or a number ("admin", "true", "5432") than a credential, and
 * replacing it would corrupt every line that contains that word; such a value is also
 * guessable in seconds, so hiding it would not protect it. Six is the floor at which the
 * server's logger already ran without mangling its own lines.
 */
export const MIN_SECRET_LENGTH = 6;

/** Replaces known secret values in text before it reaches a log, an event or an error. */
export interface Redactor {
  /** Remembers `value` (when it is long enough) so every later `redact` hides it. */
  add(value: string): void;
  /** `text` with every remembered value replaced by {@link REDACTED}. */
  readonly redact: (text: string) => string;
}

export interface RedactorOptions {
  /** Oldest values are forgotten past this many, so a long-running server stays bounded. @default 10_000 */
  maxValues?: number;
}

/**
 * The one secret-value redactor. Values match literally, also in their JSON-escaped form
 * (a value with a quote or a newline appears escaped in a JSON log line); longer values
 * are replaced first so a secret that contains another is hidden whole.
 * @example
 * const { redact } = createRedactor([process.env.API_TOKEN ?? '']);
 * log(redact(line));
 */
export function createRedactor(
  values: Iterable<string> = [],
  options: RedactorOptions = {},
): Redactor {
  const maxValues = options.maxValues ?? 10_000;
  const remembered = new Set<string>();
  let longestFirst: string[] = [];
  const remember = (value: string) => {
    if (remembered.has(value)) return;
    if (remembered.size >= maxValues) remembered.delete(remembered.values().next().value!);
    remembered.add(value);
  };
  const add = (value: string) => {
    if (value.length < MIN_SECRET_LENGTH) return;
    remember(value);
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value) remember(escaped);
    longestFirst = [...remembered].sort((a, b) => b.length - a.length);
  };
  for (const value of values) add(value);
  return {
    add,
    redact: (text) => {
      let result = text;
      for (const value of longestFirst) {
        if (result.includes(value)) result = result.replaceAll(value, REDACTED);
      }
      return result;
    },
  };
}

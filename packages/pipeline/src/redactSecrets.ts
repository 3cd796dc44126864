/** What a redacted secret value is replaced with in logs and events. */
export const REDACTED = '[redacted]';

/**
 * Returns a function that replaces every known secret value in a line with `[redacted]`.
 * Values shorter than 4 characters are ignored: they would mangle ordinary text and are
 * not worth hiding. Longer values are replaced first so a secret containing another
 * secret is hidden whole.
 */
export function createRedactor(secrets: readonly string[]): (line: string) => string {
  const values = [...new Set(secrets.filter((value) => value.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  if (values.length === 0) return (line) => line;
  return (line) => {
    let result = line;
    for (const value of values) result = result.replaceAll(value, REDACTED);
    return result;
  };
}

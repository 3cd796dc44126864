/** Keys whose values are secrets in a project config (`clientSecret`, `apiKey`). */
const SECRET_KEYS = new Set(['clientSecret', 'apiKey']);

/**
 * A copy of an auth or AI-provider setting that is safe to render and stamp: each secret
 * becomes a reference (`{ secret: NAME }` / `{ env: NAME }` kept, inline values dropped
 * to `{ redacted: true }`).
 */
export function redactSecrets(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (!SECRET_KEYS.has(key) || item === undefined) return [key, item];
      return [key, typeof item === 'string' ? { redacted: true } : item];
    }),
  );
}

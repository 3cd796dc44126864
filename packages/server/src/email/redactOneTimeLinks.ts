/** What replaces a one-time token in a stored mail once it left for the recipient. */
export const REDACTED_TOKEN = '[redacted]';

/**
 * The mail with every `token=…` query value replaced: verification and reset links are
 * credentials, and the outbox keeps a sent mail only as a record of what was sent.
 * @example redactOneTimeLinks('…/reset-password?token=abc') // '…/reset-password?token=[redacted]'
 */
export function redactOneTimeLinks(body: string): string {
  return body.replace(/([?&](?:amp;)?token=)[A-Za-z0-9_-]+/g, `$1${REDACTED_TOKEN}`);
}

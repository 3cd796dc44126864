/**
 * `url` with its password replaced by `***`, for logs and error messages.
 * @example redactedUrl('postgres://slipway:s3cret@127.0.0.1:5433/slipway')
 *   // 'postgres://slipway:***@127.0.0.1:5433/slipway'
 */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not a URL (a libpq key=value string, say): hide anything that looks like a password.
    return url.replace(/(password\s*=\s*)\S+/gi, '$1***');
  }
}

import { quoteEnvValue } from '@slipway/core/files';

/**
 * Variables in dotenv syntax, one `NAME=value` per line, read back exactly by dotenv and
 * Node's `process.loadEnvFile` (see `quoteEnvValue`).
 */
export function formatEnvFile(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${quoteEnvValue(value)}\n`)
    .join('');
}

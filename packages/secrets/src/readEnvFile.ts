import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * The variables of a dotenv file (`.env.local`, a materialised secrets file), parsed by
 * Node's own dotenv reader, the one `node --env-file` uses; `{}` when the file does not
 * exist. Read this way, whatever {@link formatEnvFile} writes comes back exactly.
 */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}

import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Slipway keeps its state when no `--data-dir` is given: `~/.slipway`, or
 * `/var/lib/slipway` when running as root — root's home is mode 0700, and the embedded
 * PostgreSQL then runs as an unprivileged account that could not reach it.
 */
export function defaultDataDir(): string {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot ? '/var/lib/slipway' : join(homedir(), '.slipway');
}

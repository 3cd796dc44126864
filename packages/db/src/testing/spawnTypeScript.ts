import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SpawnTypeScriptOptions {
  args?: readonly string[];
  /** Added to the parent's environment. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts `node` on a TypeScript file of this repo, resolving workspace packages through
 * their `source` export condition — for tests that need a real second process (one to
 * SIGKILL, one to compete for a lock).
 */
export function spawnTypeScript(
  file: string,
  options: SpawnTypeScriptOptions = {},
): ChildProcessWithoutNullStreams {
  const register = fileURLToPath(new URL('./registerTypescript.mjs', import.meta.url));
  return spawn(
    process.execPath,
    ['--conditions=source', '--import', register, file, ...(options.args ?? [])],
    { env: { ...process.env, ...options.env }, stdio: 'pipe' },
  );
}

/** Resolves with the first stdout line of `child` that parses as JSON. */
export function readJsonLine<T>(child: ChildProcessWithoutNullStreams): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let stderr = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString();
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        try {
          const value = JSON.parse(line) as T;
          child.stdout.off('data', onData);
          resolve(value);
          return;
        } catch {
          // not ours
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`child exited (${code ?? signal}) before reporting:\n${stderr}`)),
    );
  });
}

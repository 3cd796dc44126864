import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A tiny real HTTP app as a folder artifact: `GET /` answers `version`, `/health`
 * answers `healthStatus`, anything else 404; and at start it prints `SECRET_TOKEN` (to prove redaction).
 */
export function writeTinyApp(options: {
  version: string;
  healthStatus?: number;
  /** Print this and exit 1 at start, as a misconfigured app does. */
  crash?: string;
}): string {
  const dir = mkdtempSync(join(tmpdir(), `slipway-app-${options.version}-`));
  writeFileSync(
    join(dir, 'server.mjs'),
    `import { createServer } from 'node:http';
${options.crash ? `console.error(${JSON.stringify(options.crash)}); process.exit(1);` : ''}
const port = Number(process.env.PORT);
createServer((request, response) => {
  const health = request.url === '/health';
  const known = health || request.url === '/';
  response.writeHead(health ? ${options.healthStatus ?? 200} : known ? 200 : 404, { 'content-type': 'text/plain' });
  response.end(health ? 'health' : ${JSON.stringify(options.version)});
}).listen(port, () => {
  console.log('version ${options.version} listening on ' + port + ' token=' + process.env.SECRET_TOKEN);
  console.error('stderr works');
});
process.on('SIGTERM', () => process.exit(0));
`,
  );
  writeFileSync(
    join(dir, 'slipway-artifact.json'),
    JSON.stringify({
      app: 'tiny',
      start: ['node', 'server.mjs'],
      healthPath: '/health',
    }),
  );
  return dir;
}

/** A fresh project folder for instances. */
export function tempProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-project-'));
  mkdirSync(join(dir, '.slipway'), { recursive: true });
  return dir;
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

/** The body of `GET url`, or undefined when nothing answers. */
export async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return await response.text();
  } catch {
    return undefined;
  }
}

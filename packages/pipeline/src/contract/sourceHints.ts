import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';

/** What an app's own files say about its port and health endpoint. */
export interface SourceHints {
  /** `PORT=4000` in `.env` / `.env.example` of the app or the root. */
  envPort?: { port: number; file: string };
  /** The fallback of `process.env.PORT || 8080` (or `??`) in its source. */
  sourcePort?: { port: number; file: string };
  /** A route literal like `'/health'` or `'/healthz'` in its source. */
  healthPath?: { path: string; file: string };
}

const SOURCE_GLOBS = [
  '*.{js,mjs,cjs,ts,mts}',
  'src/**/*.{js,mjs,cjs,ts,mts}',
  'server/**/*.{js,mjs,cjs,ts,mts}',
];
/** Enough for a server's entry and routes; inference must stay fast on big repositories. */
const MAX_SOURCE_FILES = 200;
const PORT_FALLBACK = /process\.env\.PORT\s*(?:\|\||\?\?)\s*['"]?(\d{2,5})\b/;
const HEALTH_ROUTE = /['"`](\/(?:api\/)?(?:health|healthz|healthcheck|status))['"`]/;

/** Reads the hints of the app in `appDir` (relative paths in the result, from `projectDir`). */
export function readSourceHints(projectDir: string, appDir: string): SourceHints {
  const hints: SourceHints = {};
  const envPort = readEnvPort(projectDir, appDir);
  if (envPort) hints.envPort = envPort;
  const files = globSync(SOURCE_GLOBS, {
    cwd: join(projectDir, appDir),
    ignore: ['**/node_modules/**', '**/dist/**', '**/*.test.*', '**/*.config.*'],
  })
    .sort()
    .slice(0, MAX_SOURCE_FILES);
  for (const file of files) {
    const text = readFileSync(join(projectDir, appDir, file), 'utf8');
    const shown = appDir === '.' ? file : `${appDir}/${file}`;
    const port = PORT_FALLBACK.exec(text)?.[1];
    if (port && !hints.sourcePort) hints.sourcePort = { port: Number(port), file: shown };
    const health = HEALTH_ROUTE.exec(text)?.[1];
    if (health && !hints.healthPath) hints.healthPath = { path: health, file: shown };
  }
  return hints;
}

function readEnvPort(projectDir: string, appDir: string): SourceHints['envPort'] {
  const dirs = appDir === '.' ? ['.'] : [appDir, '.'];
  for (const dir of dirs) {
    for (const name of ['.env', '.env.example']) {
      const file = join(projectDir, dir, name);
      if (!existsSync(file)) continue;
      const port = /^\s*PORT\s*=\s*['"]?(\d{2,5})\b/m.exec(readFileSync(file, 'utf8'))?.[1];
      if (port) return { port: Number(port), file: dir === '.' ? name : `${dir}/${name}` };
    }
  }
  return undefined;
}

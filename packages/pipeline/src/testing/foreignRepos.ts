/**
 * Repositories Slipway did not create, as inline file trees (for `testdir`): the unit tests
 * of inference and the end-to-end tests of `slipway up` run on the same ones.
 */

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A Node API without dependencies: answers `/health` and `/`, on PORT or `fallbackPort`. */
const nodeServer = (fallbackPort: number) => `import { createServer } from 'node:http';

const port = Number(process.env.PORT || ${fallbackPort});
createServer((request, response) => {
  const body = request.url === '/health' ? { ok: true } : { hello: 'api' };
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}).listen(port, '127.0.0.1');
`;

/** pnpm + turbo: a Vite app with no server (`apps/web`) and a Node API (`apps/api`). */
export const PNPM_TURBO_REPO: Record<string, string> = {
  'package.json': json({
    name: 'turbo-shop',
    private: true,
    packageManager: 'pnpm@10.34.9',
    scripts: { build: 'turbo run build' },
    devDependencies: { turbo: '^2.11.0' },
  }),
  'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n',
  'turbo.json': json({
    $schema: 'https://turborepo.com/schema.json',
    tasks: { build: { dependsOn: ['^build'], outputs: ['dist/**'] } },
  }),
  '.gitignore': 'node_modules\ndist\n.turbo\n.slipway\n',
  'apps/web/package.json': json({
    name: '@shop/web',
    private: true,
    type: 'module',
    scripts: { dev: 'vite', build: 'vite build', preview: 'vite preview' },
    devDependencies: { vite: '^8.0.0' },
  }),
  'apps/web/index.html':
    '<!doctype html>\n<html><head><title>shop</title></head><body><div id="app"></div><script type="module" src="/src/main.js"></script></body></html>\n',
  'apps/web/src/main.js': "document.querySelector('#app').textContent = 'shop web';\n",
  'apps/api/package.json': json({
    name: '@shop/api',
    private: true,
    type: 'module',
    scripts: { start: 'node src/server.js' },
  }),
  'apps/api/src/server.js': nodeServer(4000),
};

/** npm workspaces with one Express server in `packages/server`. */
export const NPM_EXPRESS_REPO: Record<string, string> = {
  'package.json': json({
    name: 'express-shop',
    private: true,
    workspaces: ['packages/*'],
    scripts: { test: 'npm test --workspaces --if-present' },
  }),
  '.gitignore': 'node_modules\n.slipway\n',
  'packages/server/package.json': json({
    name: '@shop/server',
    version: '1.0.0',
    private: true,
    scripts: { start: 'node index.js' },
    dependencies: { express: '^5.1.0' },
  }),
  'packages/server/index.js': `const express = require('express');

const app = express();
app.get('/healthz', (_request, response) => response.json({ ok: true }));
app.get('/', (_request, response) => response.send('express shop'));
app.listen(process.env.PORT ?? 8080, '127.0.0.1');
`,
};

/** A single-package repository whose `engines` ask for a Node no machine has yet. */
export const FUTURE_NODE_REPO: Record<string, string> = {
  'package.json': json({
    name: 'future-app',
    private: true,
    engines: { node: '>=99.0.0' },
    scripts: { start: 'node server.js' },
  }),
  'server.js': nodeServer(3000),
};

/** A bun repository: one `UNSUPPORTED` error, naming bun and what is supported. */
export const BUN_REPO: Record<string, string> = {
  'package.json': json({ name: 'bun-app', scripts: { start: 'bun run index.ts' } }),
  'bun.lockb': '',
  'index.ts': 'Bun.serve({ fetch: () => new Response("hi") });\n',
};

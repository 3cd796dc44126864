// @ts-check
// The runtime's static file server: what a `static` app of the lifecycle contract (a Vite
// build with no server of its own) runs as. Serves one folder with sirv — cache headers,
// ETags, range requests, `index.html` for unknown paths so client-side routes load — on
// the PORT the runtime gives the instance (HOST, default 127.0.0.1, where the health check
// dials). Stops on SIGTERM/SIGINT after in-flight requests. sirv is the server behind
// `vite preview` itself: small, maintained, and its `single` mode is the SPA fallback a
// Vite build needs.
//
// Usage: node staticServer.mjs <folder>
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';

const folder = resolve(process.argv[2] ?? 'dist');
if (!existsSync(folder)) {
  process.stderr.write(`[slipway-static] ${folder} does not exist: was the app built?\n`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const serve = sirv(folder, { single: true, etag: true, dotfiles: false });

const server = createServer((request, response) =>
  serve(request, response, () => {
    response.statusCode = 404;
    response.end('Not found');
  }),
);
server.listen(port, host, () =>
  process.stdout.write(`[slipway-static] ${folder} on http://${host}:${port}\n`),
);
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT']))
  process.on(signal, () => server.close(() => process.exit(0)));

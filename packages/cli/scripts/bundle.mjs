// Bundles the compiled CLI (dist/*.js from tsc) into dist/bundle/ with esbuild: one
// entry plus a chunk per lazily loaded command, so a start-up reads a few files
// instead of hundreds of modules (about 25 % off `slipway create`, bench/create).
// `@slipway/server` and native or self-locating packages stay external.
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
await build({
  entryPoints: { main: `${dist}main.js` },
  outdir: `${dist}bundle`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build esbuild cannot follow; its ESM build is clean.
  mainFields: ['module', 'main'],
  external: ['@slipway/server', 'pnpm'],
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __slipwayRequire } from 'node:module'; const require = __slipwayRequire(import.meta.url);",
  },
  logLevel: 'warning',
  legalComments: 'none',
});

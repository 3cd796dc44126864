import { defineConfig } from 'vitest/config';

// Tests import workspace packages through the `source` export condition, so they run
// against `src/` without a build.
const resolve = { conditions: ['source', 'import', 'module', 'node', 'default'] };

export default defineConfig({
  resolve,
  // Vitest passes the SSR conditions to Node as `--conditions`, which `require()` honours
  // too: listing `import` or `module` there makes CommonJS packages load the ESM build of a
  // dual package (e.g. @fastify/helmet's `require('helmet')` got a namespace object). Vite
  // adds `import`/`require` per import kind on its own.
  ssr: {
    resolve: {
      conditions: ['source', 'node', 'development|production'],
      externalConditions: ['source'],
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.mjs'],
          exclude: ['**/node_modules/**', 'packages/*/src/**/*.db.test.ts'],
        },
      },
      {
        // Tests that need Postgres: `DATABASE_URL` when set, the embedded default otherwise.
        // `.ci/run` runs this project both ways.
        extends: true,
        test: {
          name: 'db',
          include: ['packages/*/src/**/*.db.test.ts', 'tests/db/**/*.test.ts'],
          globalSetup: ['packages/db/src/testing/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // Generated projects install, build and test with real tools on 2 cores: one at a time.
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});

// The README's first command: create the example project (saas with every module), then
// install, build and test it with the pnpm bundled with Slipway, start the built API and
// ask it for /api/health. `slipway up` (the lifecycle engine) will do all of this in one
// resumable, cached command; until then this script shows the generated project works.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
// Outside the Slipway checkout: a generated project must not sit inside another workspace.
const target = resolve(process.argv[2] ?? join(homedir(), 'slipway-demo', 'acme-stack'));
const pnpmBin = join(
  dirname(createRequire(join(root, 'packages/cli/package.json')).resolve('pnpm')),
  'bin',
  'pnpm.cjs',
);
const slipwayBin = join(root, 'packages/cli/bin/slipway.js');
const store = process.env.SLIPWAY_PNPM_STORE ?? join(homedir(), '.slipway', 'pnpm-store');
const started = Date.now();

function step(title, { command, args, cwd = target }) {
  const t0 = Date.now();
  process.stdout.write(`▸ ${title}\n`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error(
      `\n[BLOCKING] Demo: "${title}" failed (exit ${result.status})\n  → Run it again in ${cwd}: ${[command, ...args].join(' ')}`,
    );
    process.exit(1);
  }
  process.stdout.write(`  ✔ ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}

const freePort = () =>
  new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

step('slipway create', {
  command: process.execPath,
  args: [
    slipwayBin,
    'create',
    target,
    '--name',
    'acme',
    '--modules',
    'access,kb',
    '--yes',
    '--force',
  ],
  cwd: root,
});
step('pnpm install', {
  command: process.execPath,
  args: [
    pnpmBin,
    'install',
    '--store-dir',
    store,
    '--prefer-offline',
    '--no-frozen-lockfile',
    '--reporter=append-only',
  ],
});
step('pnpm build', { command: process.execPath, args: [pnpmBin, 'build'] });
step('pnpm test', { command: process.execPath, args: [pnpmBin, 'test'] });

const port = await freePort();
const api = spawn(process.execPath, ['apps/api/dist/server.js'], {
  cwd: target,
  env: { ...process.env, PORT: String(port) },
  stdio: 'ignore',
});
const url = `http://127.0.0.1:${port}`;
let health;
for (let i = 0; i < 100 && !health; i += 1) {
  health = await fetch(`${url}/api/health`).catch(() => undefined);
  if (!health) await new Promise((r) => setTimeout(r, 200));
}
const body = health ? await health.text() : '(no answer)';
api.kill('SIGTERM');
if (health?.status !== 200) {
  console.error(`[BLOCKING] Demo: the API did not answer 200 on /api/health: ${body}`);
  process.exit(1);
}
console.log(`\n✔ ${url}/api/health → ${health.status} ${body}`);
console.log(
  `✔ Done in ${((Date.now() - started) / 1000).toFixed(1)} s. The project is in ${target}`,
);
console.log(
  `  Run it yourself: cd ${target} && node ${join(root, 'packages/cli/bin/slipway.js')} pnpm start`,
);

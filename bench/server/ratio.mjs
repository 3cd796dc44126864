#!/usr/bin/env node
// JWT GET /api/me against the /api/health floor, measured in alternating short rounds on
// one `slipway serve`, so a load swing on a shared machine hits both sides alike.
// Usage: npm run build && node bench/server/ratio.mjs [--rounds 6] [--seconds 3]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '6' }, seconds: { type: 'string', default: '3' } },
});
const root = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'slipway-ratio-'));
const env = { ...process.env, NO_COLOR: '1', SLIPWAY_AUTH_RATE_LIMIT: '1000000' };
delete env.DATABASE_URL;
const child = spawn(
  process.execPath,
  [join(root, 'packages/cli/bin/slipway.js'), 'serve', '--data-dir', dataDir, '--port', '0'],
  { env, stdio: ['ignore', 'pipe', 'ignore'] },
);
let out = '';
child.stdout.on('data', (chunk) => (out += chunk));
const cannon = (options) =>
  new Promise((resolve, reject) =>
    autocannon(
      { duration: Number(values.seconds), connections: 50, ...options },
      (error, result) => (error ? reject(error) : resolve(result.requests.average)),
    ),
  );
try {
  while (!/password:\s+\S+/.test(out)) await new Promise((r) => setTimeout(r, 50));
  const url = /running at (http:\/\/\S+)/.exec(out)[1];
  const [, email, password] = /email:\s+(\S+)[\s\S]*password:\s+(\S+)/.exec(out);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.json());
  // One unmeasured round: the JIT, the pools and the prepared statements warm up.
  await cannon({ url: `${url}/api/me`, headers: { authorization: `Bearer ${login.accessToken}` } });
  await cannon({ url: `${url}/api/health` });
  const load = loadavg()[0];
  const ratios = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    const me = await cannon({
      url: `${url}/api/me`,
      headers: { authorization: `Bearer ${login.accessToken}` },
    });
    const health = await cannon({ url: `${url}/api/health` });
    ratios.push(me / health);
    console.log(
      `round ${round + 1}: /api/me ${Math.round(me)} req/s, /api/health ${Math.round(health)} req/s → ${(me / health).toFixed(2)}x`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(
    `JWT /api/me ÷ /api/health: median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)}x, range ${sorted[0].toFixed(2)}–${sorted.at(-1).toFixed(2)}x (load ${load.toFixed(1)})`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.on('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}

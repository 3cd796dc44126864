#!/usr/bin/env node
// Slipway server benchmark: start-to-healthy time of `slipway serve` (first run with
// initdb, then warm starts), autocannon against GET /api/me with an access token and with
// an API token, and against POST /api/auth/login (argon2id — slow on purpose).
// Usage: npm run build && node bench/server/run.mjs [--duration 10] [--connections 50]
// Traffic goes to 127.0.0.1 only; every run is bounded in time.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const TARGETS = { authenticatedGetRps: 3000, warmStartMs: 1500 };
const WARM_STARTS = 3;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'packages/cli/bin/slipway.js');
const dataDir = mkdtempSync(join(tmpdir(), 'slipway-bench-'));

/** Spawns `slipway serve` and resolves when /api/health first answers 200. */
async function startTimed() {
  const env = { ...process.env, NO_COLOR: '1', SLIPWAY_AUTH_RATE_LIMIT: '1000000' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--data-dir', dataDir, '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  for (;;) {
    const res = await fetch(`${url}/api/health`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - started;
  const admin = /email:\s+(\S+)[\s\S]*password:\s+(\S+)/.exec(out);
  return { child, url, ms, admin: admin ? { email: admin[1], password: admin[2] } : undefined };
}

async function stop(child) {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function cannon(options) {
  return new Promise((resolve, reject) =>
    autocannon({ duration, connections, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );
}

function summary(name, result) {
  const ok = result['2xx'];
  const rps = result.requests.average;
  return { name, rps, p50: result.latency.p50, p99: result.latency.p99, ok, non2xx: result.non2xx };
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const loadAtStart = loadavg()[0];
try {
  const first = await startTimed();
  await stop(first.child);
  const warm = [];
  let server;
  for (let i = 0; i < WARM_STARTS; i++) {
    server = await startTimed();
    warm.push(server.ms);
    if (i < WARM_STARTS - 1) await stop(server.child);
  }
  const { url } = server;
  const post = (path, body, headers = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const login = await post('/api/auth/login', first.admin);
  const apiToken = await post(
    '/api/tokens',
    { name: 'bench' },
    { authorization: `Bearer ${login.accessToken}` },
  );

  const results = [
    summary(
      'GET /api/me (access JWT)',
      await cannon({
        url: `${url}/api/me`,
        headers: { authorization: `Bearer ${login.accessToken}` },
      }),
    ),
    summary(
      'GET /api/me (API token slw_)',
      await cannon({
        url: `${url}/api/me`,
        headers: { authorization: `Bearer ${apiToken.token}` },
      }),
    ),
    summary('GET /api/health', await cannon({ url: `${url}/api/health` })),
    summary(
      'POST /api/auth/login (argon2id)',
      await cannon({
        url: `${url}/api/auth/login`,
        method: 'POST',
        connections: 4,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(first.admin),
      }),
    ),
  ];
  await stop(server.child);

  const warmMs = median(warm);
  const meRps = results[0].rps;
  console.log(`\nSlipway server bench (${duration}s per run, ${connections} connections; login 4)`);
  console.log(
    `start to first /api/health 200: first run ${first.ms.toFixed(0)} ms (initdb), warm median ${warmMs.toFixed(0)} ms of [${warm.map((m) => m.toFixed(0)).join(', ')}]`,
  );
  console.table(results.map((r) => ({ ...r, rps: Math.round(r.rps) })));
  console.log(
    `GET /api/me: ${Math.round(meRps)} req/s vs target ${TARGETS.authenticatedGetRps} → ${(meRps / TARGETS.authenticatedGetRps).toFixed(2)}x`,
  );
  // The floor: /api/health is a request plus one query, measured on the same server.
  console.log(
    `GET /api/me (JWT) / GET /api/health floor: ${(meRps / results[2].rps).toFixed(2)}x (target ≥ 0.75x); 1-min load average at start ${loadAtStart.toFixed(1)}`,
  );
  console.log(
    `warm start: ${warmMs.toFixed(0)} ms vs target ${TARGETS.warmStartMs} ms → ${(TARGETS.warmStartMs / warmMs).toFixed(2)}x headroom`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

// @ts-check
// The process driver's supervisor: started detached by `@slipway/runtime`, it outlives the
// CLI that started it. It runs one app process, appends its output (known secret values
// redacted) to the instance log, restarts it after a crash with exponential backoff, gives
// up after a bounded number of restarts in a row, and reports through a state file that it
// replaces atomically. SIGTERM/SIGINT stop the app (SIGKILL after a grace period) and then
// the supervisor. Plain JavaScript run by Node as is, from the published package and from
// the bundled CLI alike; its one import is the compiled redactor of `@slipway/secrets`, so
// instance logs are redacted by the same rule as step logs and server logs.
//
// Usage: node supervisor.mjs <config.json>
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  fstatSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createRedactor } from '@slipway/secrets/redactor';

/**
 * @typedef {{ maxRestarts: number, initialDelayMs: number, maxDelayMs: number, stableAfterMs: number }} Restart
 * @typedef {{ command: string, args: string[], cwd: string, logFile: string, stateFile: string,
 *   redactEnv: string[], restart: Restart, stopTimeoutMs: number }} Config
 */

/** A line longer than this is written in pieces rather than buffered without bound. */
const MAX_LINE = 64 * 1024;
/** Past this size the log moves to `<log>.1` (replacing the previous one) and starts anew. */
const MAX_LOG_BYTES = 10 * 1024 * 1024;

/** @type {Config} */
const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
let logFd = openSync(config.logFile, 'a', 0o600);
let logBytes = fstatSync(logFd).size;
const { redact } = createRedactor(config.redactEnv.map((name) => process.env[name] ?? ''));

/** @type {import('node:child_process').ChildProcess | undefined} */
let app;
let restarts = 0;
let streak = 0;
let startedAt = 0;
let stopping = false;
/** @type {NodeJS.Timeout | undefined} */
let restartTimer;
/** @type {{ code: number | null, signal: string | null, at: string } | undefined} */
let lastExit;

/** @param {string} text */
function log(text) {
  const line = `${redact(text)}\n`;
  appendFileSync(logFd, line);
  logBytes += Buffer.byteLength(line);
  if (logBytes < MAX_LOG_BYTES) return;
  closeSync(logFd);
  renameSync(config.logFile, `${config.logFile}.1`);
  logFd = openSync(config.logFile, 'a', 0o600);
  logBytes = 0;
}

/** @param {string} message */
function note(message) {
  log(`[slipway ${new Date().toISOString()}] ${message}`);
}

/** @param {Record<string, unknown>} fields */
function writeState(fields) {
  const state = {
    supervisorPid: process.pid,
    restarts,
    lastExit,
    updatedAt: new Date().toISOString(),
    ...fields,
  };
  const temporary = `${config.stateFile}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, config.stateFile);
}

/** Splits a stream into lines so a secret is never cut in two before redaction. */
function pipeLines(/** @type {NodeJS.ReadableStream | null} */ stream) {
  if (!stream) return;
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (/** @type {string} */ chunk) => {
    buffered += chunk;
    let end = buffered.indexOf('\n');
    while (end >= 0) {
      log(buffered.slice(0, end).replace(/\r$/, ''));
      buffered = buffered.slice(end + 1);
      end = buffered.indexOf('\n');
    }
    if (buffered.length > MAX_LINE) {
      log(buffered);
      buffered = '';
    }
  });
  stream.on('end', () => {
    if (buffered.length > 0) log(buffered);
    buffered = '';
  });
}

function start() {
  restartTimer = undefined;
  startedAt = Date.now();
  const child = spawn(config.command, config.args, {
    cwd: config.cwd,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app = child;
  pipeLines(child.stdout);
  pipeLines(child.stderr);
  child.once('error', (error) => {
    note(`cannot start ${config.command}: ${error.message}`);
    onExit(child, { code: null, signal: null });
  });
  child.once('exit', (code, signal) => onExit(child, { code, signal }));
  if (child.pid !== undefined) writeState({ state: 'running', appPid: child.pid });
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {{ code: number | null, signal: string | null }} how
 */
function onExit(child, how) {
  if (app !== child) return;
  app = undefined;
  lastExit = { ...how, at: new Date().toISOString() };
  if (stopping) return finish();
  if (Date.now() - startedAt >= config.restart.stableAfterMs) streak = 0;
  streak += 1;
  const ended = how.signal ? `signal ${how.signal}` : `code ${how.code}`;
  if (streak > config.restart.maxRestarts) {
    note(`app exited with ${ended}; gave up after ${config.restart.maxRestarts} restarts in a row`);
    writeState({ state: 'crashed' });
    process.exit(1);
  }
  const delay = Math.min(
    config.restart.initialDelayMs * 2 ** (streak - 1),
    config.restart.maxDelayMs,
  );
  note(`app exited with ${ended}; restart ${streak}/${config.restart.maxRestarts} in ${delay} ms`);
  restarts += 1;
  writeState({ state: 'restarting', nextRestartAt: new Date(Date.now() + delay).toISOString() });
  restartTimer = setTimeout(start, delay);
}

function finish() {
  note('stopped');
  writeState({ state: 'stopped' });
  process.exit(0);
}

function stop() {
  if (stopping) return;
  stopping = true;
  if (restartTimer) clearTimeout(restartTimer);
  if (!app) return finish();
  app.kill('SIGTERM');
  setTimeout(() => app?.kill('SIGKILL'), config.stopTimeoutMs).unref();
}

process.on('uncaughtException', (error) => {
  note(`supervisor failed: ${error.stack ?? error.message}`);
  app?.kill('SIGTERM');
  writeState({ state: 'crashed' });
  process.exit(1);
});
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Detached from the terminal that started it: a closing terminal must not stop the app.
process.on('SIGHUP', () => {});
note(`supervising ${[config.command, ...config.args].join(' ')} (pid ${process.pid})`);
start();

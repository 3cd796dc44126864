import { Writable } from 'node:stream';
import { SlipwayError } from '@slipway/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SlipwayApp } from './http/slipwayApp.js';
import { buildServer } from './buildServer.js';

function captureLog(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('buildServer (no database)', () => {
  const log = captureLog();
  let app: SlipwayApp;

  beforeAll(async () => {
    app = await buildServer({
      bodyLimit: 1024,
      log: { stream: log.stream },
      corsOrigins: ['https://portal.example'],
      registerApi(app) {
        app.post(
          '/api/echo',
          { schema: { body: z.object({ name: z.string().min(1).max(20), password: z.string() }) } },
          async (request) => ({ name: request.body.name }),
        );
        app.get('/api/boom', async () => {
          throw new SlipwayError({ code: 'FORBIDDEN', component: 'Auth', message: 'no' });
        });
        app.get('/api/bug', async () => {
          throw new Error('SELECT secret internals');
        });
      },
    });
  });
  afterAll(() => app.close());

  it('answers health with the database disabled', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      role: 'all',
      database: { status: 'disabled' },
    });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('maps SlipwayError, validation, unknown route, bad JSON and bugs to the stable body', async () => {
    const forbidden = await app.inject('/api/boom');
    expect(forbidden.statusCode).toBe(403);
    expect(Object.keys(forbidden.json().error).sort()).toEqual(
      ['code', 'component', 'docs', 'message', 'recovery', 'severity'].sort(),
    );
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/echo',
      payload: { name: '' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('INPUT_INVALID');
    const missing = await app.inject('/api/nope');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect([badJson.statusCode, badJson.json().error.code]).toEqual([400, 'JSON_SYNTAX']);
    const bug = await app.inject('/api/bug');
    expect(bug.statusCode).toBe(500);
    expect(bug.json().error.code).toBe('INTERNAL');
    expect(bug.body).not.toContain('internals');
  });

  it('answers 413 PAYLOAD_TOO_LARGE past the body limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/echo',
      payload: { name: 'x', password: 'p'.repeat(4096) },
    });
    expect([res.statusCode, res.json().error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('allows only listed CORS origins outside dev mode', async () => {
    const listed = await app.inject({
      url: '/api/health',
      headers: { origin: 'https://portal.example' },
    });
    expect(listed.headers['access-control-allow-origin']).toBe('https://portal.example');
    const other = await app.inject({
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves OpenAPI JSON generated from the zod schemas, the docs page and metrics', async () => {
    const spec = (await app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(
      spec.paths['/api/echo'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('name');
    const docs = await app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    const metrics = await app.inject('/metrics');
    expect(metrics.body).toContain(
      'slipway_http_requests_total{method="GET",route="/api/health",status="200"}',
    );
    expect(metrics.body).toContain('slipway_http_request_duration_seconds_bucket');
  });

  it('keeps passwords and authorization headers out of the log', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/echo?token=link-secret-123',
      headers: { authorization: 'Bearer header-secret-456' },
      payload: { name: 'n', password: 'hunter2-password' },
    });
    const text = log.text();
    expect(text).toContain('"reqId"');
    for (const secret of ['link-secret-123', 'header-secret-456', 'hunter2-password']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('buildServer dev mode', () => {
  it('allows any CORS origin only in dev mode', async () => {
    const app = await buildServer({ dev: true, log: { level: 'silent' } });
    const res = await app.inject({
      url: '/api/health',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    await app.close();
  });
});

describe('buildServer roles', () => {
  it('a worker answers health and metrics but serves no API routes', async () => {
    const app = await buildServer({
      role: 'worker',
      log: { level: 'silent' },
      registerApi(api) {
        api.get('/api/me', async () => ({}));
      },
    });
    expect((await app.inject('/api/health')).json().role).toBe('worker');
    expect((await app.inject('/api/me')).statusCode).toBe(404);
    await app.close();
  });
});

describe('buildServer shutdown', () => {
  it('finishes in-flight requests on close and refuses new connections', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const app = await buildServer({
      log: { level: 'silent' },
      registerApi(api) {
        api.get('/api/slow', async () => {
          entered();
          await gate;
          return { done: true };
        });
      },
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${address}/api/slow`);
    await inHandler;
    const closing = app.close();
    release();
    const res = await inFlight;
    expect([res.status, await res.json()]).toEqual([200, { done: true }]);
    await closing;
    await expect(fetch(`${address}/api/health`)).rejects.toThrow();
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForHealthy } from './waitForHealthy.js';

let status = 500;
const server = createServer((request, response) => {
  response.writeHead(request.url === '/api/health' ? status : 404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('waitForHealthy', () => {
  it('is a value, not an exception, when the app never becomes healthy', async () => {
    const result = await waitForHealthy({ url, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, status: 500, url: `${url}/api/health` });
    expect(result.reason).toMatch(/timed out .*answered 500/);
  });

  it('stops early when giveUp names a reason', async () => {
    const result = await waitForHealthy({ url, giveUp: async () => 'it crashed' });
    expect(result).toMatchObject({ ok: false, attempts: 1, reason: 'it crashed' });
  });

  it('passes on the first 2xx of the health path', async () => {
    status = 204;
    await expect(waitForHealthy({ url })).resolves.toMatchObject({ ok: true, status: 204 });
    await expect(waitForHealthy({ url, path: '/other', timeoutMs: 200 })).resolves.toMatchObject({
      ok: false,
      status: 404,
    });
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForHealthy } from './waitForHealthy.js';

let status = 500;
const server = createServer((request, response) => {
  response.writeHead(request.url === '/health' ? status : 404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('waitForHealthy', () => {
  it('is a value, not an exception, when the app never becomes healthy', async () => {
    let asked = 0;
    const result = await waitForHealthy({
      url,
      path: '/health',
      giveUp: async () => (++asked < 2 ? undefined : 'enough'),
    });
    expect(result).toMatchObject({ ok: false, status: 500, attempts: 2, reason: 'enough' });
    expect(result.url).toBe(`${url}/health`);
  });

  it('times out with the last reason', async () => {
    const result = await waitForHealthy({ url, timeoutMs: 1 });
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(result.reason).toMatch(/^timed out after 1 ms/);
  });

  it('stops early when giveUp names a reason', async () => {
    const result = await waitForHealthy({ url, giveUp: async () => 'it crashed' });
    expect(result).toMatchObject({ ok: false, attempts: 1, reason: 'it crashed' });
  });

  it('passes on the first 2xx of the health path', async () => {
    status = 204;
    const health = { url, path: '/health' };
    await expect(waitForHealthy(health)).resolves.toMatchObject({ ok: true, status: 204 });
    const giveUp = async () => 'enough';
    await expect(waitForHealthy({ url, path: '/other', giveUp })).resolves.toMatchObject({
      ok: false,
      status: 404,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { securityClient } from '../testing/securityClient.js';

/** Every error response: the one body shape, the request id and the security headers. */
function expectErrorShape(
  res: { statusCode: number; headers: Record<string, unknown>; json(): { error: unknown } },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.json().error).toMatchObject({ code, message: expect.any(String) });
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toEqual(expect.any(String));
}

describe('error shapes', () => {
  let api: TestApi;
  let token: string;
  const { signup, login, bearer } = securityClient(() => api);

  beforeAll(async () => {
    api = await startTestApi();
    const { id } = await signup('shapes@example.com');
    await api.database.pool.query(`update users set role = 'admin' where id = $1`, [id]);
    token = (await login('shapes@example.com')).accessToken;
  });
  afterAll(() => api.close());

  // Regression: names of 101–128 characters, documented as valid, gave Fastify's own 414.
  it('accepts a 128-character secret name', async () => {
    const name = `S${'x'.repeat(127)}`;
    const res = await api.app.inject({
      method: 'PUT',
      url: `/api/secrets/${name}`,
      headers: bearer(token),
      payload: { value: 'v' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('answers an over-long path parameter with 400 in the error shape', async () => {
    const res = await api.app.inject({
      url: `/api/secrets/${'x'.repeat(10_000)}`,
      headers: bearer(token),
    });
    expectErrorShape(res, 400, 'INPUT_INVALID');
  });

  it('answers a wrong content type with 415 in the error shape', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a@example.com',
    });
    expectErrorShape(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers malformed JSON and a malformed URL in the error shape', async () => {
    const json = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expectErrorShape(json, 400, 'JSON_SYNTAX');
    const url = await api.app.inject({ url: '/api/secrets/%zz', headers: bearer(token) });
    expectErrorShape(url, 400, 'INPUT_INVALID');
  });

  it('echoes a well-formed x-request-id and replaces anything else', async () => {
    const echoed = await api.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'abc-1' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-1');
    for (const bad of ['x'.repeat(15_000), 'a b', '<script>']) {
      const res = await api.app.inject({ url: '/api/health', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

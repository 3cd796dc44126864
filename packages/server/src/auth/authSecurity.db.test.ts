import { randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/testApi.js';

const PASSWORD = 'correct horse battery staple';

describe('auth security', () => {
  let api: TestApi;

  async function signup(email: string, password = PASSWORD) {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email, password },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function login(email: string, password = PASSWORD) {
    return api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  }
  function bearer(token: string) {
    return { authorization: `Bearer ${token}` };
  }
  async function verify(email: string) {
    const mail = api.links.findLast((l) => l.to === email && l.kind === 'verification')!;
    const url = new URL(mail.link);
    const res = await api.app.inject(`${url.pathname}${url.search}`);
    expect(res.statusCode, res.body).toBe(200);
  }

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    await signup('wrong-pw@example.com');
    const wrong = await login('wrong-pw@example.com', 'not the password at all');
    const unknown = await login('nobody@example.com');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('AUTH_INVALID');
  });

  it('blocks an unverified user from creating apps until the link is followed', async () => {
    await signup('Unverified@Example.com');
    const { accessToken } = (await login('unverified@example.com')).json();
    const me = await api.app.inject({ url: '/api/me', headers: bearer(accessToken) });
    expect(me.json()).toMatchObject({
      email: 'Unverified@Example.com',
      emailVerified: false,
      role: 'member',
    });
    const blocked = await api.app.inject({ url: '/api/apps', headers: bearer(accessToken) });
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([403, 'FORBIDDEN']);
    await verify('Unverified@Example.com');
    const allowed = await api.app.inject({ url: '/api/apps', headers: bearer(accessToken) });
    expect(allowed.statusCode).toBe(200);
    const again = api.links.findLast((l) => l.to === 'Unverified@Example.com')!;
    const reused = await api.app.inject(new URL(again.link).pathname + new URL(again.link).search);
    expect(reused.statusCode).toBe(401);
  });

  it('rejects altered, unsigned, wrongly signed and expired access tokens with 401', async () => {
    const { user, accessToken } = await signup('tokens@example.com').then(() =>
      login('tokens@example.com').then((r) => r.json()),
    );
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    const unsigned = new UnsecuredJWT({ role: 'admin' })
      .setSubject(user.id)
      .setIssuer('slipway')
      .setAudience('slipway-api')
      .setExpirationTime('5m')
      .encode();
    const sign = (key: Uint8Array, exp: number | string) =>
      new SignJWT({ role: 'member' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.id)
        .setIssuer('slipway')
        .setAudience('slipway-api')
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(key);
    const wrongKey = await sign(randomBytes(32), '5m');
    const expired = await sign(api.authKey, Math.floor(Date.now() / 1000) - 10);
    const valid = await sign(api.authKey, '5m');
    for (const token of [altered, unsigned, wrongKey, expired, 'garbage', 'slw_unknown']) {
      const res = await api.app.inject({ url: '/api/me', headers: bearer(token) });
      expect([res.statusCode, res.json().error.code], token).toEqual([401, 'AUTH_INVALID']);
    }
    const none = await api.app.inject('/api/me');
    expect([none.statusCode, none.json().error.code]).toEqual([401, 'AUTH_REQUIRED']);
    expect((await api.app.inject({ url: '/api/me', headers: bearer(valid) })).statusCode).toBe(200);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    await signup('rotate@example.com');
    const first = (await login('rotate@example.com')).json();
    const refresh = (refreshToken: string) =>
      api.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const { refreshToken: current } = second.json();
    expect(current).not.toBe(first.refreshToken);
    const reuse = await refresh(first.refreshToken);
    expect([reuse.statusCode, reuse.json().error.code]).toEqual([401, 'AUTH_INVALID']);
    // The thief's reuse also killed the legitimate holder's newer token.
    expect((await refresh(current)).statusCode).toBe(401);
    // Another login is a new family and unaffected.
    const other = (await login('rotate@example.com')).json();
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('logs out by revoking the refresh family', async () => {
    await signup('logout@example.com');
    const { refreshToken } = (await login('logout@example.com')).json();
    const out = await api.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: { refreshToken },
    });
    expect(out.statusCode).toBe(204);
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken },
    });
    expect(res.statusCode).toBe(401);
  });

  it('resets a password through the mailed token and signs out old sessions', async () => {
    await signup('reset@example.com');
    const old = (await login('reset@example.com')).json();
    const ask = (email: string) =>
      api.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    expect((await ask('reset@example.com')).statusCode).toBe(202);
    expect((await ask('no-such-user@example.com')).statusCode).toBe(202);
    // The link is queued after the answer (so timing cannot reveal the account).
    while (!api.links.some((l) => l.kind === 'reset')) await new Promise((r) => setTimeout(r, 10));
    const token = new URL(api.links.findLast((l) => l.kind === 'reset')!.link).searchParams.get(
      'token',
    )!;
    const newPassword = 'a brand new passphrase';
    const confirm = await api.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: newPassword },
    });
    expect(confirm.statusCode, confirm.body).toBe(204);
    expect((await login('reset@example.com')).statusCode).toBe(401);
    expect((await login('reset@example.com', newPassword)).statusCode).toBe(200);
    const stale = await api.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: old.refreshToken },
    });
    expect(stale.statusCode).toBe(401);
  });

  it('treats SQL-injection-shaped and unicode input as data', async () => {
    for (const email of [
      "x' OR '1'='1@example.com",
      "admin'--@example.com",
      'a@example.com; DROP TABLE users',
    ]) {
      const res = await login(email, "' OR 1=1 --");
      expect([400, 401]).toContain(res.statusCode);
    }
    const unicode = await api.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: {
        email: 'zoë@example.com',
        password: 'пароль-密码-🔑-long',
        displayName: "Robert'); DROP TABLE users;-- 🦀",
      },
    });
    expect(unicode.statusCode, unicode.body).toBe(201);
    expect(unicode.json().displayName).toBe("Robert'); DROP TABLE users;-- 🦀");
    expect((await login('ZOË@example.com', 'пароль-密码-🔑-long')).statusCode).toBe(200);
    const { rows } = await api.database.pool.query('select count(*)::int as n from users');
    expect(rows[0].n).toBeGreaterThan(1);
  });

  it('creates, uses, lists and revokes personal API tokens', async () => {
    await signup('cli@example.com');
    const { accessToken } = (await login('cli@example.com')).json();
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(accessToken),
      payload: { name: 'laptop' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^slw_/);
    const me = await api.app.inject({ url: '/api/me', headers: bearer(token) });
    expect(me.json().email).toBe('cli@example.com');
    const list = await api.app.inject({ url: '/api/tokens', headers: bearer(token) });
    expect(list.json().tokens).toHaveLength(1);
    expect(list.body).not.toContain(token);
    const revoke = await api.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${id}`,
      headers: bearer(accessToken),
    });
    expect(revoke.statusCode).toBe(204);
    expect((await api.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);

    const expiring = await api.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(accessToken),
      payload: { name: 'ci', expiresInDays: 1 },
    });
    const expiringToken = expiring.json().token;
    expect(
      (await api.app.inject({ url: '/api/me', headers: bearer(expiringToken) })).statusCode,
    ).toBe(200);
    await api.database.pool.query(
      `update api_tokens set expires_at = now() - interval '1 second' where id = $1`,
      [expiring.json().id],
    );
    expect(
      (await api.app.inject({ url: '/api/me', headers: bearer(expiringToken) })).statusCode,
    ).toBe(401);
  });

  it('documents every API route in the OpenAPI document, with bearer security where needed', async () => {
    const spec = (await api.app.inject('/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/signup',
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/auth/verify-email',
        '/api/auth/resend-verification',
        '/api/auth/password-reset',
        '/api/auth/password-reset/confirm',
        '/api/me',
        '/api/apps',
        '/api/tokens',
        '/api/tokens/{id}',
        '/api/secrets',
        '/api/secrets/{name}',
      ]),
    );
    expect(spec.paths['/api/me'].get.security).toEqual([{ bearer: [] }]);
    expect(spec.paths['/api/auth/login'].post.responses['401']).toBeDefined();
  });

  it('keeps passwords and tokens out of the captured log', async () => {
    const text = api.logText();
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, 'a brand new passphrase', 'пароль-密码-🔑-long']) {
      expect(text).not.toContain(secret);
    }
    for (const { link } of api.links) {
      expect(text).not.toContain(new URL(link).searchParams.get('token'));
    }
  });
});

describe('auth rate limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ rateLimits: { login: { max: 3, timeWindow: '1 minute' } } });
  });
  afterAll(() => api.close());

  it('answers a login flood with 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'flood@example.com', password: `guess-${i}` },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe('RATE_LIMITED');
        expect(res.headers['retry-after']).toBeDefined();
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

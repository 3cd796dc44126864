import { expect } from 'vitest';
import type { TestApi } from './testApi.js';

export const PASSWORD = 'correct horse battery staple';

/** Signup, verification and login against an in-process test API, for the security tests. */
export function securityClient(api: () => TestApi) {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  async function signup(email: string): Promise<{ id: string }> {
    const res = await api().app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function login(email: string, password = PASSWORD) {
    const res = await api().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { accessToken: string; refreshToken: string };
  }
  async function createToken(token: string, body: Record<string, unknown> = { name: 'cli' }) {
    const res = await api().app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(token),
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; token: string; expiresAt: string | null };
  }
  async function status(token: string, url = '/api/me'): Promise<number> {
    return (await api().app.inject({ url, headers: bearer(token) })).statusCode;
  }
  /** The token of the newest mailed link of `kind` to `email`. */
  function linkToken(email: string, kind: 'verification' | 'reset'): string {
    const mail = api().links.findLast((l) => l.to === email && l.kind === kind)!;
    return new URL(mail.link).searchParams.get('token')!;
  }
  return { bearer, signup, login, createToken, status, linkToken };
}

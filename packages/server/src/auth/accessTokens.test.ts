import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAccessTokens } from './accessTokens.js';

describe('access tokens', () => {
  it('refuses a token once it expires, although it was verified (and remembered) before', async () => {
    const tokens = createAccessTokens(randomBytes(32), 1);
    const token = await tokens.issue({ userId: 'u1', role: 'member' });
    expect(await tokens.verify(token)).toMatchObject({ userId: 'u1', role: 'member' });
    expect(await tokens.verify(token)).toMatchObject({ userId: 'u1' });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
  });

  it('does not take a token signed with another key for a remembered one', async () => {
    const ours = createAccessTokens(randomBytes(32));
    const theirs = createAccessTokens(randomBytes(32));
    const token = await theirs.issue({ userId: 'u1', role: 'admin' });
    await ours.verify(await ours.issue({ userId: 'u1', role: 'admin' }));
    await expect(ours.verify(token)).rejects.toMatchObject({ code: 'AUTH_INVALID' });
  });
});

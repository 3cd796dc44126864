import { SlipwayError } from '@slipway/core';
import type { FastifyRequest } from 'fastify';
import type { AccessTokens } from './accessTokens.js';
import { API_TOKEN_PREFIX, authenticateApiToken } from './apiTokens.js';
import type { Principal } from './principal.js';
import { findUserById, type Database, type UserRecord } from './userStore.js';

export type Guard = (request: FastifyRequest) => Promise<void>;

export interface Guards {
  /** Any signed-in user or API token. */
  requireAuth: Guard;
  /** Signed in with a verified email address: creating apps and other real work. */
  requireVerified: Guard;
  /** Signed in as an admin. */
  requireAdmin: Guard;
}

/**
 * Route guards (`preHandler`s). Bearer credentials are a JWT access token or a personal
 * API token `slw_…`; either way the user is read once (by id, or joined to the token) and
 * kept on `request.user`, so a deleted user or revoked sessions answer 401 at once rather
 * than when the token expires.
 */
export function createGuards(options: { db: Database; accessTokens: AccessTokens }): Guards {
  const { db, accessTokens } = options;

  async function authenticate(request: FastifyRequest): Promise<Principal> {
    if (request.principal) return request.principal;
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw authRequired();
    const token = match[1]!;
    let principal: Principal;
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const owner = await authenticateApiToken(db, token);
      if (!owner) throw tokenInvalid();
      request.user = owner.user;
      principal = { userId: owner.user.id, role: owner.user.role, via: 'api_token' };
      principal.tokenId = owner.tokenId;
    } else {
      const claims = await accessTokens.verify(token);
      const user = await findUserById(db, claims.userId);
      if (!user || revokedSince(user, claims.issuedAt)) throw sessionEnded();
      request.user = user;
      principal = { userId: user.id, role: user.role, via: 'access' };
    }
    request.principal = principal;
    return principal;
  }

  return {
    requireAuth: async (request) => {
      await authenticate(request);
    },
    requireVerified: async (request) => {
      await authenticate(request);
      if (!request.user!.emailVerifiedAt) {
        throw new SlipwayError({
          code: 'FORBIDDEN',
          component: 'Auth',
          message: 'Verify your email address first: follow the link in the mail we sent',
          recovery: ['POST /api/auth/resend-verification'],
        });
      }
    },
    requireAdmin: async (request) => {
      const { role } = await authenticate(request);
      if (role !== 'admin') {
        throw new SlipwayError({ code: 'FORBIDDEN', component: 'Auth', message: 'Admins only' });
      }
    },
  };
}

function authRequired(): SlipwayError {
  return new SlipwayError({
    code: 'AUTH_REQUIRED',
    component: 'Auth',
    message: 'Sign in first: send Authorization: Bearer <token>',
    recovery: ['POST /api/auth/login', 'slipway login'],
  });
}

/** Sessions revoked at second `t` end the tokens issued before `t` (JWT `iat` is whole seconds). */
function revokedSince(user: UserRecord, issuedAt: number): boolean {
  const revokedAt = user.sessionsRevokedAt;
  return revokedAt !== null && issuedAt < Math.floor(revokedAt.getTime() / 1000);
}

function sessionEnded(): SlipwayError {
  return new SlipwayError({
    code: 'AUTH_INVALID',
    component: 'Auth',
    message: 'This session has ended (signed out everywhere, password reset or account removed)',
    recovery: ['POST /api/auth/login'],
  });
}

function tokenInvalid(): SlipwayError {
  return new SlipwayError({
    code: 'AUTH_INVALID',
    component: 'Auth',
    message: 'The API token is invalid, expired or revoked',
    recovery: ['Create a new token: POST /api/tokens'],
  });
}

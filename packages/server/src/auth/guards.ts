import { SlipwayError } from '@slipway/core';
import type { FastifyRequest } from 'fastify';
import type { AccessTokens } from './accessTokens.js';
import { API_TOKEN_PREFIX, authenticateApiToken } from './apiTokens.js';
import type { Principal } from './principal.js';
import { findUserById, type Database } from './userStore.js';

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
 * Route guards (`preHandler`s). Bearer credentials are a JWT access token (checked
 * without a database read) or a personal API token `slw_…` (one indexed read).
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
      principal = { userId: owner.userId, role: owner.role, via: 'api_token' };
    } else {
      principal = { ...(await accessTokens.verify(token)), via: 'access' };
    }
    request.principal = principal;
    return principal;
  }

  return {
    requireAuth: async (request) => {
      await authenticate(request);
    },
    requireVerified: async (request) => {
      const { userId } = await authenticate(request);
      const user = await findUserById(db, userId);
      if (!user) throw tokenInvalid();
      if (!user.emailVerifiedAt) {
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

function tokenInvalid(): SlipwayError {
  return new SlipwayError({
    code: 'AUTH_INVALID',
    component: 'Auth',
    message: 'The API token is invalid, expired or revoked',
    recovery: ['Create a new token: POST /api/tokens'],
  });
}

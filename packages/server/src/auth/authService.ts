import { SlipwayError } from '@slipway/core';
import { users } from '@slipway/db';
import { eq, sql } from 'drizzle-orm';
import type { AccessTokens } from './accessTokens.js';
import type { AuthMailer } from './authMailer.js';
import { createLoginBackoff, type LoginBackoff } from './loginBackoff.js';
import { revokeAllApiTokens } from './apiTokens.js';
import { consumeOneTimeToken, issueOneTimeToken } from './oneTimeTokens.js';
import { hashPassword, verifyPassword } from './passwords.js';
import {
  issueRefreshToken,
  revokeAllRefreshTokens,
  revokeRefreshFamily,
  rotateRefreshToken,
} from './refreshTokens.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  toPublicUser,
  type Database,
  type PublicUser,
} from './userStore.js';

export interface AuthServiceOptions {
  db: Database;
  accessTokens: AccessTokens;
  mailer: AuthMailer;
  /** Public URL of the server; links in mails start with it. A function when it is
   * known only after listening (port 0). */
  baseUrl: string | (() => string);
  /** @default a fresh in-memory one */
  loginBackoff?: LoginBackoff;
}

/** What login and refresh return. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: PublicUser;
}

export type AuthService = ReturnType<typeof createAuthService>;

/**
 * Accounts and sessions: signup with email verification, login with
 * argon2id, short-lived access JWTs with rotating refresh tokens, and password reset.
 * Returns data or throws `SlipwayError`; the routes serialise.
 */
export function createAuthService(options: AuthServiceOptions) {
  const { db, accessTokens, mailer } = options;
  const backoff = options.loginBackoff ?? createLoginBackoff();
  const link = (path: string) => {
    const base = typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl;
    return `${base.replace(/\/+$/, '')}${path}`;
  };

  async function issuePair(userId: string, refreshToken: string): Promise<TokenPair> {
    const user = await findUserById(db, userId);
    if (!user) throw invalidCredentials();
    const accessToken = await accessTokens.issue({ userId: user.id, role: user.role });
    const expiresIn = accessTokens.ttlSeconds;
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn, user: toPublicUser(user) };
  }

  async function sendVerification(user: { id: string; email: string; displayName: string | null }) {
    const token = await issueOneTimeToken(db, 'verify_email', user.id);
    await mailer.sendVerification(user, link(`/api/auth/verify-email?token=${token}`));
  }

  return {
    /** Creates a member account and mails a verification link. */
    async signup(input: {
      email: string;
      password: string;
      displayName?: string;
    }): Promise<PublicUser> {
      const user = await insertUser(db, {
        ...input,
        passwordHash: await hashPassword(input.password),
      });
      await sendVerification(user);
      return toPublicUser(user);
    },

    /**
     * Unverified users may sign in; `requireVerified` routes refuse them. `client` (the
     * address) keys the per-account backoff; see `createLoginBackoff`.
     */
    async login(input: { email: string; password: string; client?: string }): Promise<TokenPair> {
      const attempt = { email: input.email, client: input.client ?? '' };
      backoff.check(attempt);
      const user = await findUserByEmail(db, input.email);
      if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
        backoff.failed(attempt);
        throw invalidCredentials();
      }
      backoff.succeeded(attempt);
      return issuePair(user.id, await issueRefreshToken(db, { userId: user.id }));
    },

    async refresh(refreshToken: string): Promise<TokenPair> {
      const rotated = await rotateRefreshToken(db, refreshToken);
      return issuePair(rotated.userId, rotated.refreshToken);
    },

    /** Ends the session family the refresh token belongs to. */
    async logout(refreshToken: string): Promise<void> {
      await revokeRefreshFamily(db, refreshToken);
    },

    async verifyEmail(token: string): Promise<PublicUser> {
      const userId = await consumeOneTimeToken(db, 'verify_email', token);
      if (!userId) throw linkInvalid('verification');
      const [user] = await db
        .update(users)
        .set({
          emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
          updatedAt: new Date(),
        })
        .where(eq(users.id, userId))
        .returning();
      return toPublicUser(user!);
    },

    /** Mails a new link unless the address is already verified. */
    async resendVerification(userId: string): Promise<{ sent: boolean }> {
      const user = await findUserById(db, userId);
      if (!user || user.emailVerifiedAt) return { sent: false };
      await sendVerification(user);
      return { sent: true };
    },

    /**
     * Looks the account up and mails a link if it exists. The route answers before calling
     * this, so neither the answer nor its timing reveals whether the email has an account.
     */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await findUserByEmail(db, email);
      if (!user) return;
      const token = await issueOneTimeToken(db, 'reset_password', user.id);
      await mailer.sendPasswordReset(user, link(`/reset-password?token=${token}`));
    },

    /**
     * Sets the new password and signs the user out everywhere. Following the mailed link
     * proves the address, so it also counts as verification.
     */
    async confirmPasswordReset(input: { token: string; password: string }): Promise<void> {
      const userId = await consumeOneTimeToken(db, 'reset_password', input.token);
      if (!userId) throw linkInvalid('password reset');
      await db
        .update(users)
        .set({
          passwordHash: await hashPassword(input.password),
          emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
          updatedAt: new Date(),
        })
        .where(eq(users.id, userId));
      await revokeAllSessions(db, userId);
    },

    /** "Log out everywhere": every refresh family, API token and access token of the user. */
    async logoutEverywhere(userId: string): Promise<void> {
      await revokeAllSessions(db, userId);
    },

    async me(userId: string): Promise<PublicUser> {
      const user = await findUserById(db, userId);
      if (!user) throw invalidCredentials();
      return toPublicUser(user);
    },
  };
}

/**
 * Ends every session of `userId` in one transaction: refresh tokens and API tokens are
 * revoked, and access JWTs issued before now are refused by the guards.
 */
export async function revokeAllSessions(db: Database, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeAllRefreshTokens(tx, userId);
    await revokeAllApiTokens(tx, userId);
    await tx.update(users).set({ sessionsRevokedAt: new Date() }).where(eq(users.id, userId));
  });
}

function invalidCredentials(): SlipwayError {
  return new SlipwayError({
    code: 'AUTH_INVALID',
    component: 'Auth',
    message: 'Email or password is wrong',
    recovery: [
      'Check the email and password',
      'or reset the password: POST /api/auth/password-reset',
    ],
  });
}

function linkInvalid(kind: string): SlipwayError {
  return new SlipwayError({
    code: 'AUTH_INVALID',
    component: 'Auth',
    message: `The ${kind} link is invalid, expired or already used`,
    recovery: [
      kind === 'verification'
        ? 'POST /api/auth/resend-verification for a new link'
        : 'POST /api/auth/password-reset for a new link',
    ],
  });
}

import type {} from '@fastify/rate-limit';
import { z } from 'zod';
import type { AuthService } from '../auth/authService.js';
import type { Guards } from '../auth/guards.js';
import { errorBodySchema } from '../http/errorBody.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import type { Background } from '../http/background.js';
import {
  BEARER,
  emailSchema,
  passwordSchema,
  publicUserSchema,
  refreshBodySchema,
  tokenPairSchema,
} from './apiSchemas.js';

/** Per-route request budgets; a request past one answers 429 `RATE_LIMITED`. */
export interface AuthRateLimits {
  login: RateLimit;
  signup: RateLimit;
  reset: RateLimit;
}

export interface RateLimit {
  max: number;
  /** e.g. `'1 minute'` or milliseconds. */
  timeWindow: string | number;
}

export const DEFAULT_AUTH_RATE_LIMITS: AuthRateLimits = {
  login: { max: 10, timeWindow: '1 minute' },
  signup: { max: 5, timeWindow: '1 minute' },
  reset: { max: 5, timeWindow: '1 minute' },
};

const tags = ['auth'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema };

/** Signup, login, refresh, logout, email verification and password reset. */
export function registerAuthRoutes(
  app: SlipwayApp,
  deps: { auth: AuthService; guards: Guards; rateLimits: AuthRateLimits; background: Background },
): void {
  const { auth, guards, rateLimits, background } = deps;
  app.post(
    '/api/auth/signup',
    {
      config: { rateLimit: rateLimits.signup },
      schema: {
        tags,
        summary: 'Create an account; a verification link is mailed',
        body: z.object({
          email: emailSchema,
          password: passwordSchema,
          displayName: z.string().trim().min(1).max(100).optional(),
        }),
        response: { 201: publicUserSchema, 409: errorBodySchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await auth.signup(request.body)),
  );
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: rateLimits.login },
      schema: {
        tags,
        summary: 'Exchange email and password for an access and a refresh token',
        body: z.object({ email: emailSchema, password: z.string().min(1).max(256) }),
        response: { 200: tokenPairSchema, ...errors },
      },
    },
    async (request) => auth.login({ ...request.body, client: request.ip }),
  );
  app.post(
    '/api/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Rotate a refresh token; reusing an old one revokes its whole family',
        body: refreshBodySchema,
        response: { 200: tokenPairSchema, ...errors },
      },
    },
    async (request) => auth.refresh(request.body.refreshToken),
  );
  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Revoke the session family of a refresh token',
        body: refreshBodySchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await auth.logout(request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/auth/logout-everywhere',
    {
      preHandler: guards.requireAuth,
      schema: {
        tags,
        summary: 'Revoke every session, refresh token and API token of the signed-in user',
        security: BEARER,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await auth.logoutEverywhere(request.principal!.userId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Follow the mailed verification link',
        querystring: z.object({ token: z.string().min(1).max(256) }),
        response: {
          200: z.object({ verified: z.literal(true), user: publicUserSchema }),
          ...errors,
        },
      },
    },
    async (request) => ({
      verified: true as const,
      user: await auth.verifyEmail(request.query.token),
    }),
  );
  app.post(
    '/api/auth/resend-verification',
    {
      preHandler: guards.requireAuth,
      config: { rateLimit: rateLimits.reset },
      schema: {
        tags,
        summary: 'Mail a new verification link to the signed-in user',
        security: BEARER,
        response: { 202: z.object({ sent: z.boolean() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await auth.resendVerification(request.principal!.userId)),
  );
  app.post(
    '/api/auth/password-reset',
    {
      config: { rateLimit: rateLimits.reset },
      schema: {
        tags,
        summary: 'Mail a password reset link (answers 202 whether or not the account exists)',
        body: z.object({ email: emailSchema }),
        response: { 202: z.object({ accepted: z.literal(true) }), ...errors },
      },
    },
    async (request, reply) => {
      // Answer before any per-account work: both paths then do the same (nothing), so
      // timing cannot tell whether the address has an account.
      const { email } = request.body;
      reply.raw.once('finish', () => {
        setImmediate(() => background.run(() => auth.requestPasswordReset(email), request.log));
      });
      return reply.code(202).send({ accepted: true as const });
    },
  );
  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { rateLimit: rateLimits.reset },
      schema: {
        tags,
        summary: 'Set a new password with the mailed token; signs out every session',
        body: z.object({ token: z.string().min(1).max(256), password: passwordSchema }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await auth.confirmPasswordReset(request.body);
      return reply.code(204).send(null);
    },
  );
}

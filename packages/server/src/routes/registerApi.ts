import rateLimit from '@fastify/rate-limit';
import { SlipwayError } from '@slipway/core';
import type { SlipwayDatabase } from '@slipway/db';
import { createAccessTokens } from '../auth/accessTokens.js';
import type { AuthMailer } from '../auth/authMailer.js';
import { createAuthService } from '../auth/authService.js';
import { createGuards } from '../auth/guards.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import { createBackground } from '../http/background.js';
import { registerAdminUserRoutes } from './adminUserRoutes.js';
import { registerApiTokenRoutes } from './apiTokenRoutes.js';
import { DEFAULT_AUTH_RATE_LIMITS, registerAuthRoutes, type AuthRateLimits } from './authRoutes.js';
import { registerDevMailboxRoutes, type DevMailbox } from './devMailboxRoutes.js';
import { registerMeRoutes } from './meRoutes.js';
import { registerSecretRoutes, type SecretStore } from './secretRoutes.js';
import type { ApiContext } from '../buildServer.js';

export interface ApiDependencies {
  database: Pick<SlipwayDatabase, 'db'>;
  /** HS256 key for access tokens (see `loadAuthKey`). */
  authKey: Uint8Array;
  mailer: AuthMailer;
  /** Public URL of the server, for links in mails (a function when known only later). */
  baseUrl: string | (() => string);
  secrets?: SecretStore;
  devMailbox?: DevMailbox;
  rateLimits?: Partial<AuthRateLimits>;
  /** @default 900 */
  accessTokenTtlSeconds?: number;
}

/** How long closing waits for work started after an answer (a reset mail being queued). */
const BACKGROUND_DRAIN_MS = 5_000;

/** The function `buildServer` calls to add the API routes on roles that serve them. */
export function registerApi(
  deps: ApiDependencies,
): (app: SlipwayApp, context: ApiContext) => Promise<void> {
  return async (app, { redactor }) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new SlipwayError({
          code: 'RATE_LIMITED',
          component: 'Auth',
          message: `Too many attempts; retry in ${context.after}`,
          recovery: [`Wait ${context.after}, then retry`],
        }),
    });
    const db = deps.database.db;
    const accessTokens = createAccessTokens(deps.authKey, deps.accessTokenTtlSeconds);
    const guards = createGuards({ db, accessTokens });
    const auth = createAuthService({
      db,
      accessTokens,
      mailer: deps.mailer,
      baseUrl: deps.baseUrl,
    });
    const rateLimits = { ...DEFAULT_AUTH_RATE_LIMITS, ...deps.rateLimits };
    const background = createBackground();
    app.addHook('onClose', () => background.drain(BACKGROUND_DRAIN_MS));
    registerAuthRoutes(app, { auth, guards, rateLimits, background });
    registerMeRoutes(app, { auth, guards });
    registerApiTokenRoutes(app, { db, guards });
    registerAdminUserRoutes(app, { db, guards });
    if (deps.secrets) registerSecretRoutes(app, { secrets: deps.secrets, guards, redactor });
    if (deps.devMailbox) registerDevMailboxRoutes(app, { mailbox: deps.devMailbox, guards });
  };
}

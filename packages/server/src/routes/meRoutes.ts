import { z } from 'zod';
import type { AuthService } from '../auth/authService.js';
import type { Guards } from '../auth/guards.js';
import { toPublicUser } from '../auth/userStore.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import { BEARER, authErrorResponses, publicUserSchema } from './apiSchemas.js';

/** `GET /api/me` and the sample route that needs a verified address (`GET /api/apps`). */
export function registerMeRoutes(
  app: SlipwayApp,
  deps: { auth: AuthService; guards: Guards },
): void {
  app.get(
    '/api/me',
    {
      preHandler: deps.guards.requireAuth,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: BEARER,
        response: { 200: publicUserSchema, ...authErrorResponses },
      },
    },
    async (request) => toPublicUser(request.user!),
  );
  app.get(
    '/api/apps',
    {
      preHandler: deps.guards.requireVerified,
      schema: {
        tags: ['apps'],
        summary: "The user's apps (verified accounts only; apps arrive with the jobs API)",
        security: BEARER,
        response: { 200: z.object({ apps: z.array(z.never()) }), ...authErrorResponses },
      },
    },
    async () => ({ apps: [] }),
  );
}

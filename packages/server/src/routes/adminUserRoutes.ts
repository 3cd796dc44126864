import { SlipwayError } from '@slipway/core';
import { z } from 'zod';
import type { Guards } from '../auth/guards.js';
import { deleteUser, type Database } from '../auth/userStore.js';
import { errorBodySchema } from '../http/errorBody.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import { BEARER, authErrorResponses } from './apiSchemas.js';

/** `DELETE /api/admin/users/:id`: removes an account with its own secrets and tokens. */
export function registerAdminUserRoutes(
  app: SlipwayApp,
  deps: { db: Database; guards: Guards },
): void {
  app.delete(
    '/api/admin/users/:id',
    {
      preHandler: deps.guards.requireAdmin,
      schema: {
        tags: ['admin'],
        summary:
          'Delete a user: their secrets, sessions and API tokens go with them; project secrets they wrote stay',
        security: BEARER,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 404: errorBodySchema, ...authErrorResponses },
      },
    },
    async (request, reply) => {
      if (!(await deleteUser(deps.db, request.params.id))) {
        throw new SlipwayError({ code: 'NOT_FOUND', component: 'Auth', message: 'No such user' });
      }
      return reply.code(204).send(null);
    },
  );
}

import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/apiTokens.js';
import type { Guards } from '../auth/guards.js';
import type { Db } from '../auth/userStore.js';
import { errorBodySchema } from '../http/errorBody.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import { BEARER, authErrorResponses } from './apiSchemas.js';

const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

const tags = ['tokens'];

/** Personal API tokens for the CLI: create (plaintext shown once), list, revoke. */
export function registerApiTokenRoutes(app: SlipwayApp, deps: { db: Db; guards: Guards }): void {
  const { db, guards } = deps;
  app.post(
    '/api/tokens',
    {
      preHandler: guards.requireAuth,
      schema: {
        tags,
        summary:
          'Create a personal API token (90 days unless expiresInDays; never beyond the token that creates it); shown only in this response',
        security: BEARER,
        body: z.object({
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(3650).optional(),
        }),
        response: { 201: apiTokenSchema.extend({ token: z.string() }), ...authErrorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await createApiToken(db, {
          ...request.body,
          userId: request.principal!.userId,
          parentTokenId: request.principal!.tokenId,
        }),
      ),
  );
  app.get(
    '/api/tokens',
    {
      preHandler: guards.requireAuth,
      schema: {
        tags,
        summary: "The signed-in user's live API tokens",
        security: BEARER,
        response: { 200: z.object({ tokens: z.array(apiTokenSchema) }), ...authErrorResponses },
      },
    },
    async (request) => ({ tokens: await listApiTokens(db, request.principal!.userId) }),
  );
  app.delete(
    '/api/tokens/:id',
    {
      preHandler: guards.requireAuth,
      schema: {
        tags,
        summary: 'Revoke an API token and every token created with it',
        security: BEARER,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 404: errorBodySchema, ...authErrorResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(db, { userId: request.principal!.userId, id: request.params.id });
      return reply.code(204).send(null);
    },
  );
}

import { SlipwayError } from '@slipway/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Guards } from '../auth/guards.js';
import { errorBodySchema } from '../http/errorBody.js';
import type { LogRedactor } from '../http/logRedactor.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import type { SecretMetadata, SecretScope } from '../secrets/secretsService.js';
import { BEARER, authErrorResponses } from './apiSchemas.js';

/** The secrets service as these routes use it (values go in, never come back out). */
export interface SecretStore {
  put(input: {
    scope: SecretScope;
    name: string;
    value: string;
    createdBy: string;
  }): Promise<SecretMetadata>;
  list(scope: SecretScope): Promise<SecretMetadata[]>;
  /** Whether a secret was removed. */
  remove(scope: SecretScope, name: string): Promise<boolean>;
}

/**
 * Whether `userId` may use `projectId`'s secrets. Until projects are stored (jobs issue)
 * only admins may; a refusal answers 404 so project ids cannot be probed.
 */
export type ProjectAccess = (input: {
  userId: string;
  role: string;
  projectId: string;
}) => Promise<boolean>;

const adminsOnly: ProjectAccess = async ({ role }) => role === 'admin';

/** Environment-variable style, since secrets are injected as environment. */
const nameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'letters, digits and _; not starting with a digit');
const scopeQuery = z.object({ projectId: z.string().min(1).max(128).optional() });
const metadataSchema = z
  .object({
    name: z.string(),
    scope: z.object({ kind: z.enum(['user', 'project']), id: z.string() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SecretMetadata' });
const tags = ['secrets'];
const notFound = { 404: errorBodySchema, ...authErrorResponses };

/**
 * `/api/secrets`: write (upsert by name), list names, read metadata, delete — scoped to the
 * user, or to a project with `?projectId=`. Values are accepted, encrypted by the store,
 * added to the log redactor, and never returned.
 */
export function registerSecretRoutes(
  app: SlipwayApp,
  deps: {
    secrets: SecretStore;
    guards: Guards;
    redactor?: LogRedactor;
    projectAccess?: ProjectAccess;
  },
): void {
  const { secrets, guards } = deps;
  const scopeOf = scopeResolver(deps.projectAccess ?? adminsOnly);
  app.get(
    '/api/secrets',
    {
      preHandler: guards.requireAuth,
      schema: {
        tags,
        summary: 'List secret names and metadata (never values)',
        security: BEARER,
        querystring: scopeQuery,
        response: { 200: z.object({ secrets: z.array(metadataSchema) }), ...notFound },
      },
    },
    async (request) => ({
      secrets: await secrets.list(await scopeOf(request, request.query.projectId)),
    }),
  );
  app.put(
    '/api/secrets/:name',
    {
      preHandler: guards.requireAuth,
      schema: {
        tags,
        summary: 'Create or replace a secret; the value is never returned',
        security: BEARER,
        params: z.object({ name: nameSchema }),
        querystring: scopeQuery,
        body: z.object({ value: z.string().min(1).max(65_536) }),
        response: { 200: metadataSchema, 400: errorBodySchema, ...notFound },
      },
    },
    async (request) => {
      deps.redactor?.add(request.body.value);
      const scope = await scopeOf(request, request.query.projectId);
      const { name } = request.params;
      return secrets.put({
        scope,
        name,
        value: request.body.value,
        createdBy: request.principal!.userId,
      });
    },
  );
  app.get(
    '/api/secrets/:name',
    {
      preHandler: guards.requireAuth,
      schema: {
        tags,
        summary: "A secret's metadata (never its value)",
        security: BEARER,
        params: z.object({ name: nameSchema }),
        querystring: scopeQuery,
        response: { 200: metadataSchema, ...notFound },
      },
    },
    async (request) => {
      const scope = await scopeOf(request, request.query.projectId);
      const found = (await secrets.list(scope)).find((s) => s.name === request.params.name);
      if (!found) throw secretNotFound();
      return found;
    },
  );
  app.delete(
    '/api/secrets/:name',
    {
      preHandler: guards.requireAuth,
      schema: {
        tags,
        summary: 'Delete a secret',
        security: BEARER,
        params: z.object({ name: nameSchema }),
        querystring: scopeQuery,
        response: { 204: z.null(), ...notFound },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(request, request.query.projectId);
      if (!(await secrets.remove(scope, request.params.name))) throw secretNotFound();
      return reply.code(204).send(null);
    },
  );
}

function scopeResolver(projectAccess: ProjectAccess) {
  return async (request: FastifyRequest, projectId: string | undefined): Promise<SecretScope> => {
    const { userId, role } = request.principal!;
    if (projectId === undefined) return { kind: 'user', id: userId };
    if (!(await projectAccess({ userId, role, projectId }))) throw secretNotFound();
    return { kind: 'project', id: projectId };
  };
}

function secretNotFound(): SlipwayError {
  return new SlipwayError({
    code: 'NOT_FOUND',
    component: 'Secrets',
    message: 'No such secret in this scope',
    recovery: ['GET /api/secrets to list the names you can use'],
  });
}

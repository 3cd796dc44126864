import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { SlipwayApp } from './slipwayApp.js';

/**
 * The OpenAPI 3 document is generated from the routes' zod schemas; served as JSON at
 * `/api/openapi.json` and browsable at `/api/docs`. Must be registered before the routes.
 */
export async function registerOpenApi(app: SlipwayApp, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Slipway API',
        description: 'The Slipway control plane: auth, health, secrets and more.',
        version,
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An access token from /api/auth/login, or a personal API token (slw_…)',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The page loads only same-origin scripts and styles, so helmet's policy (set on every
  // response) covers it; no call-outs to the public validator.
  await app.register(swaggerUi, { routePrefix: '/api/docs', validatorUrl: false });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

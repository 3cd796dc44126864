import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { SlipwayApp } from './slipwayApp.js';

export interface SecuritySettings {
  /** Dev mode allows any origin; otherwise only `corsOrigins`. */
  dev: boolean;
  /** Origins allowed to call the API from a browser, e.g. the portal's URL. */
  corsOrigins: readonly string[];
}

/**
 * Security headers (helmet defaults: CSP, HSTS, nosniff, frame-ancestors …) and CORS.
 * CORS is a wildcard only in dev mode, where the portal and API run on different local
 * ports during development; otherwise a request
 * from an origin not listed gets no CORS headers and the browser blocks it.
 */
export async function registerSecurity(app: SlipwayApp, settings: SecuritySettings): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      // Slipway is often reached over plain HTTP on a LAN or behind a TLS proxy that sets
      // its own policy; upgrading every subresource to https would break the docs page
      // and the portal there.
      directives: { upgradeInsecureRequests: null },
    },
  });
  await app.register(cors, {
    origin: settings.dev ? '*' : [...settings.corsOrigins],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}

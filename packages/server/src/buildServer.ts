import type { Server } from 'node:http';
import Fastify, { LogController, type FastifyHttpOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { errorHandler, notFoundHandler } from './http/errorHandler.js';
import { frameworkErrors } from './http/frameworkErrors.js';
import { rejectUnsafeText } from './http/rejectUnsafeText.js';
import { requestId } from './http/requestId.js';
import { createLogRedactor, type LogRedactor } from './http/logRedactor.js';
import { loggerOptions } from './http/loggerOptions.js';
import { registerOpenApi } from './http/registerOpenApi.js';
import { registerRequestLog } from './http/registerRequestLog.js';
import { registerRequestMetrics } from './http/registerRequestMetrics.js';
import { registerSecurity } from './http/registerSecurity.js';
import { createServerMetrics, type GaugeSource } from './http/serverMetrics.js';
import type { SlipwayApp } from './http/slipwayApp.js';
import { registerHealthRoutes, type HealthSources } from './routes/healthRoutes.js';
import { registerMetricsRoutes } from './routes/metricsRoutes.js';
import { servesApi, type ServerRole } from './serverRole.js';
import { SERVER_VERSION } from './serverVersion.js';

export interface BuildServerOptions {
  /** @default 'all' */
  role?: ServerRole;
  /** Dev mode: CORS allows any origin. @default false */
  dev?: boolean;
  /** Browser origins allowed outside dev mode. @default [] */
  corsOrigins?: readonly string[];
  /** Largest accepted request body in bytes; larger answers 413. @default 1048576 */
  bodyLimit?: number;
  /** @default { level: 'info', stream: process.stdout } */
  log?: { level?: string; stream?: DestinationStream };
  /**
   * Which proxies' `X-Forwarded-For` to believe, as Fastify's `trustProxy`: `true`, or
   * comma-separated addresses/CIDRs (rate limits and logs then see the client). @default false
   */
  trustProxy?: boolean | string;
  /** Redacts known secret values from log lines. @default a fresh one */
  redactor?: LogRedactor;
  /** Database and worker probes for `/api/health`. */
  health?: Omit<HealthSources, 'role'>;
  /** Scrape-time gauges (queue depths, email outcomes) for `/metrics`. */
  gauges?: readonly GaugeSource[];
  /** Registers the API routes (auth, secrets, …) on roles that serve the API. */
  registerApi?: (app: SlipwayApp, context: ApiContext) => Promise<void> | void;
}

/** What `buildServer` hands the API registration. */
export interface ApiContext {
  /** Known secret values added here never appear in the log. */
  redactor: LogRedactor;
}

/**
 * Builds the Fastify app without listening, so tests can call `app.inject()`. Every role
 * gets health, metrics and OpenAPI docs; `api` and `all` also get the API routes.
 */
export async function buildServer(options: BuildServerOptions = {}): Promise<SlipwayApp> {
  const role = options.role ?? 'all';
  const redactor = options.redactor ?? createLogRedactor();
  const fastifyOptions: FastifyHttpOptions<Server> = {
    logger: loggerOptions({ ...options.log, redactor }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Validated, not trusted: see requestId.
    requestIdHeader: false,
    genReqId: requestId,
    // Above any URL Node accepts (16 KB of headers): a long parameter reaches the route's
    // schema and gets its 400, instead of the router's own 414 that bypasses every hook.
    routerOptions: { maxParamLength: 16_384 },
    frameworkErrors,
    // One line per request (below) instead of Fastify's two halves the log volume.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
  };
  const app = Fastify(fastifyOptions).withTypeProvider() as SlipwayApp;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('preValidation', rejectUnsafeText);
  // The API speaks JSON only: any other body type is 415, not a string for the schema.
  app.removeContentTypeParser('text/plain');
  const metrics = createServerMetrics(options.gauges);
  registerRequestMetrics(app, metrics);
  registerRequestLog(app);
  await registerSecurity(app, {
    dev: options.dev ?? false,
    corsOrigins: options.corsOrigins ?? [],
  });
  await registerOpenApi(app, SERVER_VERSION);
  registerHealthRoutes(app, { ...options.health, role });
  registerMetricsRoutes(app, metrics);
  if (servesApi(role) && options.registerApi) await options.registerApi(app, { redactor });
  return app;
}

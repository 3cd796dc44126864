import type { UserRole } from '@slipway/db';

/** Who made a request, established by the `Authorization` header. */
export interface Principal {
  userId: string;
  role: UserRole;
  /** `access` for a JWT from login, `api_token` for a personal token (`slw_…`). */
  via: 'access' | 'api_token';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook when the request carried valid credentials. */
    principal?: Principal;
  }
}

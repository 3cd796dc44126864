import type { UserRole } from '@slipway/db';
import type { UserRecord } from './userStore.js';

/** Who made a request, established by the `Authorization` header. */
export interface Principal {
  userId: string;
  role: UserRole;
  /** `access` for a JWT from login, `api_token` for a personal token (`slw_…`). */
  via: 'access' | 'api_token';
  /** The API token's id when `via` is `api_token`. */
  tokenId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook when the request carried valid credentials. */
    principal?: Principal;
    /** The signed-in user as read while authenticating (one read per request). */
    user?: UserRecord;
  }
}

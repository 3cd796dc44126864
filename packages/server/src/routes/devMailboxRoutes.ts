import { z } from 'zod';
import type { Guards } from '../auth/guards.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import { BEARER, authErrorResponses } from './apiSchemas.js';

/** One message of the outbox as admins see it in dev mode. */
export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: string;
  text: string;
  createdAt: string;
}

/** Reads the email outbox (without SMTP it is the dev mailbox). */
export interface DevMailbox {
  list(options: { limit: number }): Promise<MailboxMessage[]>;
}

const messageSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    kind: z.string(),
    status: z.string(),
    text: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'MailboxMessage' });

/** `GET /api/dev/mailbox`: the newest outbox messages, for admins. */
export function registerDevMailboxRoutes(
  app: SlipwayApp,
  deps: { mailbox: DevMailbox; guards: Guards },
): void {
  app.get(
    '/api/dev/mailbox',
    {
      preHandler: deps.guards.requireAdmin,
      schema: {
        tags: ['dev'],
        summary: 'Newest outgoing mails (the dev mailbox when no SMTP_URL is set); admins only',
        security: BEARER,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ messages: z.array(messageSchema) }), ...authErrorResponses },
      },
    },
    async (request) => ({ messages: await deps.mailbox.list({ limit: request.query.limit }) }),
  );
}

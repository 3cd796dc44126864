import { z } from 'zod';
import type { MailboxMessage as OutboxMessage } from '../email/listDevMailbox.js';
import type { Guards } from '../auth/guards.js';
import type { SlipwayApp } from '../http/slipwayApp.js';
import { BEARER, authErrorResponses } from './apiSchemas.js';

/** The fields of an outbox message the dev mailbox shows. */
type MailboxMessage = Pick<
  OutboxMessage,
  'id' | 'to' | 'subject' | 'kind' | 'status' | 'text' | 'createdAt'
>;

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

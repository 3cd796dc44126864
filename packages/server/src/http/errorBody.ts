import { ERROR_CODES, type SlipwayError } from '@slipway/core';
import { z } from 'zod';

/** The stable JSON body of every error response (documented in the OpenAPI document). */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      severity: z.enum(['blocking', 'warning', 'info']),
      component: z.string(),
      recovery: z.array(z.string()),
      docs: z.string(),
    }),
  })
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The response body for `error`: the same fields for every code. */
export function toErrorBody(error: SlipwayError): ErrorBody {
  const { code, message, severity, component, recovery, docs } = error;
  return { error: { code, message, severity, component, recovery: [...recovery], docs } };
}

import type { z } from 'zod';
import { SlipwayError, formatZodIssues } from '@slipway/core';
import type { ErrorCode } from '@slipway/core';

export interface ZodFailure {
  code: ErrorCode;
  component: string;
  file: string;
  what: string;
}

/** Parses `value` with `schema`, or throws one SlipwayError listing every issue. */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  value: unknown,
  failure: ZodFailure,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = formatZodIssues(result.error);
  throw new SlipwayError({
    code: failure.code,
    component: failure.component,
    message: `${failure.what} is invalid:\n    ${issues.join('\n    ')}`,
    location: { file: failure.file },
    recovery: [`Fix ${failure.file} (schema: packages/core/schemas/)`],
  });
}

import type { Finding } from './renderError.js';

/**
 * Expected failures are values (changesets `ParseResult`): a validator returns what it
 * could resolve plus every finding; only the edges turn errors into exit codes.
 */
export interface ParseResult<T> {
  value: T | undefined;
  warnings: Finding[];
  errors: Finding[];
}

export function hasErrors(result: Pick<ParseResult<unknown>, 'errors'>): boolean {
  return result.errors.length > 0;
}

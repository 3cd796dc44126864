/**
 * The error surface without the config schemas (and so without zod): what CLI start-up
 * and error rendering need, cheap to import. `@slipway/core/errors`.
 */
export { ERROR_CODES, EXIT_CODE, HTTP_STATUS, isErrorCode } from './errorCodes.js';
export type { ErrorCode, Severity } from './errorCodes.js';
export { SlipwayError, isSlipwayError, docsLinkFor } from './slipwayError.js';
export type {
  Component,
  SlipwayErrorOptions,
  SlipwayErrorJson,
  SourceLocation,
} from './slipwayError.js';
export { renderFinding, formatLocation, errorToJson } from './renderError.js';
export type { Finding, RenderOptions } from './renderError.js';
export { hasErrors } from './parseResult.js';
export type { ParseResult } from './parseResult.js';

/**
 * Every failure a Slipway user can reach has one of these stable codes. The union is
 * closed: adding a code forces an entry in each table below, which the compiler checks.
 */
export const ERROR_CODES = [
  // input and configuration
  'CONFIG_NOT_FOUND',
  'CONFIG_INVALID',
  'YAML_SYNTAX',
  'JSON_SYNTAX',
  'INPUT_INVALID',
  'NAME_INVALID',
  'ANSWER_INVALID',
  'ANSWER_MISSING',
  // templates
  'TEMPLATE_NOT_FOUND',
  'TEMPLATE_INVALID',
  'TEMPLATE_RENDER_FAILED',
  'TEMPLATE_UNSAFE_PATH',
  'TEMPLATE_ENGINE_MISMATCH',
  'MODULE_UNKNOWN',
  'MODULE_CONFLICT',
  'MODULE_REQUIREMENT_MISSING',
  'MERGE_CONFLICT',
  // projects on disk
  'TARGET_NOT_EMPTY',
  'TARGET_WRITE_FAILED',
  'PROJECT_NOT_FOUND',
  'VALIDATION_FAILED',
  // tools and lifecycle
  'TOOL_MISSING',
  'TOOL_TOO_OLD',
  'STEP_FAILED',
  'INTERRUPTED',
  // service
  'AUTH_REQUIRED',
  'AUTH_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE',
  'INTERNAL',
  // storage
  'DATA_DIR_IN_USE',
  'SCHEMA_TOO_NEW',
  'SECRET_UNREADABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** How bad a finding is, in the vocabulary of the provisioning plan (reference 001 §3.1). */
export type Severity = 'blocking' | 'warning' | 'info';

/**
 * Process exit codes: 0 success, 1 the work failed, 2 the input was wrong (fix the
 * command or the config), 130 interrupted (as shells report SIGINT).
 */
export const EXIT_CODE: Readonly<Record<ErrorCode, 1 | 2 | 130>> = {
  CONFIG_NOT_FOUND: 2,
  CONFIG_INVALID: 2,
  YAML_SYNTAX: 2,
  JSON_SYNTAX: 2,
  INPUT_INVALID: 2,
  NAME_INVALID: 2,
  ANSWER_INVALID: 2,
  ANSWER_MISSING: 2,
  TEMPLATE_NOT_FOUND: 2,
  TEMPLATE_INVALID: 1,
  TEMPLATE_RENDER_FAILED: 1,
  TEMPLATE_UNSAFE_PATH: 1,
  TEMPLATE_ENGINE_MISMATCH: 1,
  MODULE_UNKNOWN: 2,
  MODULE_CONFLICT: 2,
  MODULE_REQUIREMENT_MISSING: 2,
  MERGE_CONFLICT: 1,
  TARGET_NOT_EMPTY: 2,
  TARGET_WRITE_FAILED: 1,
  PROJECT_NOT_FOUND: 2,
  VALIDATION_FAILED: 1,
  TOOL_MISSING: 1,
  TOOL_TOO_OLD: 1,
  STEP_FAILED: 1,
  INTERRUPTED: 130,
  AUTH_REQUIRED: 1,
  AUTH_INVALID: 1,
  FORBIDDEN: 1,
  NOT_FOUND: 1,
  CONFLICT: 1,
  RATE_LIMITED: 1,
  PAYLOAD_TOO_LARGE: 2,
  UNAVAILABLE: 1,
  INTERNAL: 1,
  DATA_DIR_IN_USE: 1,
  SCHEMA_TOO_NEW: 1,
  SECRET_UNREADABLE: 1,
};

/** HTTP status of each code when the server answers with it. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  CONFIG_NOT_FOUND: 404,
  CONFIG_INVALID: 400,
  YAML_SYNTAX: 400,
  JSON_SYNTAX: 400,
  INPUT_INVALID: 400,
  NAME_INVALID: 400,
  ANSWER_INVALID: 400,
  ANSWER_MISSING: 400,
  TEMPLATE_NOT_FOUND: 404,
  TEMPLATE_INVALID: 422,
  TEMPLATE_RENDER_FAILED: 422,
  TEMPLATE_UNSAFE_PATH: 422,
  TEMPLATE_ENGINE_MISMATCH: 422,
  MODULE_UNKNOWN: 400,
  MODULE_CONFLICT: 400,
  MODULE_REQUIREMENT_MISSING: 400,
  MERGE_CONFLICT: 422,
  TARGET_NOT_EMPTY: 409,
  TARGET_WRITE_FAILED: 500,
  PROJECT_NOT_FOUND: 404,
  VALIDATION_FAILED: 422,
  TOOL_MISSING: 500,
  TOOL_TOO_OLD: 500,
  STEP_FAILED: 500,
  INTERRUPTED: 503,
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  DATA_DIR_IN_USE: 503,
  SCHEMA_TOO_NEW: 503,
  SECRET_UNREADABLE: 500,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

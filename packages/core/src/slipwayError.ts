import type { ErrorCode, Severity } from './errorCodes.js';

/** Where in Slipway (or in the user's project) a failure was found. */
export type Component =
  | 'Config'
  | 'Templates'
  | 'Modules'
  | 'Project'
  | 'Validation'
  | 'CLI'
  | 'Pipeline'
  | 'Runtime'
  | 'Database'
  | 'Server'
  | 'Auth'
  | 'Email'
  | 'Secrets'
  | (string & {});

export interface SlipwayErrorOptions {
  code: ErrorCode;
  message: string;
  /** @default 'blocking' */
  severity?: Severity;
  /** @default 'Slipway' */
  component?: Component;
  /** Exact commands or actions that fix the problem, most likely first. */
  recovery?: readonly string[];
  /** Overrides the default link, `docs/errors.md#<code>`. */
  docs?: string;
  /** Where the problem is: a file with optional line and column. */
  location?: SourceLocation;
  cause?: unknown;
}

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** The stable JSON shape of an error, used by `--json` output and HTTP error bodies. */
export interface SlipwayErrorJson {
  code: ErrorCode;
  severity: Severity;
  component: string;
  message: string;
  recovery: string[];
  docs: string;
  location?: SourceLocation;
}

const DOCS_BASE = 'https://github.com/slipway-dev/slipway/blob/main/docs/errors.md';

/** The link to the section of docs/errors.md that explains `code`. */
export function docsLinkFor(code: ErrorCode): string {
  return `${DOCS_BASE}#${code.toLowerCase().replaceAll('_', '-')}`;
}

/** Marks SlipwayErrors across module copies (`Symbol.for` is shared by every realm copy). */
const BRAND = Symbol.for('slipway.SlipwayError');

/**
 * The one error class for failures a user can reach. Bugs stay plain `Error`s; the
 * edges (CLI entry, HTTP error handler) turn a `SlipwayError` into an exit code or a
 * response through `EXIT_CODE` / `HTTP_STATUS`.
 */
export class SlipwayError extends Error {
  /**
   * `instanceof` recognises a SlipwayError from any copy of this module — the bundled CLI
   * carries its own copy of `@slipway/core` while `@slipway/server` loads the package's —
   * by a registry-wide symbol rather than by class identity.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

  readonly [BRAND] = true;
  override readonly name = 'SlipwayError';
  readonly code: ErrorCode;
  readonly severity: Severity;
  readonly component: Component;
  readonly recovery: readonly string[];
  readonly docs: string;
  readonly location: SourceLocation | undefined;

  constructor(options: SlipwayErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.severity = options.severity ?? 'blocking';
    this.component = options.component ?? 'Slipway';
    this.recovery = options.recovery ?? [];
    this.docs = options.docs ?? docsLinkFor(options.code);
    this.location = options.location;
  }

  toJSON(): SlipwayErrorJson {
    return {
      code: this.code,
      severity: this.severity,
      component: this.component,
      message: this.message,
      recovery: [...this.recovery],
      docs: this.docs,
      ...(this.location ? { location: this.location } : {}),
    };
  }
}

export function isSlipwayError(value: unknown): value is SlipwayError {
  return value instanceof SlipwayError;
}

import type { Severity } from './errorCodes.js';
import type { SlipwayErrorJson, SourceLocation } from './slipwayError.js';
import { SlipwayError } from './slipwayError.js';

/** A finding: an error, or a warning/info that does not stop the work. */
export type Finding = Pick<SlipwayErrorJson, 'severity' | 'component' | 'message'> &
  Partial<Pick<SlipwayErrorJson, 'code' | 'recovery' | 'docs' | 'location'>>;

export interface RenderOptions {
  /** Wraps the severity label, e.g. in a terminal colour. */
  paint?: (severity: Severity, text: string) => string;
  /** Print the docs link. @default true */
  docs?: boolean;
}

const LABEL: Record<Severity, string> = {
  blocking: 'BLOCKING',
  warning: 'WARNING',
  info: 'INFO',
};

export function formatLocation(location: SourceLocation): string {
  const { file, line, column } = location;
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/**
 * Renders a finding in the one terminal format every command uses, so a user learns to
 * read it once:
 *
 * ```
 * [BLOCKING] Templates: module "foo" is not part of template "saas"
 *   at templates/saas/template.yaml:3:5
 *   → Run: slipway templates show saas
 *   → Docs: https://…/errors.md#module-unknown
 * ```
 */
export function renderFinding(
  finding: Finding | SlipwayError,
  options: RenderOptions = {},
): string {
  const f = finding instanceof SlipwayError ? finding.toJSON() : finding;
  const label = `[${LABEL[f.severity]}]`;
  const lines = [
    `${options.paint ? options.paint(f.severity, label) : label} ${f.component}: ${f.message}`,
  ];
  if (f.location) lines.push(`  at ${formatLocation(f.location)}`);
  for (const step of f.recovery ?? []) lines.push(`  → ${step}`);
  if (f.docs && options.docs !== false) lines.push(`  → Docs: ${f.docs}`);
  return lines.join('\n');
}

/** The JSON form of any thrown value: SlipwayErrors keep their code, anything else is INTERNAL. */
export function errorToJson(error: unknown): SlipwayErrorJson {
  if (error instanceof SlipwayError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return new SlipwayError({ code: 'INTERNAL', component: 'Slipway', message }).toJSON();
}

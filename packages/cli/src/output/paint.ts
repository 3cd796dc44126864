import pc from 'picocolors';
import type { Severity } from '@slipway/core/errors';

const COLOR: Record<Severity, (text: string) => string> = {
  blocking: (text) => pc.bold(pc.red(text)),
  warning: (text) => pc.bold(pc.yellow(text)),
  info: (text) => pc.cyan(text),
};

/** Colours a severity label for the terminal; picocolors honours NO_COLOR and non-TTYs. */
export function paintSeverity(severity: Severity, text: string): string {
  return COLOR[severity](text);
}

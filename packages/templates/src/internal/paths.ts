import { SlipwayError } from '@slipway/core';

// Control characters, NUL and backslashes have no place in a project path: they break
// shells, tools and other operating systems, and `\` is a separator on Windows.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

/**
 * Validates the rendered segments of a relative path and returns them joined with `/`.
 * Returns `undefined` when a segment rendered empty (the conditional-file rule). Each
 * source segment renders to exactly one segment: a `/` produced by rendering, `..`, `.`,
 * control characters and `\` are refused with TEMPLATE_UNSAFE_PATH.
 */
export function checkRenderedPath(segments: readonly string[], source: string): string | undefined {
  if (segments.some((segment) => segment.trim() === '')) return undefined;
  const rendered = segments.join('/');
  for (const segment of segments) {
    if (segment.includes('/'))
      throw unsafePath(rendered, source, 'a value rendered into a file name contains "/"');
    if (FORBIDDEN.test(segment))
      throw unsafePath(rendered, source, 'it contains a control character or "\\"');
    if (segment === '.' || segment === '..')
      throw unsafePath(rendered, source, `it contains "${segment}"`);
  }
  return rendered;
}

function unsafePath(rendered: string, source: string, why: string): SlipwayError {
  return new SlipwayError({
    code: 'TEMPLATE_UNSAFE_PATH',
    component: 'Templates',
    message: `the path ${JSON.stringify(rendered)} rendered from ${source} is refused: ${why}; generated files must stay inside the project`,
    location: { file: source },
    recovery: ['Check the answers used in file names', 'Or fix the template path'],
  });
}

/** `_gitignore` → `.gitignore`; `__x` → `_x` (a literal leading underscore). */
export function renameDotfile(segment: string): string {
  if (segment.startsWith('__')) return segment.slice(1);
  if (segment.startsWith('_')) return `.${segment.slice(1)}`;
  return segment;
}

/** Whether `child` (absolute) is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const base = parent.endsWith('/') ? parent : `${parent}/`;
  return child === parent || child.startsWith(base);
}

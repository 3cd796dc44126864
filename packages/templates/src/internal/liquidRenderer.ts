import { Drop, Liquid, Tag } from 'liquidjs';
import type { Token } from 'liquidjs';
import { SlipwayError } from '@slipway/core';

/** Tags that read other templates: refused, since templates render from memory only. */
const FILE_TAGS = ['include', 'render', 'layout'] as const;

/**
 * Renders Liquid text. The engine is logic-only by construction: no JavaScript runs,
 * only own properties of the context are readable (no `constructor`, no `__proto__`),
 * undefined variables and filters are errors rather than empty strings (except as the
 * condition of `if`/`unless` or the input of `default`), no template
 * can read a file, and parse/render/memory limits bound hostile input. Answers are
 * context data, so Liquid syntax inside an answer is printed literally.
 */
export class LiquidRenderer {
  readonly #liquid: Liquid;

  constructor() {
    this.#liquid = new Liquid({
      strictVariables: true,
      // `{% if x.optional %}` and `| default:` may test a missing key; output may not.
      lenientIf: true,
      strictFilters: true,
      ownPropertyOnly: true,
      templates: {},
      relativeReference: false,
      dynamicPartials: false,
      parseLimit: 10_000_000,
      renderLimit: 5_000,
      memoryLimit: 100_000_000,
    });
    this.#liquid.registerFilter('sql', sqlLiteral);
    for (const name of FILE_TAGS) {
      this.#liquid.registerTag(
        name,
        class extends Tag {
          override render(): never {
            throw new Error(`the {% ${name} %} tag is not allowed in Slipway templates`);
          }
        },
      );
    }
  }

  /** Renders `text`; `source` names the file in error messages. */
  render(text: string, context: object, source: string): string {
    if (!text.includes('{{') && !text.includes('{%')) return text;
    try {
      return this.#liquid.parseAndRenderSync(text, context);
    } catch (error) {
      throw toRenderError(error, source);
    }
  }
}

/**
 * The `sql` filter: a value as a Postgres literal, so config values reach seed files as
 * data, never as SQL. Strings are single-quoted with quotes doubled (Postgres'
 * standard_conforming_strings, on by default since 9.1, makes backslashes literal);
 * null/undefined → NULL; numbers and booleans as themselves; arrays → ARRAY[…]::text[].
 * @example {{ auth.issuer | default: nil | sql }} → 'https://id.example.com' or NULL
 */
export function sqlLiteral(input: unknown): string {
  // Liquid's `nil` (and `empty`, `blank`) arrive as Drops; unwrap them to plain values.
  const value: unknown = input instanceof Drop ? input.valueOf() : input;
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`the sql filter cannot write ${value}`);
    return String(value);
  }
  if (Array.isArray(value))
    return `ARRAY[${value.map((item) => sqlLiteral(String(item))).join(', ')}]::text[]`;
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('the sql filter cannot write a NUL character');
    return `'${value.replaceAll("'", "''")}'`;
  }
  throw new Error(`the sql filter cannot write a ${typeof value}`);
}

function toRenderError(error: unknown, source: string): SlipwayError {
  const token = (error as { token?: Token }).token;
  const [line, column] = token?.getPosition?.() ?? [];
  const message =
    error instanceof Error ? error.message.replace(/, (file|line):.*$/, '') : String(error);
  return new SlipwayError({
    code: 'TEMPLATE_RENDER_FAILED',
    component: 'Templates',
    message: `could not render ${source}: ${message}`,
    location: line === undefined ? { file: source } : { file: source, line, column },
    recovery: ['Fix the Liquid at that position (docs/templates.md lists the variables)'],
    cause: error,
  });
}

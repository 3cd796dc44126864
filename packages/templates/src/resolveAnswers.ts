import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { SlipwayError } from '@slipway/core';

export interface AnswersSchema {
  type?: 'object';
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
  [key: string]: unknown;
}

export interface ResolveAnswersOptions {
  schema: AnswersSchema;
  answers: Readonly<Record<string, unknown>>;
  /** Names the answers in messages: `template "saas"`, `module "kb"`. */
  owner: string;
}

/**
 * Validates answers against a JSON Schema (draft 2020-12), applying defaults and
 * coercing strings from `--set key=value` to the declared types. Unknown answers are
 * errors: a typo must not silently fall back to a default.
 */
export function resolveAnswers(options: ResolveAnswersOptions): Record<string, unknown> {
  const schema = { type: 'object', additionalProperties: false, properties: {}, ...options.schema };
  let validate: ValidateFunction;
  try {
    validate = sharedAjv().compile(schema);
  } catch (cause) {
    throw new SlipwayError({
      code: 'TEMPLATE_INVALID',
      component: 'Templates',
      message: `the parameter schema of ${options.owner} is not valid JSON Schema: ${(cause as Error).message}`,
      cause,
    });
  }
  const value = structuredClone({ ...options.answers });
  if (validate(value)) return value;
  const errors = validate.errors ?? [];
  const missing = errors.filter((e) => e.keyword === 'required');
  throw new SlipwayError({
    code: missing.length === errors.length ? 'ANSWER_MISSING' : 'ANSWER_INVALID',
    component: 'Templates',
    message: `answers for ${options.owner} are invalid:\n    ${errors.map(describe).join('\n    ')}`,
    recovery: ['Pass them with --set key=value or in the config file under `answers:`'],
  });
}

let ajv: Ajv2020 | undefined;

/**
 * One validator for the process. Schemas are not checked against the draft 2020-12
 * meta-schema (compiling it costs ~100 ms, more than the whole render): zod has checked
 * their shape, and a bad keyword value still fails `compile` with TEMPLATE_INVALID.
 */
function sharedAjv(): Ajv2020 {
  ajv ??= new Ajv2020({
    useDefaults: true,
    coerceTypes: true,
    allErrors: true,
    strict: false,
    validateSchema: false,
  });
  return ajv;
}

function describe(error: ErrorObject): string {
  const at = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (error.keyword === 'required') return `${String(error.params.missingProperty)}: is required`;
  if (error.keyword === 'additionalProperties') {
    return `${String(error.params.additionalProperty)}: is not a parameter`;
  }
  return `${at || '(answers)'}: ${error.message ?? 'is invalid'}`;
}

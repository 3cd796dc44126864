import { z } from 'zod';

/**
 * The project name is the npm package scope (`acme` → `@acme/api`) and the prefix of
 * cloud resource names, so it is the strictest: lowercase letters, digits and single
 * dashes, starting with a letter, at most 40 characters (App Runner service names
 * append `-<env>-<app>` and must stay under 40).
 */
export const PROJECT_NAME_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,39}$/;

/**
 * The repository / folder name (`acme-stack`): a single path segment of letters,
 * digits, `.`, `_` and `-`, never `.` or `..`, at most 100 characters (GitHub's limit).
 */
export const REPO_NAME_PATTERN = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

/** Template and module names: lowercase words joined by dashes. */
export const SLUG_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const projectNameSchema = z
  .string()
  .regex(
    PROJECT_NAME_PATTERN,
    'use lowercase letters, digits and dashes, starting with a letter (at most 40 characters)',
  )
  .describe('Package scope and resource prefix, e.g. `acme` → `@acme/api`');

export const repoNameSchema = z
  .string()
  .regex(
    REPO_NAME_PATTERN,
    'use letters, digits, ".", "_" and "-" only (one folder name, at most 100 characters)',
  )
  .describe('Repository and folder name, e.g. `acme-stack`');

export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'use lowercase letters and digits joined by dashes');

/** Turns free text ("My App!") into a project name candidate (`my-app`), or '' when nothing is left. */
export function toProjectName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SlipwayError, SLUG_PATTERN } from '@slipway/core';
import { loadTemplate } from './loadTemplate.js';
import type { LoadedTemplate } from './loadTemplate.js';

let builtinDir: string | undefined;

/**
 * The folder of built-in templates: `SLIPWAY_TEMPLATES_DIR`, else the nearest
 * `templates/` folder above this module that holds a template — the root of the Slipway
 * checkout, whether this code runs from src/, dist/ or a bundle.
 */
export function builtinTemplatesDir(): string {
  const fromEnv = process.env.SLIPWAY_TEMPLATES_DIR;
  if (fromEnv) return resolve(fromEnv);
  builtinDir ??= findTemplatesDir(dirname(fileURLToPath(import.meta.url)));
  return builtinDir;
}

function findTemplatesDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates');
    if (existsSync(candidate) && listTemplateNames(candidate).length > 0) return candidate;
    if (dirname(dir) === dir) return join(start, 'templates');
  }
}

/** Names of the built-in templates, sorted. */
export function listTemplateNames(dir = builtinTemplatesDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'template.yaml')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Loads a template by built-in name (`saas`) or by folder path (`./my-template`,
 * `/abs/path`). Names are slugs, so a name can never walk out of the templates folder.
 */
export function findTemplate(nameOrPath: string, options: { cwd?: string } = {}): LoadedTemplate {
  const looksLikePath =
    nameOrPath.includes('/') || nameOrPath.startsWith('.') || isAbsolute(nameOrPath);
  if (looksLikePath) return loadTemplate(resolve(options.cwd ?? process.cwd(), nameOrPath));
  const known = listTemplateNames();
  if (!SLUG_PATTERN.test(nameOrPath) || !known.includes(nameOrPath)) {
    throw new SlipwayError({
      code: 'TEMPLATE_NOT_FOUND',
      component: 'Templates',
      message: `there is no template ${JSON.stringify(nameOrPath)}; built-in templates: ${known.join(', ') || '(none)'}`,
      recovery: [
        'Run: slipway templates list',
        'Or pass a template folder: --template ./path/to/template',
      ],
    });
  }
  return loadTemplate(join(builtinTemplatesDir(), nameOrPath));
}

import { parse as parseJsonc } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import type { Finding } from '@slipway/core';
import type { ProjectFiles } from './projectFiles.js';
import { isTextFile, lineAt } from './projectFiles.js';
import { sqlStatements } from './sqlStatements.js';

export interface CheckContext {
  files: ProjectFiles;
  scope: string;
  repoName: string;
  migrationsDir: string;
  seedsDir: string;
  /** Requirements of each selected module, when the template is at hand. */
  moduleRequires?: ReadonlyMap<string, readonly string[]>;
  modules: readonly string[];
  /** Every string the user answered: Liquid-looking text inside them is data, not a leftover. */
  answerStrings: readonly string[];
}

export interface Check {
  name: string;
  run(context: CheckContext): Finding[];
}

const blocking = (message: string, file?: string, line?: number): Finding => ({
  severity: 'blocking',
  component: 'Validation',
  message,
  ...(file ? { location: line ? { file, line } : { file } } : {}),
});

const textEntries = (files: ProjectFiles, accept: (path: string) => boolean) =>
  [...files]
    .filter(([path, content]) => accept(path) && isTextFile(content))
    .map(([path, content]) => [path, content.toString('utf8')] as const);

// `${{ … }}` is GitHub Actions syntax, not a leftover; JSX `{{ a: 1 }}` has no bare name.
const LIQUID_OUTPUT = /(?<![$\\])\{\{-?\s*[A-Za-z_][\w.]*\s*(?:\|[^}\n]*)?-?\}\}/g;
const LIQUID_TAG =
  /\{%-?\s*(?:if|elsif|else|endif|for|endfor|unless|endunless|raw|endraw|assign|capture|case|when)\b/g;

export const noPlaceholders: Check = {
  name: 'no unrendered placeholders',
  run: ({ files, answerStrings }) =>
    textEntries(files, (path) => !path.startsWith('.slipway/')).flatMap(([path, text]) =>
      [...text.matchAll(LIQUID_OUTPUT), ...text.matchAll(LIQUID_TAG)]
        .filter((match) => !answerStrings.some((answer) => answer.includes(match[0])))
        .map((match) =>
          blocking(`unrendered placeholder ${match[0]}`, path, lineAt(text, match.index)),
        ),
    ),
};

export const modulesRequirementsMet: Check = {
  name: 'module requirements met',
  run: ({ modules, moduleRequires }) =>
    modules.flatMap((name) =>
      (moduleRequires?.get(name) ?? [])
        .filter((needed) => !modules.includes(needed))
        .map((needed) =>
          blocking(`module "${name}" requires "${needed}", which the project does not have`),
        ),
    ),
};

export const packageNamesConsistent: Check = {
  name: 'package names consistent',
  run: ({ files, scope, repoName }) => {
    const manifests = [...files]
      .filter(
        ([path]) => path === 'package.json' || /^(apps|packages)\/[^/]+\/package\.json$/.test(path),
      )
      .map(([path, content]) => [path, safeJson(content)] as const);
    const names = new Set(
      manifests.map(([, m]) => m?.name).filter((n): n is string => typeof n === 'string'),
    );
    const findings: Finding[] = [];
    for (const [path, manifest] of manifests) {
      if (!manifest) continue;
      const expected = path === 'package.json' ? repoName : undefined;
      if (expected !== undefined && manifest.name !== expected) {
        findings.push(
          blocking(`root package is named ${String(manifest.name)}, expected ${expected}`, path),
        );
      } else if (expected === undefined && !String(manifest.name).startsWith(`@${scope}/`)) {
        findings.push(
          blocking(
            `package ${String(manifest.name)} is outside the project scope @${scope}/`,
            path,
          ),
        );
      }
      for (const [dep, range] of Object.entries({
        ...manifest.dependencies,
        ...manifest.devDependencies,
      })) {
        if (String(range).startsWith('workspace:') && !names.has(dep)) {
          findings.push(
            blocking(
              `depends on ${dep} (workspace), which no package in the project is named`,
              path,
            ),
          );
        }
      }
    }
    return findings;
  },
};

const NUMBERED = /^(\d{4})_[a-z0-9_]+\.sql$/;
const NOT_IDEMPOTENT: ReadonlyArray<[RegExp, string]> = [
  [/\bcreate\s+table\s+(?!if\s+not\s+exists)/i, 'CREATE TABLE without IF NOT EXISTS'],
  [
    /\bcreate\s+(?:unique\s+)?index\s+(?!if\s+not\s+exists)(?!concurrently\s+if\s+not\s+exists)/i,
    'CREATE INDEX without IF NOT EXISTS',
  ],
  [/\bcreate\s+extension\s+(?!if\s+not\s+exists)/i, 'CREATE EXTENSION without IF NOT EXISTS'],
  [/\badd\s+column\s+(?!if\s+not\s+exists)/i, 'ADD COLUMN without IF NOT EXISTS'],
  [/\bcreate\s+schema\s+(?!if\s+not\s+exists)/i, 'CREATE SCHEMA without IF NOT EXISTS'],
  [/\binsert\s+into\b(?![\s\S]*?\bon\s+conflict\b)/i, 'INSERT without ON CONFLICT'],
];

export const migrationsOrdered: Check = {
  name: 'migrations ordered and idempotent',
  run: ({ files, migrationsDir, seedsDir }) =>
    [migrationsDir, seedsDir].flatMap((dir) => {
      const entries = [...files].filter(
        ([path]) => path.startsWith(`${dir}/`) && path.endsWith('.sql'),
      );
      const findings: Finding[] = [];
      entries
        .map(([path]) => path)
        .sort()
        .forEach((path, index) => {
          const number = NUMBERED.exec(path.slice(dir.length + 1))?.[1];
          if (number === undefined)
            findings.push(blocking('migration file is not named NNNN_name.sql', path));
          else if (Number(number) !== index + 1) {
            findings.push(
              blocking(
                `migration number ${number} breaks the sequence (expected ${index + 1})`,
                path,
              ),
            );
          }
        });
      for (const [path, content] of entries) {
        for (const statement of sqlStatements(content.toString('utf8'))) {
          const problem = NOT_IDEMPOTENT.find(([pattern]) => pattern.test(statement));
          if (problem) findings.push(blocking(`not idempotent: ${problem[1]}`, path));
        }
      }
      return findings;
    }),
};

const ENV_READ =
  /\bprocess\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])|\bimport\.meta\.env\.(VITE_[A-Z0-9_]+)/g;
const PLATFORM_ENV = new Set(['NODE_ENV', 'CI', 'VITEST', 'HOME', 'PATH', 'TZ', 'DEBUG']);

export const envDocumented: Check = {
  name: 'every env var documented',
  run: ({ files }) => {
    const example = files.get('.env.example')?.toString('utf8') ?? '';
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const findings: Finding[] = [];
    for (const [path, text] of textEntries(files, (p) => /\.(m|c)?[jt]sx?$/.test(p))) {
      for (const match of text.matchAll(ENV_READ)) {
        const name = match[1] ?? match[2] ?? match[3] ?? '';
        if (PLATFORM_ENV.has(name) || documented.has(name)) continue;
        findings.push(
          blocking(
            `${name} is read but not documented in .env.example`,
            path,
            lineAt(text, match.index),
          ),
        );
      }
    }
    return findings;
  },
};

// Files whose tools read comments (JSONC); package.json and the rest must be strict JSON.
const JSONC_FILE =
  /(^|\/)(tsconfig[^/]*|jsconfig[^/]*|turbo|biome|devcontainer|\.vscode\/[^/]+)\.json$|\.jsonc$/;

export const configFilesParse: Check = {
  name: 'every JSON/YAML file parses',
  run: ({ files }) =>
    textEntries(files, (p) => /\.(jsonc?|ya?ml)$/.test(p) && !p.startsWith('.slipway/')).flatMap(
      ([path, text]) => {
        if (/\.jsonc?$/.test(path)) {
          const errors: ParseError[] = [];
          const jsonc = JSONC_FILE.test(path);
          parseJsonc(text, errors, { allowTrailingComma: jsonc, disallowComments: !jsonc });
          return errors
            .slice(0, 1)
            .map((e) => blocking('invalid JSON', path, lineAt(text, e.offset)));
        }
        const doc = parseDocument(text);
        return doc.errors
          .slice(0, 1)
          .map((e) => blocking(`invalid YAML: ${e.message.split('\n')[0]}`, path));
      },
    ),
};

export const ALL_CHECKS: readonly Check[] = [
  noPlaceholders,
  modulesRequirementsMet,
  packageNamesConsistent,
  migrationsOrdered,
  envDocumented,
  configFilesParse,
];

interface PackageManifest {
  name?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function safeJson(content: Buffer): PackageManifest | undefined {
  try {
    return JSON.parse(content.toString('utf8')) as PackageManifest;
  } catch {
    return undefined;
  }
}

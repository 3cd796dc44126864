import type { Finding } from '@slipway/core';
import type { LoadedTemplate } from './loadTemplate.js';
import type { ProjectStamp } from '@slipway/core';
import { ALL_CHECKS } from './validate/checks.js';
import type { ProjectFiles } from './validate/projectFiles.js';

export interface ValidateOptions {
  files: ProjectFiles;
  stamp: ProjectStamp;
  /** The project's template, when available: enables the module-requirement check. */
  template?: LoadedTemplate | undefined;
}

export interface ValidationReport {
  checks: Array<{ name: string; findings: number }>;
  findings: Finding[];
  ok: boolean;
}

/**
 * Post-create validation, so a broken template or module combination fails before the
 * user builds it:
 * placeholders, module requirements, package names, migration order and idempotency,
 * documented env vars, parseable config files. Runs on a plan before it is written and
 * on a folder (`slipway validate`).
 */
export function validateProject(options: ValidateOptions): ValidationReport {
  const { stamp, template } = options;
  const context = {
    files: options.files,
    scope: stamp.project.name,
    repoName: stamp.project.repoName,
    migrationsDir: template?.manifest.migrations.dir ?? 'db/migrations',
    seedsDir: template?.manifest.migrations.seedsDir ?? 'db/seeds',
    modules: stamp.modules,
    answerStrings: collectStrings([stamp.answers, stamp.moduleSettings, stamp.project]),
    ...(template
      ? {
          moduleRequires: new Map(
            [...template.modules].map(([name, m]) => [name, m.manifest.requires]),
          ),
        }
      : {}),
  };
  const checks: ValidationReport['checks'] = [];
  const findings: Finding[] = [];
  for (const check of ALL_CHECKS) {
    const found = check.run(context);
    checks.push({ name: check.name, findings: found.length });
    findings.push(...found);
  }
  return { checks, findings, ok: !findings.some((f) => f.severity === 'blocking') };
}

/** Every string value nested in `values`. */
function collectStrings(values: unknown): string[] {
  if (typeof values === 'string') return [values];
  if (Array.isArray(values)) return values.flatMap(collectStrings);
  if (typeof values === 'object' && values !== null)
    return Object.values(values).flatMap(collectStrings);
  return [];
}

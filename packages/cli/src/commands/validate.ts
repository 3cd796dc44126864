import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { STAMP_PATH } from '@slipway/core';
import { SlipwayError, renderFinding } from '@slipway/core/errors';
import type { Finding } from '@slipway/core/errors';
import { paintSeverity } from '../output/paint.js';
import type { ActionRunner } from './actionRunner.js';

interface Report {
  checks: Array<{ name: string; findings: number }>;
  findings: Array<Finding | SlipwayError>;
  ok: boolean;
}

export function registerValidateCommand(program: Command, run: ActionRunner): void {
  program
    .command('validate')
    .description(
      'Check a project: slipway.yaml when present; for a generated project also placeholders, module requirements, package names, migrations, env vars, config files',
    )
    .argument('[dir]', 'project folder', '.')
    .option('--json', 'print the report as JSON')
    .action(
      run(async (dir: string, flags: { json?: boolean }) => {
        const projectDir = resolve(dir);
        const contract = await validateContractFile(projectDir);
        const generated =
          contract === undefined || existsSync(join(projectDir, STAMP_PATH))
            ? await validateGenerated(projectDir)
            : undefined;
        const report = merge([contract, generated]);
        if (flags.json) {
          const findings = report.findings.map((f) => (f instanceof SlipwayError ? f.toJSON() : f));
          process.stdout.write(`${JSON.stringify({ ...report, findings }, null, 2)}\n`);
        } else {
          for (const check of report.checks) {
            const mark = check.findings === 0 ? pc.green('✔') : pc.red('✖');
            console.log(
              `${mark} ${check.name}${check.findings ? pc.dim(` (${check.findings})`) : ''}`,
            );
          }
          for (const finding of report.findings)
            console.log(renderFinding(finding, { paint: paintSeverity, docs: false }));
        }
        return report.ok ? 0 : 1;
      }),
    );
}

/** `slipway.yaml` against the contract schema, or `undefined` when the folder has none. */
async function validateContractFile(projectDir: string): Promise<Report | undefined> {
  const { CONTRACT_FILE, readContractFile } = await import('@slipway/pipeline');
  if (!existsSync(join(projectDir, CONTRACT_FILE))) return undefined;
  try {
    readContractFile(projectDir);
    return { checks: [{ name: CONTRACT_FILE, findings: 0 }], findings: [], ok: true };
  } catch (error) {
    if (!(error instanceof SlipwayError)) throw error;
    return { checks: [{ name: CONTRACT_FILE, findings: 1 }], findings: [error], ok: false };
  }
}

async function validateGenerated(projectDir: string): Promise<Report> {
  const { findTemplate, listTemplateNames, readProjectFiles, readProjectStamp, validateProject } =
    await import('@slipway/templates');
  const stamp = readProjectStamp(projectDir);
  const template = listTemplateNames().includes(stamp.template.name)
    ? findTemplate(stamp.template.name)
    : undefined;
  return validateProject({ files: readProjectFiles(projectDir), stamp, template });
}

function merge(reports: ReadonlyArray<Report | undefined>): Report {
  const present = reports.filter((report): report is Report => report !== undefined);
  return {
    checks: present.flatMap((report) => report.checks),
    findings: present.flatMap((report) => report.findings),
    ok: present.every((report) => report.ok),
  };
}

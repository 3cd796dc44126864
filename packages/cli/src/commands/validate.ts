import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ActionRunner } from './actionRunner.js';
import pc from 'picocolors';
import { renderFinding } from '@slipway/core/errors';
import { paintSeverity } from '../output/paint.js';

export function registerValidateCommand(program: Command, run: ActionRunner): void {
  program
    .command('validate')
    .description(
      'Check a generated project: placeholders, module requirements, package names, migrations, env vars, config files',
    )
    .argument('[dir]', 'project folder', '.')
    .option('--json', 'print the report as JSON')
    .action(
      run(async (dir: string, flags: { json?: boolean }) => {
        const {
          findTemplate,
          listTemplateNames,
          readProjectFiles,
          readProjectStamp,
          validateProject,
        } = await import('@slipway/templates');
        const projectDir = resolve(dir);
        const stamp = readProjectStamp(projectDir);
        const template = listTemplateNames().includes(stamp.template.name)
          ? findTemplate(stamp.template.name)
          : undefined;
        const report = validateProject({ files: readProjectFiles(projectDir), stamp, template });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
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

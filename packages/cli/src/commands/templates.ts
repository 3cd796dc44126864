import type { Command } from 'commander';
import pc from 'picocolors';
import type { LoadedTemplate } from '@slipway/templates';

export function registerTemplatesCommand(program: Command): void {
  const templates = program.command('templates').description('List and inspect templates');
  templates
    .command('list')
    .description('List the built-in templates')
    .option('--json', 'print a machine-readable list')
    .action(async (flags: { json?: boolean }) => {
      const { findTemplate, listTemplateNames } = await import('@slipway/templates');
      const rows = listTemplateNames().map((name) => summarise(findTemplate(name)));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const row of rows) {
        console.log(`${pc.bold(row.name)} ${pc.dim(row.version)}  ${row.description}`);
        console.log(`  modules: ${row.modules.join(', ') || '(none)'}`);
      }
    });
  templates
    .command('show')
    .description("Show a template's parameters and modules")
    .argument('<name|path>', 'built-in template name or template folder')
    .option('--json', 'print the manifest and modules as JSON')
    .action(async (name: string, flags: { json?: boolean }) => {
      const { findTemplate } = await import('@slipway/templates');
      const template = findTemplate(name);
      if (flags.json) {
        const modules = [...template.modules.values()].map((m) => m.manifest);
        process.stdout.write(
          `${JSON.stringify({ ...template.manifest, digest: template.digest, modules }, null, 2)}\n`,
        );
        return;
      }
      console.log(describeTemplate(template));
    });
}

function summarise(template: LoadedTemplate) {
  return {
    name: template.name,
    version: template.manifest.version,
    description: template.manifest.description,
    modules: [...template.modules.keys()],
  };
}

function describeTemplate(template: LoadedTemplate): string {
  const { manifest } = template;
  const lines = [
    `${pc.bold(manifest.name)} ${manifest.version} — ${manifest.description}`,
    '',
    pc.bold('Parameters'),
  ];
  lines.push(...describeParameters(manifest.parameters));
  lines.push(
    '',
    pc.bold('Modules') + pc.dim(`  (default: ${manifest.modules.default.join(', ') || 'none'})`),
  );
  for (const module of template.modules.values()) {
    const m = module.manifest;
    lines.push(`  ${pc.bold(m.name)} ${pc.dim(m.version)}  ${m.description}`);
    if (m.requires.length > 0) lines.push(`    requires: ${m.requires.join(', ')}`);
    if (m.conflicts.length > 0) lines.push(`    conflicts with: ${m.conflicts.join(', ')}`);
    lines.push(...describeParameters(m.parameters).map((line) => `  ${line}`));
  }
  lines.push(
    '',
    pc.dim(`Answer parameters with --set key=value or in a config file (slipway init-config).`),
  );
  return lines.join('\n');
}

function describeParameters(schema: LoadedTemplate['manifest']['parameters']): string[] {
  const entries = Object.entries(schema.properties);
  if (entries.length === 0) return ['  (none)'];
  return entries.map(([key, property]) => {
    const facts = [
      String(property.type ?? 'any'),
      schema.required.includes(key) ? 'required' : undefined,
      'default' in property ? `default ${JSON.stringify(property.default)}` : undefined,
      Array.isArray(property.enum) ? `one of ${property.enum.join('|')}` : undefined,
      property.pattern ? `pattern ${String(property.pattern)}` : undefined,
    ].filter(Boolean);
    const description = property.description ? `  ${String(property.description)}` : '';
    return `  ${key} ${pc.dim(`(${facts.join(', ')})`)}${description}`;
  });
}

// Prepares the peers of `slipway create` for bench/create/run.sh, from one project that
// Slipway renders (saas, all modules):
//  - plop/: a plopfile and Handlebars templates of exactly the same files, where the
//    project name is a Handlebars variable (plop is a popular npm scaffolder);
//  - files.json: the rendered files, for the write-only baseline (writeOnly.mjs), the
//    floor any scaffolder pays to put those bytes on disk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const work = process.argv[2];
if (!work) throw new Error('usage: node prepare.mjs <work-dir>');
const root = new URL('../..', import.meta.url).pathname;
const reference = join(work, 'reference');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
execFileSync(
  process.execPath,
  [
    join(root, 'packages/cli/bin/slipway.js'),
    'create',
    reference,
    '--name',
    'acme',
    '--modules',
    'access,kb',
    '--yes',
  ],
  { stdio: 'ignore' },
);

const files = [];
const walk = (dir, prefix) => {
  for (const name of readdirSync(dir)) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, name)).isDirectory()) walk(join(dir, name), path);
    else files.push({ path, content: readFileSync(join(dir, name)).toString('base64') });
  }
};
walk(reference, '');
writeFileSync(join(work, 'files.json'), JSON.stringify(files));

// Handlebars would read `{{` of JSX and GitHub Actions; escape it, then make the
// project name a variable again so plop renders every file like Slipway does.
const plopTemplates = join(work, 'plop', 'templates');
for (const file of files) {
  const text = Buffer.from(file.content, 'base64')
    .toString('utf8')
    .replaceAll('{{', '\\{{')
    .replaceAll('acme', '{{name}}');
  const target = join(plopTemplates, `${file.path}.hbs`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
writeFileSync(
  join(work, 'plop', 'plopfile.cjs'),
  `module.exports = (plop) => {
  plop.setGenerator('app', {
    prompts: [{ type: 'input', name: 'name' }],
    actions: [{ type: 'addMany', destination: '{{cwd}}/out', base: 'templates', templateFiles: 'templates/**/*', globOptions: { dot: true }, stripExtensions: ['hbs'] }],
  });
  plop.setHelper('cwd', () => process.cwd());
};
`,
);
console.log(
  `prepared ${files.length} files, ${files.reduce((n, f) => n + Buffer.from(f.content, 'base64').length, 0)} bytes`,
);

import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starters that no one here wrote, rendered as their own tools render them: `create-vite`
 * and `create-next-app` ship their templates inside their npm packages, so a test packs
 * the package (pinned, cached across runs), copies the template out and applies the few
 * edits the tool makes — without running its interactive CLI.
 */
export const STARTER_VERSIONS = { 'create-vite': '9.3.0', 'create-next-app': '16.4.3' } as const;

type Starter = keyof typeof STARTER_VERSIONS;

/** The unpacked npm package of `starter`, fetched with `npm pack` once per machine. */
export function unpackStarter(starter: Starter): string {
  const version = STARTER_VERSIONS[starter];
  const dir = join(tmpdir(), 'slipway-starters', `${starter}-${version}`);
  if (existsSync(join(dir, 'package.json'))) return dir;
  // Unpacked beside and renamed into place: test files running at once never see half a copy.
  const staging = `${dir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  execFileSync(
    'npm',
    ['pack', `${starter}@${version}`, '--pack-destination', staging, '--silent'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  execFileSync('tar', ['xzf', join(staging, `${starter}-${version}.tgz`), '-C', staging]);
  try {
    renameSync(join(staging, 'package'), dir);
  } catch (error) {
    if (!existsSync(join(dir, 'package.json'))) throw error;
  }
  rmSync(staging, { recursive: true, force: true });
  return dir;
}

/** `npm create vite <target> --template react-ts`: the template, renamed dotfiles, the name. */
export function renderCreateVite(target: string, name: string): void {
  const template = join(unpackStarter('create-vite'), 'template-react-ts');
  cpSync(template, target, { recursive: true });
  // create-vite's own rename table: npm drops dotfiles like .gitignore from packages.
  for (const [from, to] of [
    ['_gitignore', '.gitignore'],
    ['_oxlintrc.json', '.oxlintrc.json'],
  ] as const) {
    if (existsSync(join(target, from))) renameSync(join(target, from), join(target, to));
  }
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as {
    name: string;
  };
  manifest.name = name;
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * `create-next-app <target> --ts --app --eslint --no-tailwind --no-src-dir`: the app-router
 * TypeScript template, its renames, and the package.json create-next-app writes (its own
 * version of next, the React version it pins, the scripts it adds).
 */
export function renderCreateNextApp(target: string, name: string): void {
  const pkg = unpackStarter('create-next-app');
  cpSync(join(pkg, 'dist', 'templates', 'app', 'ts'), target, { recursive: true });
  renameSync(join(target, 'gitignore'), join(target, '.gitignore'));
  renameSync(join(target, 'README-template.md'), join(target, 'README.md'));
  rmSync(join(target, 'biome.json'), { force: true });
  const next = STARTER_VERSIONS['create-next-app'];
  const react = /const \w+="(19\.[^"]+)";/.exec(
    readFileSync(join(pkg, 'dist', 'index.js'), 'utf8'),
  )?.[1];
  if (!react) throw new Error('create-next-app changed: its React version was not found');
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    scripts: { dev: 'next dev', build: 'next build', start: 'next start', lint: 'eslint' },
    dependencies: { react, 'react-dom': react, next },
    devDependencies: {
      typescript: '^5',
      '@types/node': '^20',
      '@types/react': '^19',
      '@types/react-dom': '^19',
      eslint: '^9',
      'eslint-config-next': next,
    },
  };
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

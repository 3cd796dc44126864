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
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** The Google Fonts stylesheets the app-router template's layout asks for (Geist, Geist Mono). */
const NEXT_TEMPLATE_FONTS = ['Geist', 'Geist Mono'];

/** A stand-in for Google Fonts: the template's stylesheets, and font files from loopback. */
export interface FontsStandIn {
  /** Point `next build` at the canned stylesheets: NEXT_FONT_GOOGLE_MOCKED_RESPONSES. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * `next build` fetches the template's fonts from fonts.googleapis.com and fonts.gstatic.com,
 * which a test machine may not reach. Next reads canned stylesheets from the module named by
 * NEXT_FONT_GOOGLE_MOCKED_RESPONSES (its own test suite does this); Turbopack still fetches
 * the font files those name, so they point at a loopback server answering a few bytes.
 */
export async function standInForGoogleFonts(dir: string): Promise<FontsStandIn> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'font/woff2' });
    response.end(Buffer.alloc(64));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const responses: Record<string, string> = {};
  for (const family of NEXT_TEMPLATE_FONTS) {
    const query = family.replaceAll(' ', '+');
    const file = `http://127.0.0.1:${port}/${family.toLowerCase().replaceAll(' ', '-')}.woff2`;
    responses[`https://fonts.googleapis.com/css2?family=${query}:wght@100..900&display=swap`] =
      `/* latin */\n@font-face {\n  font-family: '${family}';\n  font-style: normal;\n  font-weight: 100 900;\n  font-display: swap;\n  src: url(${file}) format('woff2');\n  unicode-range: U+0000-00FF;\n}\n`;
  }
  const mocks = join(dir, 'next-font-google-mocks.cjs');
  writeFileSync(mocks, `module.exports = ${JSON.stringify(responses, null, 2)};\n`);
  return {
    env: { NEXT_FONT_GOOGLE_MOCKED_RESPONSES: mocks },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { bundledPnpm } from '../bundledPnpm.js';
import { classifyFailure } from '../errors/classifyFailure.js';
import type { Artifact } from '@slipway/core';
import type { StepContext, StepDefinition, StepInputs } from '../stepDefinition.js';
import { dockerImage } from './dockerImage.js';
import { pruneEscapingLinks } from './pruneEscapingLinks.js';
import type { WorkspacePackage } from './readWorkspace.js';

/** Where artifacts are kept, relative to the project. */
export const ARTIFACTS_DIR = '.slipway/artifacts';
/** Points at the newest artifact; the package step's declared output. */
export const LATEST_ARTIFACT = `${ARTIFACTS_DIR}/latest.json`;

export interface PackageStepOptions {
  api: WorkspacePackage;
  storeDir: string;
  inputs: StepInputs;
  packageDirs: ReadonlyMap<string, string>;
}

/**
 * `package`: the API with its production dependencies (`pnpm deploy --prod`), the built web
 * app and the SQL under `db/`, in the repository's layout, as a gzip'd tarball named by its
 * sha256 with a manifest beside it. The tar is written with sorted names, zero mtimes and
 * numeric owners, and gzip without a timestamp, so equal trees give equal digests. With a
 * Docker engine and a Dockerfile, the image is built too.
 */
export function packageStep(options: PackageStepOptions): StepDefinition {
  return {
    name: 'package',
    description: 'a self-contained, content-addressed tarball of the API and web app',
    dependsOn: ['build'],
    inputs: options.inputs,
    outputs: [LATEST_ARTIFACT],
    async run(context) {
      const artifacts = join(context.projectDir, ARTIFACTS_DIR);
      const staging = join(artifacts, `.staging-${context.runId}`);
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging, { recursive: true });
      try {
        await deployApi(context, options, join(staging, options.api.dir));
        for (const link of pruneEscapingLinks(staging))
          context.log(`dropped link leaving the artifact: ${link}`);
        for (const extra of ['apps/web/dist', 'db']) {
          const from = join(context.projectDir, extra);
          if (existsSync(from)) await cp(from, join(staging, extra), { recursive: true });
        }
        const manifest = {
          schemaVersion: 1,
          project: await projectName(context.projectDir),
          api: options.api.name,
          // The runtime's process driver reads `start` and `healthPath` from this file.
          start: ['node', `${options.api.dir}/dist/server.js`],
          healthPath: '/api/health',
          runId: context.runId,
          createdAt: new Date().toISOString(),
        };
        await writeFile(
          join(staging, 'slipway-artifact.json'),
          `${JSON.stringify(manifest, null, 2)}\n`,
        );
        const artifact = await tarball(context, { staging, artifacts, manifest });
        context.log(
          `artifact ${relative(context.projectDir, artifact.path)} (${artifact.size} bytes)`,
        );
        const image = existsSync(join(context.projectDir, 'Dockerfile'))
          ? await dockerImage(context, { name: manifest.project, digest: artifact.digest })
          : undefined;
        return { artifact, ...(image ? { image } : {}) };
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    },
  };
}

async function deployApi(context: StepContext, options: PackageStepOptions, target: string) {
  const args = [
    'deploy',
    '--legacy',
    '--filter',
    options.api.name,
    '--prod',
    '--store-dir',
    options.storeDir,
    '--prefer-offline',
    '--config.confirmModulesPurge=false',
    target,
  ];
  context.log(`$ pnpm ${args.join(' ')}`);
  const result = await context.exec(process.execPath, [bundledPnpm(), ...args]);
  if (result.exitCode !== 0) {
    throw classifyFailure({
      step: 'package',
      command: 'pnpm deploy',
      result,
      packageDirs: options.packageDirs,
    });
  }
}

interface TarballInput {
  staging: string;
  artifacts: string;
  manifest: Record<string, unknown>;
}

async function tarball(context: StepContext, input: TarballInput): Promise<Artifact> {
  const tar = join(input.artifacts, `.${context.runId}.tar`);
  const tgz = `${tar}.gz`;
  const args = ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner'];
  const result = await context.exec('tar', [...args, '-cf', tar, '-C', input.staging, '.']);
  if (result.exitCode !== 0) {
    throw classifyFailure({ step: 'package', command: 'tar', result });
  }
  const hash = createHash('sha256');
  const gzip = createGzip({ level: 6 });
  gzip.on('data', (chunk: Buffer) => hash.update(chunk));
  await pipeline(createReadStream(tar), gzip, createWriteStream(tgz));
  await rm(tar, { force: true });
  const hex = hash.digest('hex');
  const path = join(input.artifacts, `${hex}.tgz`);
  await rename(tgz, path);
  const size = (await stat(path)).size;
  const manifestPath = join(input.artifacts, `${hex}.json`);
  const artifact: Artifact = { path, digest: `sha256:${hex}`, size, manifestPath };
  await writeFile(manifestPath, `${JSON.stringify({ ...input.manifest, ...artifact }, null, 2)}\n`);
  await writeFile(
    join(context.projectDir, LATEST_ARTIFACT),
    `${JSON.stringify(artifact, null, 2)}\n`,
  );
  return artifact;
}

async function projectName(projectDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as {
    name?: string;
  };
  return manifest.name ?? 'project';
}

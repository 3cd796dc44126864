import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ARTIFACT_MANIFEST, artifactManifestSchema } from '@slipway/core';
import { slipwayHome } from '@slipway/secrets';
import type {
  ArtifactManifest,
  ArtifactManifestInput,
  ContractApp,
  LifecycleContract,
} from '@slipway/core';
import { classifyFailure } from '../errors/classifyFailure.js';
import type { Artifact } from '@slipway/core';
import type { StepContext, StepDefinition, StepInputs } from '../engine/stepDefinition.js';
import type { StepName } from '../engine/stepName.js';
import { dockerImage } from './dockerImage.js';
import type { PackageManager } from './packageManager.js';
import { pruneEscapingLinks } from './pruneEscapingLinks.js';
import { stageApp } from './stageApp.js';

/** Where artifacts are kept, relative to the project. */
export const ARTIFACTS_DIR = '.slipway/artifacts';
/** Points at the newest artifact; the package step's declared output. */
export const LATEST_ARTIFACT = `${ARTIFACTS_DIR}/latest.json`;

export interface PackageStepOptions {
  contract: LifecycleContract;
  pm: PackageManager;
  storeDir: string;
  dependsOn: readonly StepName[];
  inputs: StepInputs;
  packageDirs: ReadonlyMap<string, string>;
}

/**
 * `package`: the contract's artifact app with its production dependencies, plus the
 * folders of `artifact.include`, in the repository's layout, with `slipway-artifact.json`
 * (how it starts, from the contract) at the root — as a gzip'd tarball named by its sha256
 * with the manifest beside it. The tar is written with sorted names, zero mtimes and
 * numeric owners, and gzip without a timestamp, so equal trees give equal digests. With a
 * Docker engine and a Dockerfile, the image is built too.
 */
export function packageStep(options: PackageStepOptions): StepDefinition {
  const app = artifactApp(options.contract);
  return {
    name: 'package',
    description: `a self-contained, content-addressed tarball of ${app.name}`,
    dependsOn: options.dependsOn,
    // What the manifest says (start, port, health path) and what goes in are part of the key.
    inputs: { ...options.inputs, config: { app, artifact: options.contract.artifact } },
    outputs: [LATEST_ARTIFACT],
    async run(context) {
      const artifacts = join(context.projectDir, ARTIFACTS_DIR);
      // Staged outside the project: a copy of its sources inside it would be found by the
      // tools of steps running at the same time (`node --test` ran the staged copy's tests
      // and failed when the folder vanished). Under Slipway's home, on the pnpm store's
      // file system, so `pnpm deploy` can still hard-link.
      await mkdir(artifacts, { recursive: true });
      await mkdir(join(slipwayHome(), 'staging'), { recursive: true });
      const staging = await mkdtemp(join(slipwayHome(), 'staging', `${context.runId}-`));
      try {
        await stageApp(context, { ...options, app, staging });
        for (const link of pruneEscapingLinks(staging))
          context.log(`dropped link leaving the artifact: ${link}`);
        for (const extra of options.contract.artifact?.include ?? []) {
          const from = join(context.projectDir, extra);
          if (existsSync(from)) await cp(from, join(staging, extra), { recursive: true });
          else context.log(`${extra} (artifact.include) does not exist: left out`);
        }
        const manifest = artifactManifest(app, {
          project: await projectName(context.projectDir),
          runId: context.runId,
        });
        await writeFile(join(staging, ARTIFACT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
        const artifact = await tarball(context, { staging, artifacts, manifest });
        context.log(
          `artifact ${relative(context.projectDir, artifact.path)} (${artifact.size} bytes)`,
        );
        const name = manifest.project ?? app.name;
        const image = existsSync(join(context.projectDir, 'Dockerfile'))
          ? await dockerImage(context, { name, digest: artifact.digest })
          : undefined;
        return { artifact, ...(image ? { image } : {}) };
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    },
  };
}

function artifactApp(contract: LifecycleContract): ContractApp {
  const app = contract.apps.find((candidate) => candidate.name === contract.artifact?.app);
  if (app) return app;
  // The contract schema refuses an artifact app that is not declared: this is a bug.
  throw new Error(`the contract's artifact app "${contract.artifact?.app}" is not one of its apps`);
}

/** What the runtime reads to start the artifact: everything comes from the contract. */
function artifactManifest(
  app: ContractApp,
  input: { project: string; runId: string },
): ArtifactManifest {
  return artifactManifestSchema.parse({
    project: input.project,
    app: app.name,
    kind: app.kind,
    cwd: app.path,
    ...(app.start ? { start: app.start } : {}),
    ...(app.port ? { port: app.port } : {}),
    portEnv: app.portEnv,
    healthPath: app.healthPath,
    requiredEnv: app.env,
    runId: input.runId,
    createdAt: new Date().toISOString(),
  } satisfies ArtifactManifestInput);
}

interface TarballInput {
  staging: string;
  artifacts: string;
  manifest: ArtifactManifest;
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

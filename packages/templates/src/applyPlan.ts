import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SlipwayError } from '@slipway/core';
import { isProcessAlive } from '@slipway/core/process';
import type { ProjectPlan } from './planProject.js';
import { sortedPaths } from './projectTree.js';

/** Mode of files that hold credentials (`.env.local`). */
const PRIVATE_MODE = 0o600;

export interface ApplyPlanOptions {
  targetDir: string;
  /** Write into a non-empty folder, replacing the files the plan owns. @default false */
  force?: boolean;
  /** Aborting stops before the next file and removes everything staged. */
  signal?: AbortSignal;
  /** Test seam: the function that writes one staged file. @default fs.promises.writeFile */
  writeFile?: (path: string, data: Buffer) => Promise<void>;
}

export interface ApplyResult {
  targetDir: string;
  written: number;
  /** Files that already existed and are never overwritten (`.env.local`). */
  kept: string[];
}

/**
 * Writes a plan atomically. Every file is first written to a staging folder beside the
 * target (same file system); then a new or empty target is swapped in with one rename,
 * and with `force` each file is renamed over its old version. An error or abort at any
 * point removes the staging folder: the target never holds a half-written project
 * or a half-written file.
 */
export async function applyPlan(
  plan: ProjectPlan,
  options: ApplyPlanOptions,
): Promise<ApplyResult> {
  const target = resolve(options.targetDir);
  const fresh = !existsSync(target) || readdirSync(target).length === 0;
  if (!fresh && !options.force) throw targetNotEmpty(target);
  await mkdir(dirname(target), { recursive: true });
  await removeStaleStaging(target);
  const staging = await mkdtemp(join(dirname(target), `${stagingPrefix(target)}${process.pid}-`));
  try {
    await stage(plan, staging, options);
    if (fresh) {
      if (existsSync(target)) await rmdir(target);
      await rename(staging, target);
      return { targetDir: target, written: plan.tree.size, kept: [] };
    }
    return await moveInto(plan, staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof SlipwayError) throw error;
    throw new SlipwayError({
      code: 'TARGET_WRITE_FAILED',
      component: 'Project',
      message: `could not write the project to ${target}: ${(error as Error).message}; nothing was changed`,
      recovery: ['Check free disk space and permissions, then run the command again'],
      cause: error,
    });
  }
}

async function stage(plan: ProjectPlan, staging: string, options: ApplyPlanOptions): Promise<void> {
  const write = options.writeFile ?? ((path: string, data: Buffer) => writeFile(path, data));
  const made = new Set<string>();
  for (const path of sortedPaths(plan.tree)) {
    if (options.signal?.aborted) {
      throw new SlipwayError({
        code: 'INTERRUPTED',
        component: 'Project',
        message: 'interrupted before the project was complete; nothing was written',
      });
    }
    const file = plan.tree.get(path);
    if (!file) continue;
    const absolute = join(staging, path);
    const parent = dirname(absolute);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await write(absolute, file.content);
    if (file.executable) await chmod(absolute, 0o755);
    if (file.private) await chmod(absolute, PRIVATE_MODE);
  }
}

async function moveInto(plan: ProjectPlan, staging: string, target: string): Promise<ApplyResult> {
  const kept: string[] = [];
  let written = 0;
  for (const path of sortedPaths(plan.tree)) {
    const file = plan.tree.get(path);
    const destination = join(target, path);
    if (file?.policy === 'keep' && existsSync(destination)) {
      // A kept credentials file written before it was made private is tightened too.
      if (file.private) await chmod(destination, PRIVATE_MODE);
      kept.push(path);
      continue;
    }
    await mkdir(dirname(destination), { recursive: true });
    await rename(join(staging, path), destination);
    written += 1;
  }
  await rm(staging, { recursive: true, force: true });
  return { targetDir: target, written, kept };
}

/** Staging folders are named `.<target>.slipway-tmp-<pid>-<random>`, beside the target. */
function stagingPrefix(target: string): string {
  return `.${basename(target)}.slipway-tmp-`;
}

/**
 * Removes staging folders left by a process that was killed mid-write (SIGKILL, power
 * loss): their owner pid is gone. A live owner's folder is left alone.
 */
async function removeStaleStaging(target: string): Promise<void> {
  const prefix = stagingPrefix(target);
  for (const name of readdirSync(dirname(target))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid)) {
      await rm(join(dirname(target), name), { recursive: true, force: true });
    }
  }
}

function targetNotEmpty(target: string): SlipwayError {
  return new SlipwayError({
    code: 'TARGET_NOT_EMPTY',
    component: 'Project',
    message: `${target} already exists and is not empty`,
    recovery: [
      'Choose another folder',
      'Or: add --dry-run to see what would change, then --force to overwrite the generated files',
    ],
  });
}

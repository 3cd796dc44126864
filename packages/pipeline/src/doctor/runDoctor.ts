import { existsSync } from 'node:fs';
import { mkdir, rm, statfs } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { STAMP_PATH, readProjectStamp } from '@slipway/core';
import { createFileRunStore, STATE_PATH } from '../engine/fileRunStore.js';
import { resolveContract } from '../contract/resolveContract.js';
import { readWorkspace } from '../steps/readWorkspace.js';
import type { DoctorCheck, DoctorReport } from './doctorCheck.js';
import { doctorExitCode } from './doctorCheck.js';
import { checkNodeEngine, checkPackageManagerEngine } from './engineChecks.js';
import { doctorProject } from './projectContract.js';
import type { DoctorProject } from './projectContract.js';
import { TARGET_TOOLS, checkPnpm, probeTool } from './toolChecks.js';

export interface DoctorOptions {
  /** The project to check; without one only the machine is checked. */
  projectDir?: string;
  /** The pnpm store `install` uses. @default ~/.slipway/pnpm-store */
  storeDir?: string;
  /** A port to check free instead of the ports of the contract's apps. */
  port?: number;
  /**
   * Check that the port of each app in the project's contract is free.
   * @default true
   */
  appPorts?: boolean;
  /** Deployment targets whose tools are checked: `docker`, `aws`, `kubernetes`, `postgres`. */
  targets?: readonly string[];
  /** Repair what can be repaired (a missing store folder, an unreadable state file). */
  fix?: boolean;
}

const GIB = 1024 ** 3;

/**
 * Pre-flight checks: node and the package manager against the project's engines, git, disk
 * space, the free ports of the contract's apps, the project's stamp and state, and the
 * optional tools of the chosen targets.
 * Returns every check; prints nothing.
 */
export async function runDoctor(options: DoctorOptions = {}): Promise<DoctorReport> {
  const stamped =
    options.projectDir !== undefined && existsSync(join(options.projectDir, STAMP_PATH));
  const foreign = options.projectDir && !stamped ? doctorProject(options.projectDir) : undefined;
  const checks: DoctorCheck[] = foreign
    ? await foreignToolChecks(foreign)
    : stampedToolChecks(options.projectDir);
  checks.push(
    await probeTool({
      name: 'git',
      required: false,
      neededFor: 'turbo caching and updates',
      install: 'https://git-scm.com/downloads',
    }),
  );
  checks.push(await checkDisk(options.projectDir ?? homedir()));
  checks.push(
    await checkStore(options.storeDir ?? join(homedir(), '.slipway', 'pnpm-store'), options.fix),
  );
  for (const port of portsToCheck(options)) checks.push(await checkPort(port.number, port.app));
  if (foreign) checks.push(foreign.check);
  if (options.projectDir)
    checks.push(...(await checkProject(options.projectDir, { fix: options.fix, stamped })));
  for (const target of options.targets ?? []) {
    for (const probe of TARGET_TOOLS[target] ?? [])
      checks.push(await probeTool({ ...probe, required: false }));
  }
  return { checks, exitCode: doctorExitCode(checks) };
}

async function checkDisk(dir: string): Promise<DoctorCheck> {
  const stats = await statfs(dir);
  const free = stats.bavail * stats.bsize;
  const detail = `${(free / GIB).toFixed(1)} GiB free`;
  if (free < 0.5 * GIB)
    return { name: 'disk space', status: 'fail', detail, fix: 'Free at least 1 GiB' };
  if (free < 2 * GIB)
    return {
      name: 'disk space',
      status: 'warn',
      detail,
      fix: 'Free some space: installs and builds need ~1 GiB',
    };
  return { name: 'disk space', status: 'pass', detail };
}

async function checkStore(storeDir: string, fix = false): Promise<DoctorCheck> {
  if (existsSync(storeDir)) return { name: 'pnpm store', status: 'pass', detail: storeDir };
  if (fix) {
    await mkdir(storeDir, { recursive: true });
    return { name: 'pnpm store', status: 'pass', detail: `${storeDir} (created)`, fixed: true };
  }
  return {
    name: 'pnpm store',
    status: 'warn',
    detail: `${storeDir} does not exist yet; the first install fills it`,
    fix: 'slipway doctor --fix',
  };
}

function portsToCheck(options: DoctorOptions): Array<{ number: number; app?: string }> {
  if (options.port !== undefined) return [{ number: options.port }];
  if (!options.projectDir || options.appPorts === false) return [];
  try {
    const { apps } = resolveContract(options.projectDir).contract;
    return apps.flatMap((app) => (app.port ? [{ number: app.port, app: app.name }] : []));
  } catch {
    return [];
  }
}

/** Resolves `pass` when `port` can be bound on localhost, `warn` when something holds it. */
export function checkPort(port: number, app?: string): Promise<DoctorCheck> {
  const name = app ? `port ${port} (${app})` : `port ${port}`;
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () =>
      resolve({
        name,
        status: 'warn',
        detail: 'in use',
        fix: `Find it: lsof -i :${port}  (or set PORT to another port)`,
      }),
    );
    server.listen(port, '127.0.0.1', () =>
      server.close(() => resolve({ name, status: 'pass', detail: 'free' })),
    );
  });
}

/** Node and pnpm for a generated project (or none): its root `engines` and `packageManager`. */
function stampedToolChecks(projectDir: string | undefined): DoctorCheck[] {
  const workspace = projectDir ? readWorkspace(projectDir) : undefined;
  return [checkNodeEngine(workspace?.nodeRange), checkPnpm(workspace?.packageManager)];
}

/** Node and the package manager against the engines of a repository Slipway did not create. */
async function foreignToolChecks(project: DoctorProject): Promise<DoctorCheck[]> {
  const contract = project.contract;
  if (!contract) return [checkNodeEngine(undefined)];
  return [
    checkNodeEngine(contract.engines.node),
    await checkPackageManagerEngine(contract.packageManager, contract.engines.packageManager),
  ];
}

async function checkProject(
  projectDir: string,
  options: { fix?: boolean; stamped: boolean },
): Promise<DoctorCheck[]> {
  const fix = options.fix ?? false;
  const checks: DoctorCheck[] = [];
  if (options.stamped) checks.push(await checkStamp(projectDir));
  try {
    await createFileRunStore(projectDir).load();
    checks.push({
      name: 'run state',
      status: 'pass',
      detail: existsSync(join(projectDir, STATE_PATH)) ? STATE_PATH : 'no runs yet',
    });
  } catch (error) {
    if (fix) {
      await rm(join(projectDir, STATE_PATH), { force: true });
      checks.push({
        name: 'run state',
        status: 'pass',
        detail: `${STATE_PATH} was unreadable and is removed`,
        fixed: true,
      });
    } else {
      checks.push({
        name: 'run state',
        status: 'warn',
        detail: (error as Error).message,
        fix: 'slipway doctor --fix',
      });
    }
  }
  return checks;
}

async function checkStamp(projectDir: string): Promise<DoctorCheck> {
  try {
    const stamp = readProjectStamp(projectDir);
    return {
      name: 'project',
      status: 'pass',
      detail: `${stamp.template.name} ${stamp.template.version}, modules: ${stamp.modules.join(', ') || 'none'}`,
    };
  } catch (error) {
    return {
      name: 'project',
      status: 'fail',
      detail: (error as Error).message,
      fix: 'slipway validate',
    };
  }
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SlipwayError } from '@slipway/core';
import type {
  InstanceDriver,
  InstanceRecord,
  InstanceStatus,
  StartInstanceRequest,
} from '../instanceDriver.js';
import { LOOPBACK, assertPortFree, findFreePort } from '../internal/ports.js';
import { tailLines } from '../internal/tailLines.js';
import { readInstances, updateInstances } from './instancesFile.js';
import { instanceEnv } from './instanceEnv.js';
import { prepareLaunch } from './prepareLaunch.js';
import { resolveStartCommand } from './resolveStartCommand.js';
import { startSupervised } from './startSupervised.js';
import type { SupervisedPaths } from './startSupervised.js';
import { stopSupervised } from './stopSupervised.js';
import { readSupervisorState } from './supervisorState.js';
import { toInstanceStatus as toStatus } from './instanceState.js';
import { unpackArtifact } from './unpackArtifact.js';

export interface ProcessDriverOptions {
  /** The project whose instances live under `<projectDir>/.slipway/`. */
  projectDir: string;
}

/**
 * The default driver: each instance is the unpacked artifact run by a detached supervisor
 * on this machine (loopback), recorded in `<project>/.slipway/instances.json`, its folder
 * at `.slipway/instances/<id>/` (`app/`, `app.log`, `supervisor.json`).
 * @example
 * const driver = createProcessDriver({ projectDir });
 * const instance = await driver.start({ artifact: '.slipway/artifacts/app.tgz' });
 * const [status] = await driver.status([instance.id]);
 */
export function createProcessDriver(options: ProcessDriverOptions): InstanceDriver {
  const stateDir = join(resolve(options.projectDir), '.slipway');
  const stateFileOf = (record: InstanceRecord) => join(record.dir, 'supervisor.json');
  const select = (ids?: readonly string[]) =>
    readInstances(stateDir).filter((record) => ids === undefined || ids.includes(record.id));
  const find = (id: string): InstanceRecord => {
    const record = select([id])[0];
    if (record) return record;
    throw new SlipwayError({
      code: 'NOT_FOUND',
      component: 'Runtime',
      message: `No instance ${id} in ${stateDir}.`,
      recovery: ['slipway status'],
    });
  };
  const stop = async (ids?: readonly string[]): Promise<InstanceRecord[]> => {
    const records = select(ids);
    await Promise.all(
      records.map((record) =>
        stopSupervised(record.pid, readSupervisorState(stateFileOf(record))?.appPid),
      ),
    );
    const stoppedAt = new Date().toISOString();
    const stoppedIds = new Set(records.map((record) => record.id));
    return updateInstances(stateDir, (instances) => {
      for (const record of instances) {
        if (stoppedIds.has(record.id)) record.stoppedAt ??= stoppedAt;
      }
      return instances.filter((record) => stoppedIds.has(record.id));
    });
  };

  return {
    name: 'process',
    async start(request: StartInstanceRequest) {
      const id = newInstanceId();
      const dir = join(stateDir, 'instances', id);
      mkdirSync(dir, { recursive: true });
      const unpacked = await unpackArtifact(resolve(request.artifact), join(dir, 'app'));
      const appRoot = unpacked.root;
      const start = resolveStartCommand(appRoot, request.manifestPath);
      if (request.port !== undefined) await assertPortFree(request.port);
      const port = request.port ?? (await findFreePort());
      const paths: SupervisedPaths = {
        dir,
        appRoot,
        logFile: join(dir, 'app.log'),
        stateFile: join(dir, 'supervisor.json'),
      };
      noteSkipped(paths.logFile, unpacked.skipped);
      const env = instanceEnv({
        defaults: start.env,
        requested: request.env,
        port,
        portEnv: start.portEnv,
      });
      const launch = prepareLaunch({
        command: start.command,
        args: start.args,
        env,
        appRoot,
        cwd: start.cwd,
      });
      const pid = await startSupervised({
        paths,
        start: { ...start, command: launch.command, args: launch.args },
        env: launch.env,
        secretNames: request.secretNames ?? [],
        restart: request.restart,
      });
      const record: InstanceRecord = {
        id,
        driver: 'process',
        role: request.role ?? 'candidate',
        url: `http://${LOOPBACK}:${port}`,
        port,
        healthPath: start.healthPath,
        pid,
        dir,
        logFile: paths.logFile,
        artifact: { path: resolve(request.artifact), digest: request.digest },
        startedAt: new Date().toISOString(),
      };
      await updateInstances(stateDir, (instances) => instances.push(record));
      return record;
    },
    stop,
    async status(ids) {
      return select(ids).map((record): InstanceStatus =>
        toStatus(record, readSupervisorState(stateFileOf(record))),
      );
    },
    async logs(id, logOptions) {
      return tailLines(find(id).logFile, logOptions?.lines ?? 200);
    },
    async setRole(id, role) {
      find(id);
      await updateInstances(stateDir, (instances) => {
        for (const record of instances) if (record.id === id) record.role = role;
      });
    },
    async remove(ids) {
      const stopped = await stop(ids);
      const removed = new Set(stopped.map((record) => record.id));
      for (const record of stopped) rmSync(record.dir, { recursive: true, force: true });
      await updateInstances(stateDir, (instances) => {
        const kept = instances.filter((record) => !removed.has(record.id));
        instances.splice(0, instances.length, ...kept);
      });
      return [...removed];
    },
  };
}

/** Entries the archive could not place go to the top of the instance log. */
function noteSkipped(logFile: string, skipped: readonly string[]): void {
  if (skipped.length === 0) return;
  const lines = skipped.map((entry) => `[slipway] skipped from the artifact: ${entry}\n`);
  writeFileSync(logFile, lines.join(''), { mode: 0o600 });
}

/** Sortable by start time, unique enough for one project's folder. */
function newInstanceId(): string {
  return `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pc from 'picocolors';
import { CONTRACT_FILE, defaultStoreDir, runDoctor } from '@slipway/pipeline';
import type { CheckStatus } from '@slipway/pipeline';
import { STAMP_PATH } from '@slipway/core';

/** `slipway doctor` flags as commander parses them. */
export interface DoctorFlags {
  fix?: boolean;
  port?: string;
  target?: string;
  json?: boolean;
}

const MARK: Record<CheckStatus, string> = {
  pass: pc.green('✔ pass'),
  warn: pc.yellow('! warn'),
  fail: pc.red('✖ fail'),
};

/** `slipway doctor [dir]`: prints every check; the exit code is 0, 1 (warnings) or 2 (failures). */
export async function runDoctorCommand(dir: string, flags: DoctorFlags): Promise<number> {
  const projectDir = resolve(dir);
  const stamped = existsSync(join(projectDir, STAMP_PATH));
  // A repository Slipway did not create is a project too: judged by its own engines.
  const inProject =
    stamped || ['package.json', CONTRACT_FILE].some((file) => existsSync(join(projectDir, file)));
  // Without --port, the doctor checks the ports of the contract's apps.
  const port = flags.port ? Number(flags.port) : undefined;
  const report = await runDoctor({
    ...(inProject ? { projectDir } : {}),
    storeDir: defaultStoreDir(),
    ...(port ? { port } : {}),
    targets: flags.target?.split(',').map((target) => target.trim()) ?? [],
    fix: flags.fix ?? false,
  });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ok: report.exitCode === 0, ...report }, null, 2)}\n`);
    return report.exitCode;
  }
  const width = Math.max(...report.checks.map((check) => check.name.length));
  for (const check of report.checks) {
    const fixed = check.fixed ? pc.green(' (fixed)') : '';
    console.log(`${MARK[check.status]}  ${check.name.padEnd(width)}  ${check.detail}${fixed}`);
    if (check.status !== 'pass' && check.fix)
      console.log(`        ${' '.repeat(width)}  → ${check.fix}`);
  }
  const verdict = ['all checks passed', 'passed with warnings', 'failed'][report.exitCode];
  console.log(`\n${pc.bold('doctor')}: ${verdict}`);
  return report.exitCode;
}

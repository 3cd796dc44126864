import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pc from 'picocolors';
import { STAMP_PATH } from '@slipway/core';
import { SlipwayError } from '@slipway/core/errors';
import { CONTRACT_FILE, inferContract, renderContractYaml } from '@slipway/pipeline';
import type { InitFlags } from '../commands/init.js';

const STAMPED_NOTE =
  'note: this project was made by slipway create; the contract in its stamp comes before slipway.yaml';

/** `slipway init [dir]`: infer the contract, show why, and write it down unless `--dry-run`. */
export function runInitCommand(dir: string, flags: InitFlags): void {
  const projectDir = resolve(dir);
  const file = join(projectDir, CONTRACT_FILE);
  const exists = existsSync(file);
  if (exists && !flags.force && !flags.dryRun) {
    throw new SlipwayError({
      code: 'TARGET_NOT_EMPTY',
      component: 'CLI',
      message: `${file} already exists; Slipway uses it instead of inferring.`,
      recovery: [
        'slipway validate  (check it)',
        'slipway init --force  (infer again and overwrite it)',
        'slipway init --dry-run  (see what inference finds)',
      ],
    });
  }
  const inferred = inferContract(projectDir);
  const { contract } = inferred;
  const notes = existsSync(join(projectDir, STAMP_PATH))
    ? [...inferred.notes, STAMPED_NOTE]
    : inferred.notes;
  const yaml = renderContractYaml(contract);
  const written = !flags.dryRun;
  if (written) writeFileSync(file, yaml);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ ok: true, file, written, contract, notes }, null, 2)}\n`,
    );
    return;
  }
  console.log(pc.bold(`Inferred from ${projectDir}:`));
  for (const note of notes) console.log(`  ${note}`);
  if (!written) {
    console.log(`\n${pc.dim(`# ${CONTRACT_FILE} (not written: --dry-run)`)}\n${yaml}`);
    return;
  }
  console.log(
    `\n${pc.green('✔')} Wrote ${file}${exists ? ' (replaced)' : ''}. Review it, commit it, then: slipway up`,
  );
}

import pc from 'picocolors';
import { readTelemetry, summarizeTelemetry, telemetryPath } from '@slipway/pipeline';
import { formatDuration } from './formatDuration.js';

/** `slipway stats`: the summary of `~/.slipway/telemetry.jsonl` */
export async function runStats(flags: { json?: boolean }): Promise<void> {
  const summary = summarizeTelemetry(await readTelemetry());
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, ...summary }, null, 2)}\n`);
    return;
  }
  if (summary.runs === 0) {
    console.log(
      `No runs recorded in ${telemetryPath()} yet (SLIPWAY_TELEMETRY=0 turns recording off).`,
    );
    return;
  }
  console.log(`${pc.bold('Runs')}: ${summary.runs}`);
  console.log(`${pc.bold('Success rate')}: ${(summary.successRate * 100).toFixed(0)}%`);
  console.log(
    `${pc.bold('Duration')}: median ${formatDuration(summary.medianMs)}, p95 ${formatDuration(summary.p95Ms)}`,
  );
  console.log(`\n${pc.bold('Phase breakdown')} (steps that ran):`);
  const width = Math.max(...summary.phases.map((phase) => phase.step.length));
  for (const phase of summary.phases) {
    const share = `${(phase.share * 100).toFixed(0)}%`.padStart(4);
    console.log(
      `  ${phase.step.padEnd(width)}  median ${formatDuration(phase.medianMs).padEnd(7)} ${share}  ${pc.dim(`${phase.runs} run(s)`)}`,
    );
  }
  if (summary.errors.length > 0) {
    console.log(`\n${pc.bold('Most common errors')}:`);
    for (const error of summary.errors.slice(0, 5)) {
      console.log(`  ${error.code}${error.step ? ` at ${error.step}` : ''}  ×${error.count}`);
    }
  }
}

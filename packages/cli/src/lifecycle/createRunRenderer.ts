import pc from 'picocolors';
import type { RunEvent, StepName } from '@slipway/pipeline';
import { formatDuration } from './formatDuration.js';

export interface RunRenderer {
  onEvent(event: RunEvent): void;
  /** Draws the final frame and stops the timer. */
  stop(): void;
}

export interface RendererOptions {
  /** A live task list with spinners; plain lines otherwise. */
  tty: boolean;
  /** Stream every step's output. */
  verbose: boolean;
  write(text: string): void;
}

interface Row {
  name: StepName;
  state: 'waiting' | 'running' | 'done' | 'cached' | 'skipped' | 'failed';
  startedAt?: number;
  detail: string;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const GLYPH = {
  waiting: pc.dim('·'),
  done: pc.green('✔'),
  cached: pc.green('✔'),
  skipped: pc.dim('-'),
  failed: pc.red('✖'),
};

/**
 * Renders run events: on a terminal a task list redrawn in place with a spinner and the
 * elapsed time of each running step; elsewhere (or with `--verbose`) one plain line per
 * change, so logs and CI output stay readable.
 */
export function createRunRenderer(options: RendererOptions): RunRenderer {
  const live = options.tty && !options.verbose;
  const rows = new Map<StepName, Row>();
  let drawn = 0;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  let announced = false;

  const draw = () => {
    frame += 1;
    const width = Math.max(...[...rows.keys()].map((name) => name.length), 4);
    const lines = [...rows.values()].map((row) => {
      const glyph =
        row.state === 'running' ? pc.cyan(SPINNER[frame % SPINNER.length] ?? '') : GLYPH[row.state];
      const elapsed =
        row.state === 'running' && row.startedAt ? formatDuration(Date.now() - row.startedAt) : '';
      return `${glyph} ${row.name.padEnd(width)}  ${pc.dim(row.detail || elapsed)}${row.state === 'running' && row.detail ? pc.dim(` ${elapsed}`) : ''}`;
    });
    const up = drawn > 0 ? `\x1b[${drawn}A` : '';
    options.write(`${up}${lines.map((line) => `\x1b[2K${line}`).join('\n')}\n`);
    drawn = lines.length;
  };

  const plain = (line: string) => options.write(`${line}\n`);

  return {
    onEvent(event) {
      switch (event.type) {
        case 'run:started':
          for (const step of event.plan.steps) {
            rows.set(step.name, {
              name: step.name,
              state: step.action === 'skip' ? 'skipped' : 'waiting',
              detail: step.action === 'skip' ? step.reason : '',
            });
          }
          // A run that creates its project starts twice (create, then the lifecycle).
          if (!live && !announced)
            plain(
              pc.dim(
                `run ${event.runId}${event.plan.resumingAt ? ` — resuming at ${event.plan.resumingAt}` : ''}`,
              ),
            );
          announced = true;
          if (live) timer ??= setInterval(draw, 100);
          return;
        case 'step:started':
          rows.set(event.step, {
            name: event.step,
            state: 'running',
            startedAt: Date.now(),
            detail: '',
          });
          if (!live) plain(`${pc.cyan('▶')} ${event.step} ${pc.dim(`(${event.reason})`)}`);
          return;
        case 'step:cached':
          rows.set(event.step, { name: event.step, state: 'cached', detail: 'cached' });
          if (!live) plain(`${GLYPH.cached} ${event.step} ${pc.dim('cached')}`);
          return;
        case 'step:skipped':
          if (!live) plain(`${GLYPH.skipped} ${event.step} ${pc.dim(`skipped (${event.reason})`)}`);
          return;
        case 'step:finished':
          rows.set(event.step, {
            name: event.step,
            state: 'done',
            detail: formatDuration(event.durationMs),
          });
          if (!live)
            plain(`${GLYPH.done} ${event.step} ${pc.dim(formatDuration(event.durationMs))}`);
          return;
        case 'step:failed':
          rows.set(event.step, {
            name: event.step,
            state: 'failed',
            detail: `${event.error.code} after ${formatDuration(event.durationMs)}`,
          });
          if (!live)
            plain(`${GLYPH.failed} ${event.step} ${pc.dim(formatDuration(event.durationMs))}`);
          return;
        case 'step:log':
          if (options.verbose) plain(`${pc.dim(`${event.step} │`)} ${event.line}`);
          return;
        case 'run:finished':
          return;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      if (live && rows.size > 0) draw();
    },
  };
}

import { logLines, type SlipwayDatabase } from '@slipway/db';
import type { LogSink, StepName } from '@slipway/pipeline';
import { sql } from 'drizzle-orm';

export interface LogBatching {
  /** A step's buffer is written once it holds this many lines. @default 200 */
  batchLines?: number;
  /** Longest a line waits in a buffer before it is written. @default 20 */
  flushMs?: number;
}

/** Opens step logs of one run; every sink of the run shares its `seq` counter. */
export interface RunLogWriter {
  open(step: StepName, location: string): LogSink;
}

/**
 * A run's log writer. `seq` is taken when a line is written, so it orders lines across
 * the run's concurrent steps; it starts after the run's highest stored `seq`, so a run
 * resumed by another worker continues the numbering. Batches of all the run's sinks are
 * inserted one after another, in `seq` order: a reader that saw line n never finds a
 * line < n committed later, which `after=<seq>` reads rely on.
 */
export async function createRunLogWriter(input: {
  database: Pick<SlipwayDatabase, 'db'>;
  runId: string;
  batching?: LogBatching;
}): Promise<RunLogWriter> {
  const { db } = input.database;
  const { runId } = input;
  const [row] = await db
    .select({ max: sql<string | null>`max(${logLines.seq})` })
    .from(logLines)
    .where(sql`${logLines.runId} = ${runId}`);
  let seq = Number(row?.max ?? 0);
  let writing: Promise<void> = Promise.resolve();
  const insert = (rows: (typeof logLines.$inferInsert)[]) => {
    const done = writing.then(() =>
      db
        .insert(logLines)
        .values(rows)
        .then(() => undefined),
    );
    writing = done.catch(() => undefined);
    return done;
  };
  return {
    open: (step, location) =>
      bufferedSink({
        location,
        insert,
        batching: input.batching ?? {},
        line: (text) => ({ runId, seq: ++seq, step, text, at: new Date() }),
      }),
  };
}

function bufferedSink(input: {
  location: string;
  batching: LogBatching;
  line: (text: string) => typeof logLines.$inferInsert;
  insert: (rows: (typeof logLines.$inferInsert)[]) => Promise<void>;
}): LogSink {
  const batchLines = input.batching.batchLines ?? 200;
  const flushMs = input.batching.flushMs ?? 20;
  let buffer: (typeof logLines.$inferInsert)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let failure: unknown;
  const pending = new Set<Promise<void>>();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
    const done = input.insert(buffer).catch((error: unknown) => void (failure ??= error));
    buffer = [];
    pending.add(done);
    void done.finally(() => pending.delete(done));
  };
  return {
    location: input.location,
    write(text) {
      buffer.push(input.line(text));
      if (buffer.length >= batchLines) flush();
      else timer ??= setTimeout(flush, flushMs).unref();
    },
    async close() {
      flush();
      await Promise.all(pending);
      // Lost log lines are a failure of the step's record, not something to hide.
      if (failure) throw failure;
    },
  };
}

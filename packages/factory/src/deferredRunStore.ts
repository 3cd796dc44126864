import type { LogSink, RunState, RunStore, StepName } from '@slipway/pipeline';

/** A run store that keeps everything in memory until the folder it belongs in exists. */
export interface DeferredRunStore extends RunStore {
  /**
   * Writes the buffered logs and the last state into `target`; log locations in the
   * state become the target's.
   */
  flushInto(target: RunStore): Promise<void>;
}

/**
 * Buffers a run's state and logs: the `create` step runs before its project folder
 * exists, and writing `.slipway/` first would make the folder non-empty, which an atomic
 * create refuses. Once the project is written, `flushInto` hands both to the real store.
 */
export function createDeferredRunStore(): DeferredRunStore {
  let state: RunState | undefined;
  const logs = new Map<string, { runId: string; step: StepName; lines: string[] }>();
  return {
    load: async () => (state ? structuredClone(state) : undefined),
    async save(next) {
      state = structuredClone(next);
    },
    async openLog(runId, step) {
      const location = `(pending) ${runId}/${step}`;
      const entry = logs.get(location) ?? { runId, step, lines: [] };
      logs.set(location, entry);
      return {
        location,
        write: (line) => void entry.lines.push(line),
        close: async () => undefined,
      } satisfies LogSink;
    },
    async clear() {
      state = undefined;
      logs.clear();
    },
    async flushInto(target) {
      const moved = new Map<string, string>();
      for (const [location, { runId, step, lines }] of logs) {
        const sink = await target.openLog(runId, step);
        for (const line of lines) sink.write(line);
        await sink.close();
        moved.set(location, sink.location);
      }
      if (!state) return;
      for (const record of Object.values(state.steps)) {
        if (record?.log !== undefined) record.log = moved.get(record.log) ?? record.log;
      }
      await target.save(state);
    },
  };
}

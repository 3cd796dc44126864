import type { FileSnapshot } from './snapshotFiles.js';

/** The project's file hashes during a run, re-read only when a step may have written files. */
export interface FileTracker {
  /** The hashes as of now: re-hashed when a step ran since the last read. */
  current(): FileSnapshot;
  /** A step started executing: it may write files until it ends. */
  stepStarted(): void;
  stepEnded(): void;
}

/**
 * Starts from the snapshot planning used. After a step starts, the next read re-hashes;
 * while steps are still executing the snapshot stays stale, so reads keep re-hashing.
 */
export function createFileTracker(initial: FileSnapshot, rehash: () => FileSnapshot): FileTracker {
  let files = initial;
  let stale = false;
  let executing = 0;
  return {
    current() {
      if (stale) {
        files = rehash();
        stale = executing > 0;
      }
      return files;
    },
    stepStarted() {
      executing += 1;
      stale = true;
    },
    stepEnded() {
      executing -= 1;
    },
  };
}

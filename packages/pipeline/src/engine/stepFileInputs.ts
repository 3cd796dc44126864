import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LazyFileSnapshot } from './lazyFileSnapshot.js';
import { matchFiles } from './matchFiles.js';
import type { FileSnapshot } from './snapshotFiles.js';
import { summarizeFiles } from './summarizeFiles.js';

/** Each glob set's file inputs for the last snapshot id, so a no-op run matches nothing. */
export const FILE_INPUTS_PATH = '.slipway/file-inputs.json';

type Inputs = Record<string, string>;

interface Stored {
  snapshot: string;
  sets: Record<string, Inputs>;
}

const bySnapshot = new WeakMap<FileSnapshot, Map<string, Inputs>>();
const storedByDir = new Map<string, Stored>();

/**
 * A step's file input ids (see `summarizeFiles`) for one glob set. Kept per snapshot in
 * memory (a run fingerprints each step two or three times), and, for a snapshot with an
 * id, on disk: a later run whose snapshot has the same id (same index, same changed
 * files) takes them from there without reading the index or matching a glob.
 */
export function stepFileInputs(
  files: FileSnapshot,
  globs: readonly string[] | undefined,
  ignore: readonly string[] | undefined,
): Inputs {
  if (!globs || globs.length === 0) return {};
  let known = bySnapshot.get(files);
  if (!known) bySnapshot.set(files, (known = new Map()));
  const setId = JSON.stringify([globs, ignore ?? []]);
  let inputs = known.get(setId) ?? storedSet(files, setId);
  if (!inputs) {
    inputs = summarizeFiles(matchFiles(files, { files: globs, ignore }));
    store(files, setId, inputs);
  }
  known.set(setId, inputs);
  return inputs;
}

function storedSet(files: FileSnapshot, setId: string): Inputs | undefined {
  if (!(files instanceof LazyFileSnapshot) || files.id === undefined) return undefined;
  const stored = readStored(files.dir);
  return stored?.snapshot === files.id ? stored.sets[setId] : undefined;
}

function store(files: FileSnapshot, setId: string, inputs: Inputs): void {
  if (!(files instanceof LazyFileSnapshot) || files.id === undefined || !files.stable) return;
  if (!existsSync(join(files.dir, '.slipway'))) return;
  const previous = readStored(files.dir);
  const sets = previous?.snapshot === files.id ? previous.sets : {};
  const stored = { snapshot: files.id, sets: { ...sets, [setId]: inputs } };
  storedByDir.set(files.dir, stored);
  const file = join(files.dir, FILE_INPUTS_PATH);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(stored));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true }); // only a cache
  }
}

/** The stored sets, read once per process; anything unreadable counts as nothing stored. */
function readStored(dir: string): Stored | undefined {
  const known = storedByDir.get(dir);
  if (known) return known;
  try {
    const parsed = JSON.parse(readFileSync(join(dir, FILE_INPUTS_PATH), 'utf8')) as Stored;
    if (typeof parsed.snapshot !== 'string' || typeof parsed.sets !== 'object') return undefined;
    storedByDir.set(dir, parsed);
    return parsed;
  } catch {
    return undefined;
  }
}

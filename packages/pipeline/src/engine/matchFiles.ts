import picomatch from 'picomatch';
import { LazyFileSnapshot } from './lazyFileSnapshot.js';
import type { FileSnapshot } from './snapshotFiles.js';

export interface FileGlobs {
  files: readonly string[];
  ignore?: readonly string[] | undefined;
}

/**
 * A compiled glob. picomatch's expressions are exact but slow (lookaheads and lazy
 * repeats, a microsecond or two a path), so each carries what any match must start and
 * end with, and the expression runs only on paths that pass those string checks:
 * `**\/*.md` tests only paths ending in `.md`, `infra/**` only those starting `infra`.
 */
interface Pattern {
  prefix: string;
  suffix: string;
  /** Undefined for `**`, which matches every path. */
  re: RegExp | undefined;
}

interface CompiledGlobs {
  /** Patterns without wildcards: looked up, not matched. */
  literals: string[];
  patterns: Pattern[];
  ignore: Pattern[];
  /** Folders every pattern lies under, or undefined when one may match anywhere. */
  bases: string[] | undefined;
}

const compiled = new Map<string, CompiledGlobs>();
type Entry = readonly [string, string];
const sortedEntries = new WeakMap<FileSnapshot, readonly Entry[]>();

/**
 * The snapshot's entries the globs select (picomatch semantics, `dot: true`), in path
 * order. Fast enough for 100,000 paths: patterns compile once to plain regular
 * expressions, literal paths are looked up, and patterns under a fixed folder
 * (`db/migrations/**`) only test the paths in that folder's range of the sorted list.
 */
export function matchFiles(files: FileSnapshot, globs: FileGlobs): Array<[string, string]> {
  const compiledGlobs = compile(globs);
  const matched: Array<[string, string]> = [];
  if (compiledGlobs.patterns.length === 0) {
    for (const path of [...new Set(compiledGlobs.literals)].sort()) {
      const digest = lookup(files, path);
      if (digest !== undefined && isMatch(compiledGlobs, path)) matched.push([path, digest]);
    }
    return matched;
  }
  const entries = entriesOf(files);
  const ranges = compiledGlobs.bases
    ? mergeRanges(compiledGlobs.bases.map((base) => prefixRange(entries, base)))
    : [[0, entries.length] as const];
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i += 1) {
      const [path, digest] = entries[i]!;
      if (isMatch(compiledGlobs, path)) matched.push([path, digest]);
    }
  }
  return matched;
}

function isMatch(globs: CompiledGlobs, path: string): boolean {
  const selected = globs.literals.includes(path) || globs.patterns.some((p) => test(p, path));
  return selected && !globs.ignore.some((p) => test(p, path));
}

function test(pattern: Pattern, path: string): boolean {
  if (!path.startsWith(pattern.prefix) || !path.endsWith(pattern.suffix)) return false;
  return pattern.re ? pattern.re.test(path) : true;
}

// Characters that make a glob more than a literal (extglobs, braces, classes, escapes).
const SPECIAL = /[*?[\]{}()!+@|\\]/;

function compilePattern(glob: string): Pattern {
  if (glob === '**') return { prefix: '', suffix: '', re: undefined };
  const re = picomatch.makeRe(glob, { dot: true });
  // A negation or an escape can match what its literal parts do not show.
  if (glob.startsWith('!') || glob.includes('\\')) return { prefix: '', suffix: '', re };
  const first = glob.search(SPECIAL);
  const tail = [...glob].reverse().join('').search(SPECIAL);
  // `a/**` matches `a` and `**/b` matches `b`: the slash next to a wildcard is optional.
  return {
    prefix: (first < 0 ? glob : glob.slice(0, first)).replace(/\/$/, ''),
    suffix: (tail < 0 ? glob : glob.slice(glob.length - tail)).replace(/^\//, ''),
    re,
  };
}

function compile(globs: FileGlobs): CompiledGlobs {
  const id = JSON.stringify([globs.files, globs.ignore ?? []]);
  let result = compiled.get(id);
  if (result) return result;
  const scans = globs.files.map((glob) => ({ glob, scan: picomatch.scan(glob) }));
  const wild = scans.filter(({ scan }) => scan.isGlob);
  result = {
    literals: scans.filter(({ scan }) => !scan.isGlob).map(({ glob }) => glob),
    patterns: wild.map(({ glob }) => compilePattern(glob)),
    ignore: (globs.ignore ?? []).map(compilePattern),
    bases: scans.every(({ scan }) => scan.base !== '')
      ? scans.map(({ scan }) => scan.base)
      : undefined,
  };
  compiled.set(id, result);
  return result;
}

/** The snapshot's entries in path order, kept per snapshot (a run reads one several times). */
function entriesOf(files: FileSnapshot): readonly Entry[] {
  if (files instanceof LazyFileSnapshot) return files.sortedEntries();
  let entries = sortedEntries.get(files);
  if (!entries) {
    const list = [...files];
    if (!list.every(([path], i) => i === 0 || list[i - 1]![0] < path)) {
      list.sort(([a], [b]) => (a < b ? -1 : 1));
    }
    entries = list;
    sortedEntries.set(files, entries);
  }
  return entries;
}

/** A path's digest, by binary search on a lazy snapshot so no map of it is built. */
function lookup(files: FileSnapshot, path: string): string | undefined {
  if (!(files instanceof LazyFileSnapshot)) return files.get(path);
  const entries = files.sortedEntries();
  const entry = entries[lowerBound(entries, path)];
  return entry?.[0] === path ? entry[1] : undefined;
}

/** Indexes [from, to) of `base` itself and every path under `base/`. */
function prefixRange(entries: readonly Entry[], base: string): [number, number] {
  const from = lowerBound(entries, base);
  // '0' follows '/' in code-unit order: every `base/…` sorts below `base0`.
  return [from, lowerBound(entries, `${base}0`)];
}

function lowerBound(entries: readonly Entry[], value: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]![0] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function mergeRanges(ranges: Array<[number, number]>): Array<readonly [number, number]> {
  const sorted = ranges.filter(([from, to]) => from < to).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

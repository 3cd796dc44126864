/** What a lazy snapshot loads on first use. */
export interface LoadedFiles {
  /** Path → digest, sorted by path. */
  sorted: ReadonlyArray<readonly [string, string]>;
  /** False when what was loaded may not be what `id` names (the index changed meanwhile). */
  stable: boolean;
}

/**
 * A file snapshot whose entries are read only when first used, with an id naming its
 * content: equal ids mean equal entries, so what was derived from one snapshot (a step's
 * file inputs) can be reused for another with the same id without reading either.
 */
export class LazyFileSnapshot implements ReadonlyMap<string, string> {
  private loaded: LoadedFiles | undefined;
  /** Built only for lookups: matching walks `sorted`. */
  private map: Map<string, string> | undefined;

  constructor(
    readonly dir: string,
    readonly id: string | undefined,
    private readonly load: () => LoadedFiles,
  ) {}

  /** Whether the entries were read (a no-op run with stored file inputs never reads them). */
  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** Whether the loaded entries are the ones `id` names (loads them). */
  get stable(): boolean {
    return this.files().stable;
  }

  /** The entries in path order, without building a map. */
  sortedEntries(): ReadonlyArray<readonly [string, string]> {
    return this.files().sorted;
  }

  get size(): number {
    return this.files().sorted.length;
  }

  get(path: string): string | undefined {
    return this.lookup().get(path);
  }

  has(path: string): boolean {
    return this.lookup().has(path);
  }

  forEach(visit: (digest: string, path: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [path, digest] of this.files().sorted) visit(digest, path, this);
  }

  entries(): MapIterator<[string, string]> {
    return this.lookup().entries();
  }

  keys(): MapIterator<string> {
    return this.lookup().keys();
  }

  values(): MapIterator<string> {
    return this.lookup().values();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  private lookup(): Map<string, string> {
    this.map ??= new Map(this.files().sorted);
    return this.map;
  }

  private files(): LoadedFiles {
    this.loaded ??= this.load();
    return this.loaded;
  }
}

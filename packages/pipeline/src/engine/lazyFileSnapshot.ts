/** What a lazy snapshot loads on first use. */
export interface LoadedFiles {
  entries: ReadonlyMap<string, string>;
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

  get size(): number {
    return this.files().entries.size;
  }

  get(path: string): string | undefined {
    return this.files().entries.get(path);
  }

  has(path: string): boolean {
    return this.files().entries.has(path);
  }

  forEach(visit: (digest: string, path: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [path, digest] of this.files().entries) visit(digest, path, this);
  }

  entries(): MapIterator<[string, string]> {
    return this.files().entries.entries();
  }

  keys(): MapIterator<string> {
    return this.files().entries.keys();
  }

  values(): MapIterator<string> {
    return this.files().entries.values();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  private files(): LoadedFiles {
    this.loaded ??= this.load();
    return this.loaded;
  }
}

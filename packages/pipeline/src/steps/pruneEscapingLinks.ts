import { readdirSync, readlinkSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Removes symlinks under `root` that point outside it, and returns their paths relative
 * to `root`. `pnpm deploy` leaves one such link (the deployed package's own entry in
 * `node_modules/.pnpm/node_modules`, pointing back at the workspace), and a tarball
 * holding it cannot be unpacked safely (tar refuses links escaping the target).
 */
export function pruneEscapingLinks(root: string): string[] {
  const removed: string[] = [];
  const base = resolve(root);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = resolve(dirname(path), readlinkSync(path));
        if (target !== base && !target.startsWith(base + sep)) {
          rmSync(path);
          removed.push(path.slice(base.length + 1));
        }
      } else if (entry.isDirectory()) {
        walk(path);
      }
    }
  };
  walk(base);
  return removed;
}

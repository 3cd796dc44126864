const MAX_CHANGES = 5;

/**
 * Names the inputs that differ between the last successful execution and now, e.g.
 * `src/routes.ts changed`, `env DATABASE_URL changed`, `node v20.18.0 → v20.19.0`.
 * At most five are listed, then `… and N more`.
 */
export function explainMiss(
  previous: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
): string[] {
  // Only the ids that differ are sorted: a step may have thousands of inputs.
  const differing = new Set<string>();
  for (const id of Object.keys(previous)) if (previous[id] !== current[id]) differing.add(id);
  for (const id of Object.keys(current)) if (previous[id] !== current[id]) differing.add(id);
  const changes = [...differing].sort(byKind).map((id) => describe(id, previous[id], current[id]));
  if (changes.length <= MAX_CHANGES) return changes;
  return [...changes.slice(0, MAX_CHANGES), `… and ${changes.length - MAX_CHANGES} more`];
}

// Dependencies first: "install re-ran" explains the rest.
const KIND_ORDER = ['dep', 'tool', 'config', 'env', 'files', 'file'];
function byKind(a: string, b: string): number {
  const kind = (id: string) => KIND_ORDER.indexOf(id.split(':')[0] ?? '');
  return kind(a) - kind(b) || a.localeCompare(b);
}

function describe(id: string, before: string | undefined, after: string | undefined): string {
  const [kind, ...rest] = id.split(':');
  const name = rest.join(':');
  const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  switch (kind) {
    case 'file':
      return `${name} ${change}`;
    case 'files':
      return `files under ${name} ${change}`;
    case 'env':
      return `env ${name} ${change}`;
    case 'tool':
      return `${name} ${before ?? 'none'} → ${after ?? 'none'}`;
    case 'dep':
      return `${name} changed`;
    default:
      return `config ${change}`;
  }
}

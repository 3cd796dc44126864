import { randomBytes } from 'node:crypto';

/** A sortable, unique run id: `20261122-004501-3fa9`. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

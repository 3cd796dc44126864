import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errorCodes.js';
import { docsLinkFor } from './slipwayError.js';

// Every error links to its section of docs/errors.md: each code must have one.
describe('docs/errors.md', () => {
  const docs = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  it.each(ERROR_CODES)('documents %s', (code) => {
    const anchor = docsLinkFor(code).split('#')[1];
    expect(docs).toContain(`### ${anchor}\n`);
  });
});

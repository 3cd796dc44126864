import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatEnvFile } from './formatEnvFile.js';
import { readEnvFile } from './readEnvFile.js';

const work = mkdtempSync(join(tmpdir(), 'slipway-envfile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('readEnvFile', () => {
  it('reads back exactly what formatEnvFile wrote', () => {
    const values = { A: 'plain', B: "it's", C: 'two\nlines', D: `"both" 'quotes'`, E: '$HOME #x' };
    const file = join(work, '.env.local');
    writeFileSync(file, `# a comment\n${formatEnvFile(values)}`);
    expect(readEnvFile(file)).toEqual(values);
  });

  it('is empty when the file does not exist', () => {
    expect(readEnvFile(join(work, 'missing.env'))).toEqual({});
  });
});

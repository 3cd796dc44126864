import { describe, expect, it } from 'vitest';
import { explainMiss } from './explainMiss.js';
import { fingerprintStep } from './fingerprintStep.js';

const files = new Map([
  ['package.json', 'a1'],
  ['src/app.ts', 'b1'],
  ['src/app.test.ts', 'c1'],
]);

describe('fingerprintStep', () => {
  it('hashes matching files, env, tools, config and dependency keys', () => {
    const fp = fingerprintStep({
      inputs: {
        files: ['src/**'],
        ignore: ['**/*.test.ts'],
        env: ['API_KEY'],
        tools: { node: 'v20' },
        config: { b: 1, a: 2 },
      },
      files,
      env: { API_KEY: 'secret-value' },
      depKeys: { install: 'k1' },
    });
    expect(Object.keys(fp.inputs).sort()).toEqual([
      'config',
      'dep:install',
      'env:API_KEY',
      'file:src/app.ts',
      'tool:node',
    ]);
    expect(JSON.stringify(fp)).not.toContain('secret-value');
    const same = fingerprintStep({
      inputs: {
        files: ['src/**'],
        ignore: ['**/*.test.ts'],
        env: ['API_KEY'],
        tools: { node: 'v20' },
        config: { a: 2, b: 1 },
      },
      files,
      env: { API_KEY: 'secret-value' },
      depKeys: { install: 'k1' },
    });
    expect(same.key).toBe(fp.key);
  });

  it('changes when any input changes', () => {
    const base = { inputs: { files: ['**'], env: ['X'] }, files, env: {}, depKeys: {} };
    const key = fingerprintStep(base).key;
    expect(fingerprintStep({ ...base, env: { X: '1' } }).key).not.toBe(key);
    expect(fingerprintStep({ ...base, depKeys: { install: 'k2' } }).key).not.toBe(key);
    expect(fingerprintStep({ ...base, files: new Map([...files, ['new.ts', 'd1']]) }).key).not.toBe(
      key,
    );
  });
});

describe('explainMiss', () => {
  it('names what changed, dependencies first, at most five', () => {
    expect(
      explainMiss(
        {
          'file:a.ts': '1',
          'file:b.ts': '1',
          'tool:node': 'v20.18.0',
          'env:X': 'h1',
          'dep:install': 'k',
        },
        {
          'file:a.ts': '2',
          'file:c.ts': '1',
          'tool:node': 'v20.19.0',
          'env:X': 'h2',
          'dep:install': 'k',
        },
      ),
    ).toEqual([
      'node v20.18.0 → v20.19.0',
      'env X changed',
      'a.ts changed',
      'b.ts removed',
      'c.ts added',
    ]);
    const many = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`file:${i}.ts`, 'x']));
    expect(explainMiss({}, many).at(-1)).toBe('… and 3 more');
  });
});

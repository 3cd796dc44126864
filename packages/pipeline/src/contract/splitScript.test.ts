import { describe, expect, it } from 'vitest';
import { splitScript } from './splitScript.js';

describe('splitScript', () => {
  it('splits a simple command with quotes and leading variables', () => {
    expect(splitScript(`NODE_ENV=production node "dist/my server.js" --name 'a b'`)).toEqual({
      env: { NODE_ENV: 'production' },
      argv: ['node', 'dist/my server.js', '--name', 'a b'],
    });
  });

  it.each([
    'a && b',
    'a | b',
    'node x.js > log',
    'node $ENTRY',
    'node "$ENTRY"',
    'echo `x`',
    'node "open',
  ])('leaves "%s" to a shell', (script) => expect(splitScript(script)).toBeUndefined());

  it('has nothing to run for variables alone', () => {
    expect(splitScript('PORT=3000')).toBeUndefined();
  });
});

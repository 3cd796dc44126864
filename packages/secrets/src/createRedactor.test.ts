import { describe, expect, it } from 'vitest';
import { createRedactor, MIN_SECRET_LENGTH, REDACTED } from './createRedactor.js';

describe('createRedactor', () => {
  it('replaces values from the minimum length up, longest first, and leaves shorter ones', () => {
    const { redact } = createRedactor([
      'abcdef',
      'abcdef-longer',
      'x'.repeat(MIN_SECRET_LENGTH - 1),
    ]);
    expect(redact('a=abcdef-longer b=abcdef c=xxxxx')).toBe(`a=${REDACTED} b=${REDACTED} c=xxxxx`);
  });

  it('hides the JSON-escaped form of a value, as it appears in a JSON log line', () => {
    const redactor = createRedactor();
    redactor.add('line1\nline2"');
    expect(redactor.redact(JSON.stringify({ msg: 'v=line1\nline2"' }))).toBe(
      `{"msg":"v=${REDACTED}"}`,
    );
  });

  it('forgets the oldest values past its bound', () => {
    const redactor = createRedactor(['first-secret', 'second-secret'], { maxValues: 1 });
    expect(redactor.redact('first-secret second-secret')).toBe(`first-secret ${REDACTED}`);
  });
});

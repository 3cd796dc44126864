import { describe, expect, it } from 'vitest';
import { LiquidRenderer, sqlLiteral } from './liquidRenderer.js';

describe('the sql filter', () => {
  it.each([
    ["o'reilly", "'o''reilly'"],
    ["x'); DROP TABLE users; --", "'x''); DROP TABLE users; --'"],
    ['back\\slash', "'back\\slash'"],
    [null, 'NULL'],
    [undefined, 'NULL'],
    [42, '42'],
    [true, 'TRUE'],
    [['a', "b'c"], "ARRAY['a', 'b''c']::text[]"],
  ])('writes %j as %s', (value, literal) => {
    expect(sqlLiteral(value)).toBe(literal);
  });

  it('refuses values it cannot write safely', () => {
    expect(() => sqlLiteral({ a: 1 })).toThrow();
    expect(() => sqlLiteral('nul\0byte')).toThrow();
    expect(() => sqlLiteral(Number.NaN)).toThrow();
  });

  it('turns Liquid nil into NULL inside a template', () => {
    const renderer = new LiquidRenderer();
    expect(
      renderer.render(
        '{{ a.missing | default: nil | sql }} {{ a.name | sql }}',
        { a: { name: "it's" } },
        't',
      ),
    ).toBe("NULL 'it''s'");
  });
});

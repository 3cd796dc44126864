import { describe, expect, it } from 'vitest';
import { sqlStatements } from './sqlStatements.js';

describe('sqlStatements', () => {
  it('splits on semicolons outside strings, comments and dollar quotes', () => {
    const sql = [
      "INSERT INTO t VALUES ('x''); DROP TABLE users; --') ON CONFLICT DO NOTHING;",
      "-- don't split here; it's a comment",
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;',
      '/* a; b */ SELECT 2',
    ].join('\n');
    expect(sqlStatements(sql).map((s) => s.trim())).toEqual([
      "INSERT INTO t VALUES ('') ON CONFLICT DO NOTHING",
      'CREATE FUNCTION f() RETURNS int AS $$$$ LANGUAGE sql',
      'SELECT 2',
    ]);
  });
});

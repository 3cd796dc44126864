/**
 * Splits SQL into statements with string literals emptied and comments removed, so that
 * checks look at SQL structure only: a `;` or `--` inside `'it''s; --'` is data. Knows
 * single-quoted strings (with '' escapes), dollar-quoted bodies ($$…$$, $tag$…$tag$),
 * `--` line comments and `/* … *\/` block comments. Not a parser; enough for lint rules.
 */
export function sqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i, i + 2);
    const dollar = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64));
    if (sql[i] === "'") {
      i = skipQuoted(sql, i);
      current += "''";
    } else if (dollar) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      i = end === -1 ? sql.length : end + dollar[0].length;
      current += '$$$$';
    } else if (rest === '--') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (rest === '/*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      current += ' ';
    } else if (sql[i] === ';') {
      statements.push(current);
      current = '';
      i += 1;
    } else {
      current += sql[i];
      i += 1;
    }
  }
  statements.push(current);
  return statements.filter((statement) => statement.trim() !== '');
}

/** Index just past the single-quoted string starting at `start`. */
function skipQuoted(sql: string, start: number): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
    else if (sql[i] === "'") return i + 1;
    else i += 1;
  }
  return sql.length;
}

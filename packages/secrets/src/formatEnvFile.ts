/**
 * Variables in dotenv syntax, one `NAME=value` per line, read back exactly by dotenv and
 * Node's `process.loadEnvFile`: single quotes (literal) when the value allows, double
 * quotes with `\n` for multi-line values, backticks when both quotes occur.
 */
export function formatEnvFile(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${quote(value)}\n`)
    .join('');
}

function quote(value: string): string {
  const multiline = /[\r\n]/.test(value);
  if (!multiline && !value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value.replaceAll('\r', '\\r').replaceAll('\n', '\\n')}"`;
  if (!value.includes('`')) return `\`${value}\``;
  throw new Error('a value holding all three quote characters has no dotenv form');
}

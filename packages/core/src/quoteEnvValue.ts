/**
 * One dotenv value, read back exactly by dotenv and Node's `util.parseEnv` /
 * `process.loadEnvFile`: single quotes (literal) when the value allows, double quotes with
 * `\n` for multi-line values, backticks when both quotes occur. JSON-style escaping is not
 * an option: those readers keep a backslash before a quote, so `"it\"s"` comes back wrong.
 */
export function quoteEnvValue(value: string): string {
  const multiline = /[\r\n]/.test(value);
  if (!multiline && !value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value.replaceAll('\r', '\\r').replaceAll('\n', '\\n')}"`;
  if (!value.includes('`')) return `\`${value}\``;
  throw new Error('a value holding all three quote characters has no dotenv form');
}

/** A package.json script read as one command: leading `NAME=value` pairs, then argv. */
export interface SplitScript {
  env: Record<string, string>;
  argv: string[];
}

/** Characters that make a script a shell program rather than one command. */
const SHELL_SYNTAX = /[|&;<>()`$]/;

/**
 * Splits a script like a POSIX shell splits a simple command (single and double quotes,
 * backslash escapes). Returns `undefined` for anything a shell must run — pipes, `&&`,
 * redirections, substitutions — so the caller falls back to `sh -c`.
 */
export function splitScript(script: string): SplitScript | undefined {
  const words = splitWords(script.trim());
  if (!words || words.length === 0) return undefined;
  const env: Record<string, string> = {};
  let index = 0;
  for (; index < words.length; index += 1) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(words[index] ?? '');
    if (!match) break;
    env[match[1] as string] = match[2] as string;
  }
  const argv = words.slice(index);
  return argv.length > 0 ? { env, argv } : undefined;
}

function splitWords(script: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let index = 0; index < script.length; index += 1) {
    const char = script[index] as string;
    if (quote) {
      if (quote === '"' && (char === '$' || char === '`')) return undefined;
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (char === '\\') {
      word = (word ?? '') + (script[(index += 1)] ?? '');
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (SHELL_SYNTAX.test(char)) {
      return undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote) return undefined;
  if (word !== undefined) words.push(word);
  return words;
}

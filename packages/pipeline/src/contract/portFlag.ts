/** Where a `--port N`, `--port=N` or `-p N` sits in argv, and its value. */
export interface PortFlag {
  /** Index of the value's word in argv. */
  index: number;
  port: number;
  /** The word is `--port=N`: the value is the text after `=`. */
  inline: boolean;
}

/** Finds the port flag of argv (the forms `next start` and `vite preview` take). */
export function findPortFlag(argv: readonly string[]): PortFlag | undefined {
  for (const [index, word] of argv.entries()) {
    const inline = /^--port=(\d+)$/.exec(word);
    if (inline) return { index, port: Number(inline[1]), inline: true };
    if ((word === '--port' || word === '-p') && /^\d+$/.test(argv[index + 1] ?? ''))
      return { index: index + 1, port: Number(argv[index + 1]), inline: false };
  }
  return undefined;
}

/**
 * argv with the port flag's value replaced by `${portEnv}` (or the flag added when absent),
 * so the runtime, which chooses the port of each instance, passes it in.
 */
export function withPortPlaceholder(argv: readonly string[], portEnv: string): string[] {
  const placeholder = `\${${portEnv}}`;
  const flag = findPortFlag(argv);
  if (!flag) return [...argv, '--port', placeholder];
  const copy = [...argv];
  copy[flag.index] = flag.inline ? `--port=${placeholder}` : placeholder;
  return copy;
}

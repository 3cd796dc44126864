/** Whether prompts may be shown: a terminal on both ends, and neither --yes nor --json. */
export function canPrompt(flags: { yes?: boolean; json?: boolean }): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY && !flags.yes && !flags.json);
}

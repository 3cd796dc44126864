import { SlipwayError } from '@slipway/core';

/**
 * A secret value typed at a hidden prompt on a terminal, else read from stdin (one
 * trailing newline dropped, so `echo "$TOKEN" | slipway secrets set NAME` works).
 */
export async function readSecretValue(name: string): Promise<string> {
  if (process.stdin.isTTY) {
    const { isCancel, password } = await import('@clack/prompts');
    const value = await password({ message: `Value for ${name}` });
    if (isCancel(value)) {
      throw new SlipwayError({ code: 'INTERRUPTED', component: 'Secrets', message: 'Cancelled.' });
    }
    return value;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

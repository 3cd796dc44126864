import { stripVTControlCharacters } from 'node:util';
import { vi } from 'vitest';
import { main } from '../main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with `args` and captures what it prints, without colour codes
 * (picocolors decides at import time, and turns colour on whenever CI is set).
 */
export async function runCli(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout += `${parts.join(' ')}\n`;
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr += `${parts.join(' ')}\n`;
  });
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'slipway', ...args]);
    return {
      code,
      stdout: stripVTControlCharacters(stdout),
      stderr: stripVTControlCharacters(stderr),
    };
  } finally {
    process.exitCode = undefined;
    for (const spy of [out, err, log, error]) spy.mockRestore();
  }
}

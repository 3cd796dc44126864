import { describe, expect, it } from 'vitest';
import type { ExecResult, StepContext } from '../engine/stepDefinition.js';
import { dockerImage } from './dockerImage.js';

function fakeContext(answers: Array<ExecResult | Error>) {
  const calls: string[][] = [];
  const lines: string[] = [];
  const context = {
    log: (line: string) => lines.push(line),
    exec: async (command: string, args: readonly string[]) => {
      calls.push([command, ...args]);
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer ?? { exitCode: 0, output: '' };
    },
  } as unknown as StepContext;
  return { context, calls, lines };
}

describe('dockerImage', () => {
  it('skips the image when no engine answers (or docker is missing)', async () => {
    for (const answer of [
      { exitCode: 1, output: 'Cannot connect to the Docker daemon' },
      new Error('ENOENT'),
    ]) {
      const { context, calls, lines } = fakeContext([answer]);
      expect(await dockerImage(context, { name: 'acme', digest: 'sha256:abc' })).toBeUndefined();
      expect(calls).toHaveLength(1);
      expect(lines[0]).toContain('image is skipped');
    }
  });

  it('builds <name>:<digest prefix> when an engine answers', async () => {
    const { context, calls } = fakeContext([
      { exitCode: 0, output: '28.2.2' },
      { exitCode: 0, output: '' },
    ]);
    const digest = `sha256:${'0123456789ab'.repeat(5)}cdef`;
    expect(await dockerImage(context, { name: '@acme/stack', digest })).toBe(
      'acme-stack:0123456789ab',
    );
    expect(calls[1]).toEqual(['docker', 'build', '-t', 'acme-stack:0123456789ab', '.']);
  });
});

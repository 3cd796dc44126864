import { describe, expect, it } from 'vitest';
import { FUTURE_NODE_REPO, testdir } from '@slipway/pipeline/testing';
import { runCli } from '../testing/runCli.js';

// The doctor probes real tools (git, the package manager, the disk): seconds on a busy machine.
describe('slipway doctor in a repository Slipway did not create', { timeout: 60_000 }, () => {
  it("regression: judges Node by the repository's engines.node, not by Slipway's own", async () => {
    const result = await runCli(['doctor', testdir(FUTURE_NODE_REPO), '--json']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as {
      checks: Array<{ name: string; code?: string; detail: string }>;
    };
    expect(report.checks.find((check) => check.name === 'node')).toMatchObject({
      code: 'TOOL_TOO_OLD',
      detail: expect.stringContaining('the project needs >=99.0.0'),
    });
  });

  it('prints the range and how to get a fitting Node', async () => {
    const result = await runCli(['doctor', testdir(FUTURE_NODE_REPO)]);
    expect(result.stdout).toMatch(
      /✖ fail\s+node\s+v\d+\.\d+\.\d+ is running, the project needs >=99\.0\.0/,
    );
    expect(result.stdout).toContain('→ Install Node 99: nvm install 99');
  });
});

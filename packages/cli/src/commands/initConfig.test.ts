import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectConfigSchema } from '@slipway/core';
import { EXAMPLE_CONFIG } from '../create/exampleConfig.js';
import { runCli } from '../testing/runCli.js';

describe('slipway init-config', () => {
  it('prints an example that validates against the config schema', async () => {
    const result = await runCli(['init-config']);
    expect(result.stdout).toBe(EXAMPLE_CONFIG);
    const parsed = projectConfigSchema.safeParse(parse(result.stdout));
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.project).toMatchObject({ name: 'ai-mod', repoName: 'ai-mod-stack' });
  });
});

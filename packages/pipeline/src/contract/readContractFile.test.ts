import { describe, expect, it } from 'vitest';
import { SlipwayError } from '@slipway/core';
import { testdir } from '../testing/testdir.js';
import { NPM_EXPRESS_REPO, PNPM_TURBO_REPO } from '../testing/foreignRepos.js';
import { inferContract } from './inferContract.js';
import { readContractFile } from './readContractFile.js';
import { CONTRACT_SCHEMA_URL, renderContractYaml } from './renderContractYaml.js';

function readError(yaml: string): SlipwayError {
  try {
    readContractFile(testdir({ 'slipway.yaml': yaml }));
  } catch (error) {
    if (error instanceof SlipwayError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('readContractFile', () => {
  it('is undefined without slipway.yaml', () => {
    expect(readContractFile(testdir({ 'package.json': '{}' }))).toBeUndefined();
  });

  it.each([
    ['pnpm + turbo', PNPM_TURBO_REPO],
    ['npm workspaces', NPM_EXPRESS_REPO],
  ])('reads back what `slipway init` writes for %s', (_name, files) => {
    const { contract } = inferContract(testdir(files));
    const yaml = renderContractYaml(contract);
    expect(yaml).toContain(`$schema: ${CONTRACT_SCHEMA_URL}`);
    expect(readContractFile(testdir({ 'slipway.yaml': yaml }))).toEqual({
      ...contract,
      $schema: CONTRACT_SCHEMA_URL,
    });
  });

  it('names the file, the field path and its line for a value the schema refuses', () => {
    const error = readError(
      'packageManager:\n  name: npm\napps:\n  - name: api\n    kind: server\n    path: .\n',
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/slipway\.yaml is not a valid Slipway contract/);
    expect(error.message).toContain('apps.0.kind (line 5):');
    expect(error.location).toEqual({ file: expect.stringMatching(/slipway\.yaml$/), line: 5 });
  });

  it('refuses an artifact app that is not one of the apps, and a path that climbs out', () => {
    const error = readError(
      'packageManager: { name: pnpm }\napps:\n  - { name: api, kind: api, path: ../elsewhere }\nartifact: { app: web }\n',
    );
    expect(error.message).toContain('apps.0.path (line 3)');
    expect(error.message).toContain('artifact.app (line 4): "web" is not one of the apps (api)');
  });

  it('reports broken YAML as YAML_SYNTAX with its line', () => {
    const error = readError('packageManager:\n  name: [pnpm\n');
    expect(error.code).toBe('YAML_SYNTAX');
    expect(error.location?.line).toBeGreaterThan(0);
  });
});
